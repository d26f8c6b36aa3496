import Foundation
import KenshuCore

/// GitHub-style alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]` becomes a labelled callout.
extension HTMLWriter {

    /// Renders `quote` as a callout and returns `true`, or returns `false` when it is an ordinary quote.
    func renderAlert(_ quote: MarkdownNode) -> Bool {
        guard let first = quote.firstChild, first.kind == .paragraph else { return false }
        var marker = ""
        var afterMarker: MarkdownNode?
        var child = first.firstChild
        while let node = child {
            if node.kind == .softBreak || node.kind == .lineBreak {
                afterMarker = node.next
                break
            }
            guard node.kind == .text else { return false }
            marker += node.literal
            child = node.next
        }
        let trimmed = marker.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("[!"), trimmed.hasSuffix("]") else { return false }
        let kind = trimmed.dropFirst(2).dropLast().lowercased()
        guard MarkdownOptions.alertKinds.contains(kind) else { return false }
        // The marker is markup, not words to search for.
        var markerNode = first.firstChild
        while let node = markerNode, node != afterMarker {
            searchOverrides[node] = ""
            markerNode = node.next
        }

        let title = options.alertTitles[kind] ?? kind.capitalized
        newline()
        out += "<div class=\"callout callout-\(kind)\" role=\"note\">\n"
        out += "<p class=\"callout-title\">" + HTMLEscaping.escape(title) + "</p>\n"
        if let rest = afterMarker {
            out += "<p>"
            var node: MarkdownNode? = rest
            while let inline = node {
                render(inline)
                node = inline.next
            }
            out += "</p>\n"
        }
        var block = first.next
        while let node = block {
            render(node)
            block = node.next
        }
        newline()
        out += "</div>\n"
        return true
    }
}

