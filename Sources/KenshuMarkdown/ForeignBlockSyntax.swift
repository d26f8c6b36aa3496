import KenshuCore

/// Paragraphs that are another tool's block syntax, which CommonMark leaves as text: a table-of-contents
/// marker (`[TOC]`, `[[_TOC_]]`, `${toc}`), a `:::note` / `:::message` container (Zenn, Qiita,
/// Docusaurus, VitePress), a definition list's `: definition` (Pandoc, PHP Markdown Extra, MkDocs) and a
/// grid table (`+---+---+`, Pandoc, reStructuredText). Material brought from those tools gets a located word
/// instead of stray text.
enum ForeignBlockSyntax {
    enum Finding: Equatable {
        /// A table-of-contents marker, as written: the paragraph is left out.
        case tocMarker(String)
        /// `:::name`: the container's name (`note`, `message`, `details`); the text stays.
        case container(String)
        /// `$$ … $$`: a LaTeX formula (Obsidian, Typora, Zenn, Qiita), which no one typesets offline.
        case math
        /// `: definition` opening a paragraph (the term is the paragraph before, a blank line apart): its first line.
        case definition(String)
        /// `+---+---+`: a grid table's first line.
        case gridTable(String)
    }

    static let tocMarkers: Set<String> = ["[toc]", "[[_toc_]]", "${toc}", "[[toc]]", "{:toc}", "[_toc_]", "{{toc}}", "{{>toc}}", "{{<toc}}"]

    /// What `paragraph` is, or `nil` for an ordinary one. Looks only at paragraphs that start with `[`, `$`, `{`, `:` or `+`.
    static func find(in paragraph: MarkdownNode, plainText: (MarkdownNode) -> String) -> Finding? {
        guard let first = paragraph.firstChild, first.kind == .text, let lead = first.literal.utf8.first,
              lead == UInt8(ascii: "[") || lead == UInt8(ascii: "$") || lead == UInt8(ascii: "{") || lead == UInt8(ascii: ":")
                || lead == UInt8(ascii: "+") else { return nil }
        if lead == UInt8(ascii: "+") {
            return isGridTableBorder(first.literal) && first.next?.kind == .softBreak ? .gridTable(first.literal) : nil
        }
        if lead == UInt8(ascii: ":") {
            if let definition = definitionLine(first) { return .definition(definition) }
            let line = first.literal
            guard line.hasPrefix(":::") else { return nil }
            // VuePress and markdown-it write a blank after the colons (`::: tip 題`).
            let name = line.drop { $0 == ":" }.drop { $0 == " " }.prefix { $0.isLetter || $0 == "-" || $0 == "_" }
            return name.isEmpty ? nil : .container(String(name))
        }
        if lead == UInt8(ascii: "$"), first.literal.hasPrefix("$$") { return .math }
        let text = plainText(paragraph).trimmingBlanks()
        return tocMarkers.contains(text.lowercased()) ? .tocMarker(text) : nil
    }

    /// `text`'s line when it is a definition's (`: 説明`, `:   説明`): a colon, a blank, then words. A colon alone,
    /// `:::`, `:warning:` or `: ` with nothing after is not one.
    static func definitionLine(_ text: MarkdownNode) -> String? {
        let bytes = text.literal.utf8
        guard bytes.count > 2, bytes.first == UInt8(ascii: ":"),
              let blank = bytes.dropFirst().first, blank == UInt8(ascii: " ") || blank == UInt8(ascii: "\t"),
              bytes.dropFirst(2).contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return nil }
        let line = text.literal
        return line.count > 40 ? String(line.prefix(40)) + "\u{2026}" : line
    }

    /// A grid table's border line: `+`, then runs of `-`, `=` or `:` each closed by `+` (at least one column).
    static func isGridTableBorder(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes.first == UInt8(ascii: "+"), bytes.last == UInt8(ascii: "+") else { return false }
        var cell = 0
        for byte in bytes.dropFirst() {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: ":"): cell += 1
            case UInt8(ascii: "+"):
                guard cell > 0 else { return false }
                cell = 0
            default: return false
            }
        }
        return true
    }
}
