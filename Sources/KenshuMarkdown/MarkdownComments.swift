import KenshuCore

/// HTML comments are the author's notes: the page never shows them (``RawHTMLFilter``). Text kept as
/// Markdown for other places — a quiz's question, choices and explanation in the search index, the
/// GIFT export and quiz checks — leaves them out too, or a note such as "前年度はこれが正解だった"
/// would be published there.
public enum MarkdownComments {
    /// `markdown` without its HTML comments, found as libcmark finds raw HTML (so `` `<!-- -->` `` in code
    /// and `\<!--` stay) and cut as the page cuts them (an unclosed comment runs to the end of its HTML).
    public static func removed(from markdown: String) -> String {
        guard markdown.utf8Range(of: "<!--") != nil else { return markdown }
        let document = CMarkDocument(markdown)
        let lines = LineIndex(markdown)
        var cuts: [Range<Int>] = []
        document.document.walk { node, _ in
            guard node.kind == .htmlInline || node.kind == .htmlBlock else { return .visitChildren }
            var literal = Array(node.literal.utf8)
            // An HTML block's literal ends with a line break that the last line of a text need not have.
            if node.kind == .htmlBlock, literal.last == UInt8(ascii: "\n") { literal.removeLast() }
            // A block inside a quote or list has its markers taken out of the literal: its place in the
            // source is then not the literal's bytes, and it is left as written.
            guard let start = lines.offset(line: node.startLine, byteColumn: node.startColumn), start + literal.count <= lines.bytes.count,
                  lines.bytes[start..<(start + literal.count)].elementsEqual(literal) else { return .visitChildren }
            // Tokens of the matched bytes only: the literal's own last line break may lie past the text's end.
            let end = start + literal.count
            for token in RawHTMLScanner.tokens(String(decoding: literal, as: UTF8.self)) {
                if case .comment = token.kind { cuts.append((start + token.range.lowerBound)..<min(end, start + token.range.upperBound)) }
            }
            return .visitChildren
        }
        guard !cuts.isEmpty else { return markdown }
        var kept: [UInt8] = []
        kept.reserveCapacity(lines.bytes.count)
        var copied = 0
        for cut in cuts.sorted(by: { $0.lowerBound < $1.lowerBound }) where cut.lowerBound >= copied && cut.upperBound <= lines.bytes.count {
            kept += lines.bytes[copied..<cut.lowerBound]
            copied = cut.upperBound
        }
        kept += lines.bytes[copied...]
        return String(decoding: kept, as: UTF8.self)
    }
}
