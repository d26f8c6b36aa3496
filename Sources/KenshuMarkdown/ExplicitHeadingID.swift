import Foundation
import KenshuCore

/// `## 概要 {#overview}`: a heading's attributes as Pandoc, kramdown, Hugo, MkDocs and Docusaurus write
/// them after its text (`{#overview .unnumbered}`, `{: #overview}`).
///
/// Material written for those tools links to these ids (`page.md#overview`); without this the braces
/// would show in the heading and the links would break. The id is taken; classes and `key=value`
/// pairs are left out (the theme styles headings). Braces holding anything else, or inside code, stay text.
enum ExplicitHeadingID {
    /// Takes a trailing attribute block off `heading`'s last text node. `nil` when there is none; otherwise
    /// the id it names, if any.
    static func take(from heading: MarkdownNode) -> String?? {
        var last = heading.firstChild
        while let next = last?.next { last = next }
        guard let text = last, text.kind == .text else { return nil }
        guard let (id, before) = split(text.literal) else { return nil }
        text.setLiteral(before)
        return .some(id)
    }

    /// `("overview", "概要")` for `"概要 {#overview .unnumbered}"`; `(nil, "概要")` for `"概要 {.unnumbered}"`.
    static func split(_ literal: String) -> (id: String?, before: String)? {
        // Trailing blanks cut off a slice of `literal` itself, so that `open` indexes `literal` too.
        var trimmed = Substring(literal)
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        guard trimmed.hasSuffix("}"), let open = trimmed.lastIndex(of: "{") else { return nil }
        var inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        if inside.hasPrefix(":") { inside = inside.dropFirst() }  // kramdown's `{: #id}`
        let tokens = inside.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !tokens.isEmpty, tokens.allSatisfy(isAttribute) else { return nil }
        let ids = tokens.filter { $0.hasPrefix("#") }
        guard ids.count <= 1 else { return nil }
        var before = String(literal[..<open])
        while before.last == " " || before.last == "\t" { before.removeLast() }
        return (ids.first.map { String($0.dropFirst()) }, before)
    }

    /// `#id`, `.class` or `key=value`, with no braces or further `#` inside.
    private static func isAttribute(_ token: Substring) -> Bool {
        guard !token.contains(where: { $0 == "{" || $0 == "}" }) else { return false }
        if token.hasPrefix("#") || token.hasPrefix(".") {
            return token.count > 1 && !token.dropFirst().contains("#")
        }
        guard let equals = token.firstIndex(of: "="), equals != token.startIndex else { return false }
        return token[..<equals].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
