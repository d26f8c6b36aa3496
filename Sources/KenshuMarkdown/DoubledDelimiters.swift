/// Inline marks written with a doubled character, on the inline children of one node: GFM strikethrough,
/// `~~text~~` → `<del>`, and the highlight of Obsidian and Typora, `==text==` → `<mark>`.
///
/// Only doubled characters count (as with cmark-gfm's `DOUBLE_TILDE` option): Japanese text often
/// writes ranges as `1~2日`, which single-tilde strikethrough would turn into deleted text, and `a = b`
/// stays text. Delimiters open and close by CommonMark's flanking rules and pair innermost first.
enum DoubledDelimiters {
    /// Which mark a doubled character writes: its character and the element it becomes.
    enum Mark {
        case strikethrough, highlight

        var character: UInt8 { self == .strikethrough ? UInt8(ascii: "~") : UInt8(ascii: "=") }
        var tag: String { self == .strikethrough ? "del" : "mark" }
    }

    /// Wraps each pair of delimiters' content in a `<del>` (or `<mark>`) node; returns the new nodes.
    @discardableResult
    /// - Parameter sourceMap: for a text node, the offsets in its literal of characters written with a backslash
    ///   (`\~~`, `\==`: libcmark drops the backslash and joins the text, so only the source tells), and where each
    ///   literal offset stands in the source, so that the pieces a split makes keep their true places.
    static func apply(
        _ mark: Mark, in parent: MarkdownNode,
        sourceMap: (MarkdownNode) -> (escaped: Set<Int>, offsets: [Int: Int]) = { _ in ([], [:]) }
    ) -> [MarkdownNode] {
        let delimiter = String(decoding: [mark.character, mark.character], as: UTF8.self)
        guard parent.children.contains(where: { $0.kind == .text && $0.literal.utf8.count >= 2 && $0.literal.contains(delimiter) }) else {
            return []
        }
        var escaped: Set<MarkdownNode> = []
        for child in parent.children where child.kind == .text && child.literal.utf8.contains(mark.character) {
            escaped.formUnion(isolateRuns(of: mark.character, in: child, source: sourceMap(child)))
        }
        let children = parent.children
        var openers: [MarkdownNode] = []
        var pairs: [(MarkdownNode, MarkdownNode)] = []
        for (index, child) in children.enumerated() where child.kind == .text && child.literal == delimiter && !escaped.contains(child) {
            let before = index > 0 ? lastScalar(of: children[index - 1]) : nil
            let after = index + 1 < children.count ? firstScalar(of: children[index + 1]) : nil
            if isRightFlanking(before: before, after: after), let opener = openers.popLast() {
                pairs.append((opener, child))
            } else if isLeftFlanking(before: before, after: after) {
                openers.append(child)
            }
        }
        var created: [MarkdownNode] = []
        for (opener, closer) in pairs {
            guard let wrapper = opener.insertCustomInline(
                onEnter: "<\(mark.tag)>", onExit: "</\(mark.tag)>", line: opener.startLine, column: opener.startColumn) else { continue }
            var node = opener.next
            while let current = node, !(current == closer) {
                node = current.next
                wrapper.append(current)
            }
            opener.remove()
            closer.remove()
            created.append(wrapper)
        }
        return created
    }

    /// Splits a text node so that every run of `character` is a node of its own; returns the runs (or the node
    /// itself, when it is one) whose first character was escaped.
    private static func isolateRuns(of character: UInt8, in node: MarkdownNode, source: (escaped: Set<Int>, offsets: [Int: Int])) -> Set<MarkdownNode> {
        let escaped = source.escaped
        let bytes = Array(node.literal.utf8)
        var pieces: [Range<Int>] = []
        var start = 0, i = 0
        while i < bytes.count {
            guard bytes[i] == character else { i += 1; continue }
            var end = i
            while end < bytes.count, bytes[end] == character { end += 1 }
            if i > start { pieces.append(start..<i) }
            pieces.append(i..<end)
            start = end
            i = end
        }
        if start < bytes.count { pieces.append(start..<bytes.count) }
        let isEscapedRun = { (piece: Range<Int>) in bytes[piece.lowerBound] == character && piece.contains { escaped.contains($0) } }
        guard pieces.count > 1 else { return pieces.first.map(isEscapedRun) == true ? [node] : [] }
        var escapedRuns: Set<MarkdownNode> = []
        for piece in pieces {
            let inserted = node.insertText(
                String(decoding: bytes[piece], as: UTF8.self), line: node.startLine,
                column: node.startColumn + (source.offsets[piece.lowerBound] ?? piece.lowerBound))
            if let inserted, isEscapedRun(piece) { escapedRuns.insert(inserted) }
        }
        node.remove()
        return escapedRuns
    }

    /// The character before a delimiter; `nil` stands for a line's start (whitespace).
    private static func lastScalar(of node: MarkdownNode) -> Unicode.Scalar? {
        switch node.kind {
        case .text: node.literal.unicodeScalars.last
        case .softBreak, .lineBreak: nil
        default: "*"  // the closing mark of emphasis, a link or code: punctuation
        }
    }

    private static func firstScalar(of node: MarkdownNode) -> Unicode.Scalar? {
        switch node.kind {
        case .text: node.literal.unicodeScalars.first
        case .softBreak, .lineBreak: nil
        default: "*"
        }
    }

    static func isLeftFlanking(before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        guard let after, !isWhitespace(after) else { return false }
        return !isPunctuation(after) || before.map { isWhitespace($0) || isPunctuation($0) } ?? true
    }

    static func isRightFlanking(before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        guard let before, !isWhitespace(before) else { return false }
        return !isPunctuation(before) || after.map { isWhitespace($0) || isPunctuation($0) } ?? true
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .spaceSeparator || ["\t", "\n", "\u{0B}", "\u{0C}", "\r"].contains(scalar)
    }

    /// CommonMark's punctuation: ASCII punctuation and Unicode's P categories.
    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x21...0x2F).contains(scalar.value) || (0x3A...0x40).contains(scalar.value) || (0x5B...0x60).contains(scalar.value) || (0x7B...0x7E).contains(scalar.value) }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
