/// The block structure of a Markdown text as plain values: what a feature needs to read a
/// fenced block's own grammar (a question, a list of choices, quotes under them) without touching cmark.
public struct OutlineBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case paragraph, bulletList, orderedList, blockQuote, heading, codeBlock, thematicBreak, html, other }

    public var kind: Kind
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    /// For lists: each item's blocks. For block quotes: one entry with the quote's blocks.
    public var items: [[OutlineBlock]]
    /// For paragraphs: the plain text of the first inline run (up to the first line break).
    public var firstLineText: String
}

enum MarkdownOutline {
    static func blocks(of markdown: String) -> [OutlineBlock] {
        let document = CMarkDocument(markdown)
        return document.document.children.map(block)
    }

    private static func block(_ node: MarkdownNode) -> OutlineBlock {
        var items: [[OutlineBlock]] = []
        var firstLine = ""
        let kind: OutlineBlock.Kind
        switch node.kind {
        case .paragraph:
            kind = .paragraph
            var child = node.firstChild
            while let inline = child, inline.kind != .softBreak, inline.kind != .lineBreak {
                if inline.kind == .text || inline.kind == .code { firstLine += inline.literal }
                child = inline.next
            }
        case .list:
            kind = node.isOrderedList ? .orderedList : .bulletList
            items = node.children.map { $0.children.map(block) }
        case .blockQuote:
            kind = .blockQuote
            items = [node.children.map(block)]
        case .heading: kind = .heading
        case .codeBlock: kind = .codeBlock
        case .thematicBreak: kind = .thematicBreak
        case .htmlBlock: kind = .html
        default: kind = .other
        }
        // libcmark 0.30 ends an HTML block on its first line (`<!-- メモ` over two lines ends at line 1): its
        // literal, one line break per line, says where it ends.
        let endLine = kind == .html
            ? node.startLine + max(0, node.literal.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } - 1)
            : node.endLine
        return OutlineBlock(
            kind: kind, startLine: node.startLine, startColumn: node.startColumn, endLine: endLine,
            items: items, firstLineText: firstLine)
    }
}
