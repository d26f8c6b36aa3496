import Foundation
import KenshuCore

/// Callouts: a block quote whose first line is a marker such as `[!NOTE]` becomes a labelled callout.
///
/// GitHub's five kinds, and the marker as Obsidian writes it: its other kinds (`[!info]`, `[!faq]`,
/// `[!danger]` …) shown as the nearest of the five, a title after the marker (`> [!tip] 便利な使い方`)
/// in place of the kind's name, and `-` / `+` after the marker (`> [!note]- 詳細`) for a callout folded
/// away (or open) in a `<details>`.
extension HTMLWriter {
    /// Obsidian's kinds and their aliases, as the GitHub kind shown (``MarkdownOptions/alertKinds``).
    static let alertAliases: [String: String] = [
        "info": "note", "todo": "note", "abstract": "note", "summary": "note", "tldr": "note", "example": "note",
        "quote": "note", "cite": "note", "question": "note", "help": "note", "faq": "note", "success": "note",
        "check": "note", "done": "note", "hint": "tip", "attention": "warning", "failure": "warning", "fail": "warning",
        "missing": "warning", "bug": "warning", "danger": "caution", "error": "caution",
    ]

    /// Renders `quote` as a callout and returns `true`, or returns `false` when it is an ordinary quote.
    func renderAlert(_ quote: MarkdownNode) -> Bool {
        guard let first = quote.firstChild, first.kind == .paragraph, first.firstChild?.kind == .text else { return false }
        // libcmark splits `[!NOTE]` into several text nodes (a `[` may open a link): read the run of them.
        var markerNodes: [MarkdownNode] = []
        var literal = ""
        var node = first.firstChild
        while let inline = node, inline.kind == .text {
            markerNodes.append(inline)
            literal += inline.literal
            node = inline.next
        }
        let leading = literal.prefix { $0 == " " || $0 == "\t" }
        let text = literal.dropFirst(leading.count)
        guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return false }
        let written = text[text.index(text.startIndex, offsetBy: 2)..<close].lowercased()
        // The theme's own names for the kinds are markers too (`[!注意]` in a Japanese course is WARNING's title there).
        let titled = options.alertTitles.first { $0.value.lowercased() == written }?.key
        guard let kind = MarkdownOptions.alertKinds.contains(written) ? written : Self.alertAliases[written] ?? titled else {
            // `[!NOTICE]`, `[!WARNIG]`, `[!メモ]`: meant as a callout, shown as a quote with the marker as text.
            let name = text[text.index(text.startIndex, offsetBy: 2)..<close]
            if !name.isEmpty, name.allSatisfy(\.isLetter), captureDepth == 0 {
                let nearest = ClosestMatch.find(written, among: MarkdownOptions.alertKinds + Self.alertAliases.keys.sorted())
                    .map { Self.alertAliases[$0] ?? $0 } ?? "note"
                diagnostics.append(.warning(.alertKindUnknown, String(name), nearest.uppercased(), at: location(of: quote)))
            }
            return false
        }
        var rest = text[text.index(after: close)...]
        let fold = rest.first.flatMap { $0 == "-" || $0 == "+" ? $0 : nil }
        if fold != nil { rest = rest.dropFirst() }
        // A title follows the marker after a blank; anything else glued to it is not a marker.
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return false }
        let titleText = rest.trimmingCharacters(in: .whitespaces)

        // The title runs to the end of the first line: the rest of the marker's text and the inlines up to the break.
        var titleNodes: [MarkdownNode] = []
        var afterMarker: MarkdownNode?
        while let inline = node {
            if inline.kind == .softBreak || inline.kind == .lineBreak {
                afterMarker = inline.next
                // Between a title and the text, a blank for search; after a bare marker, nothing.
                searchOverrides[inline] = titleText.isEmpty && titleNodes.isEmpty ? "" : " "
                break
            }
            titleNodes.append(inline)
            node = inline.next
        }
        // The marker is markup, not words to search for; a title is.
        for (index, markerNode) in markerNodes.enumerated() { searchOverrides[markerNode] = index == 0 ? titleText : "" }

        // Written in place (not into a separate buffer): the writer keeps offsets into `out`.
        func writeTitle() {
            if titleText.isEmpty, titleNodes.isEmpty {
                out += HTMLEscaping.escape(options.alertTitles[kind] ?? kind.capitalized)
                return
            }
            out += HTMLEscaping.escape(titleText)
            for inline in titleNodes { render(inline) }
        }
        newline()
        if let fold {
            out += "<details class=\"callout callout-\(kind)\"" + (fold == "+" ? " open" : "") + ">\n<summary class=\"callout-title\">"
            writeTitle()
            out += "</summary>\n"
        } else {
            out += "<div class=\"callout callout-\(kind)\" role=\"note\">\n<p class=\"callout-title\">"
            writeTitle()
            out += "</p>\n"
        }
        if let rest = afterMarker {
            out += "<p>"
            var inline: MarkdownNode? = rest
            while let node = inline {
                render(node)
                inline = node.next
            }
            out += "</p>\n"
        }
        var block = first.next
        while let node = block {
            render(node)
            block = node.next
        }
        newline()
        out += fold != nil ? "</details>\n" : "</div>\n"
        return true
    }
}
