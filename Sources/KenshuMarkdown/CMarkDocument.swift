import CMark
import Glibc

// The only file that touches libcmark's pointers. Everything else sees `MarkdownNode` values
// that live no longer than the document they came from.

/// A parsed Markdown document; owns libcmark's tree and frees it.
///
/// Not `Sendable`: parse, walk and render one document inside one task, and hand only Swift
/// values (HTML, headings, links) across task boundaries.
final class CMarkDocument {
    private let root: OpaquePointer

    /// Parses `markdown` with source positions, so every node knows its line and column.
    init(_ markdown: String) {
        var text = markdown
        root = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_SOURCEPOS)
            }
        }
    }

    deinit { cmark_node_free(root) }

    var document: MarkdownNode { MarkdownNode(root) }
}

/// What a walk does after visiting a node on entry.
enum WalkAction {
    case visitChildren
    /// The visitor rendered the node and its children itself; no exit event follows.
    case skipChildren
}

/// A borrowed view of one node of a ``CMarkDocument``.
struct MarkdownNode: Hashable {
    enum Kind {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image
        case unknown
    }

    fileprivate let pointer: OpaquePointer
    fileprivate init(_ pointer: OpaquePointer) { self.pointer = pointer }

    var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: .customBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: .customInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default: .unknown
        }
    }

    var literal: String { Self.string(cmark_node_get_literal(pointer)) }
    var url: String { Self.string(cmark_node_get_url(pointer)) }
    var title: String { Self.string(cmark_node_get_title(pointer)) }
    var fenceInfo: String { Self.string(cmark_node_get_fence_info(pointer)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }
    var onEnter: String { Self.string(cmark_node_get_on_enter(pointer)) }
    var onExit: String { Self.string(cmark_node_get_on_exit(pointer)) }

    var startLine: Int { position?.line ?? Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { position?.column ?? Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }
    var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }
    var previous: MarkdownNode? { cmark_node_previous(pointer).map(MarkdownNode.init) }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    static func == (a: MarkdownNode, b: MarkdownNode) -> Bool { a.pointer == b.pointer }
    func hash(into hasher: inout Hasher) { hasher.combine(pointer) }

    /// The last byte of the literal, read without making a Swift string (asked of the text before every link).
    var literalLastByte: UInt8? {
        guard let literal = cmark_node_get_literal(pointer) else { return nil }
        let length = strlen(literal)
        return length == 0 ? nil : UInt8(bitPattern: literal[length - 1])
    }

    /// Which GFM rewrites a text node's literal may need, read from libcmark's bytes without
    /// making a Swift string (most text needs none).
    var textHints: TextHints {
        guard let literal = cmark_node_get_literal(pointer) else { return [] }
        var hints: TextHints = literal.pointee == UInt8(ascii: "[") ? [.startsWithBracket] : []
        var previous: CChar = 0
        var cursor = literal
        while cursor.pointee != 0 {
            switch UInt8(bitPattern: cursor.pointee) {
            case UInt8(ascii: "~"), UInt8(ascii: "^"):
                hints.insert(cursor.pointee == CChar(UInt8(ascii: "~")) ? .tilde : .caret)
                // Maybe Pandoc's `H~2~O` or `m^2^` (``PandocScripts``).
                if PandocScripts.mayPrecedeMark(UInt8(bitPattern: previous)) { hints.insert(.pandocInline) }
            case UInt8(ascii: "@"):
                hints.insert(.link)
                if previous == CChar(UInt8(ascii: "[")) { hints.insert(.pandocInline) }
            case UInt8(ascii: "[") where previous == CChar(UInt8(ascii: "^")): hints.insert(.pandocInline)
            case UInt8(ascii: "{") where previous == CChar(UInt8(ascii: "{")): hints.insert(.variable)
            case UInt8(ascii: "%") where previous == CChar(UInt8(ascii: "{")), UInt8(ascii: ":") where previous == CChar(UInt8(ascii: "{")):
                hints.insert(.otherToolTag)
            case UInt8(ascii: "!") where previous == CChar(UInt8(ascii: "<")): hints.insert(.commentOpen)
            case UInt8(ascii: "=") where previous == CChar(UInt8(ascii: "=")): hints.insert(.equals)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "1"):
                if previous == CChar(UInt8(ascii: ":")) { hints.insert(.emoji) }
            case UInt8(ascii: "/") where previous == CChar(UInt8(ascii: ":")): hints.insert(.link)
            case UInt8(ascii: ".") where previous == CChar(UInt8(ascii: "w")): hints.insert(.link)
            default: break
            }
            previous = cursor.pointee
            cursor += 1
        }
        return hints
    }

    /// Visits this node and its descendants in document order, as libcmark's renderer does.
    ///
    /// Leaf nodes get only an entry visit. Returning `.skipChildren` on entry jumps past the node.
    func walk(_ visit: (MarkdownNode, _ entering: Bool) -> WalkAction) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { break }
            let node = MarkdownNode(current)
            let entering = event == CMARK_EVENT_ENTER
            if visit(node, entering) == .skipChildren, entering {
                cmark_iter_reset(iterator, current, CMARK_EVENT_EXIT)
            }
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

// MARK: - Editing

/// Rewriting the tree before it is written, for the GFM extensions that libcmark 0.30 lacks
/// (strikethrough, task items, autolinks, footnote references). New nodes belong to the tree they
/// are inserted into and are freed with it; removed nodes are freed at once.
extension MarkdownNode {
    /// The source position of a node made here (libcmark has no setter), kept in its user data.
    fileprivate var position: (line: Int, column: Int)? {
        guard let data = cmark_node_get_user_data(pointer) else { return nil }
        let bits = UInt(bitPattern: data)
        return (Int(bits >> 24), Int(bits & 0xFF_FFFF))
    }

    /// Sets where this node starts in the source; lines and columns past the encodable range are clamped.
    func setPosition(line: Int, column: Int) {
        let bits = (UInt(max(1, min(line, 1 << 30))) << 24) | UInt(max(0, min(column, 0xFF_FFFF)))
        cmark_node_set_user_data(pointer, UnsafeMutableRawPointer(bitPattern: bits))
    }

    func setLiteral(_ text: String) { cmark_node_set_literal(pointer, text) }

    func setTitle(_ text: String) { cmark_node_set_title(pointer, text) }

    /// Inserts a new text node before this one and returns it.
    @discardableResult
    func insertText(_ text: String, line: Int, column: Int) -> MarkdownNode? {
        guard let node = insert(CMARK_NODE_TEXT) else { return nil }
        node.setLiteral(text)
        node.setPosition(line: line, column: column)
        return node
    }

    /// Inserts a new link before this node, holding `text`, and returns it.
    @discardableResult
    func insertLink(url: String, text: String, line: Int, column: Int) -> MarkdownNode? {
        guard let link = insert(CMARK_NODE_LINK) else { return nil }
        cmark_node_set_url(link.pointer, url)
        link.setPosition(line: line, column: column)
        if let child = cmark_node_new(CMARK_NODE_TEXT) {
            cmark_node_set_literal(child, text)
            MarkdownNode(child).setPosition(line: line, column: column)
            if cmark_node_append_child(link.pointer, child) == 0 { cmark_node_free(child) }
        }
        return link
    }

    /// Inserts a new custom inline (HTML written around its children) before this node and returns it.
    @discardableResult
    func insertCustomInline(onEnter: String, onExit: String, line: Int, column: Int) -> MarkdownNode? {
        guard let node = insert(CMARK_NODE_CUSTOM_INLINE) else { return nil }
        cmark_node_set_on_enter(node.pointer, onEnter)
        cmark_node_set_on_exit(node.pointer, onExit)
        node.setPosition(line: line, column: column)
        return node
    }

    /// Moves `child` (with its children) to the end of this node's children.
    func append(_ child: MarkdownNode) { cmark_node_append_child(pointer, child.pointer) }

    /// Takes this node out of the tree and frees it with its children.
    func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    private func insert(_ type: cmark_node_type) -> MarkdownNode? {
        guard let node = cmark_node_new(type) else { return nil }
        guard cmark_node_insert_before(pointer, node) != 0 else {
            cmark_node_free(node)
            return nil
        }
        return MarkdownNode(node)
    }
}

/// What a text node holds that a GFM rewrite looks for.
struct TextHints: OptionSet {
    let rawValue: UInt16
    static let tilde = TextHints(rawValue: 1)
    static let caret = TextHints(rawValue: 2)
    /// `://`, `w.` or `@`: maybe an autolink.
    static let link = TextHints(rawValue: 4)
    static let startsWithBracket = TextHints(rawValue: 8)
    /// `{{`: maybe a variable from `vars:`.
    static let variable = TextHints(rawValue: 16)
    /// `{%` or `{:`: maybe another tool's template tag or attribute list (``OtherToolSyntax``).
    static let otherToolTag = TextHints(rawValue: 32)
    /// `<!`: maybe a comment that libcmark left as text because nothing closes it.
    static let commentOpen = TextHints(rawValue: 64)
    /// `==`: maybe a highlight (`==重要==`).
    static let equals = TextHints(rawValue: 128)
    /// `:` and a letter: maybe an emoji shortcode (`:warning:`).
    static let emoji = TextHints(rawValue: 256)
    /// `^[`, `[@`, or `^`/`~` after a letter or digit: maybe Pandoc's inline footnote, citation, superscript or subscript.
    static let pandocInline = TextHints(rawValue: 512)
}
