import Foundation
import KenshuCore

/// `## 概要 {#overview}`: a heading's own id, as Pandoc, kramdown, Hugo, MkDocs and Docusaurus write it.
///
/// Material written for those tools links to these ids (`page.md#overview`); without this the braces
/// would show in the heading and the links would break. Only a trailing `{#id}` with nothing else in the
/// braces is taken; `{#id .class}` and braces inside code stay text.
enum ExplicitHeadingID {
    /// Takes the `{#id}` off the end of `heading`'s last text node and returns the id, or `nil` when there is none.
    static func take(from heading: MarkdownNode) -> String? {
        var last = heading.firstChild
        while let next = last?.next { last = next }
        guard let text = last, text.kind == .text else { return nil }
        let literal = text.literal
        guard let (id, before) = split(literal) else { return nil }
        text.setLiteral(before)
        return id
    }

    /// `("overview", "概要")` for `"概要 {#overview}"`.
    static func split(_ literal: String) -> (id: String, before: String)? {
        let trimmed = literal.trimmingBlanks()
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else { return nil }
        let id = trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)]
        guard !id.isEmpty, !id.contains(where: { $0 == " " || $0 == "\t" || $0 == "{" || $0 == "}" || $0 == "#" }) else { return nil }
        var before = String(literal[..<open.lowerBound])
        while before.last == " " || before.last == "\t" { before.removeLast() }
        return (String(id), before)
    }
}
