/// Adjacent text nodes read as one string: libcmark splits text at `[`, `]`, `!`, `&` and other
/// special characters, but GFM's autolinks and footnote references are found in the joined text.
struct InlineRun {
    /// One replacement within the run's bytes.
    struct Piece {
        enum Kind {
            case link(url: String)
            case customInline(onEnter: String, onExit: String)
        }

        var range: Range<Int>
        var kind: Kind
    }

    let nodes: [MarkdownNode]
    let bytes: [UInt8]
    /// Where each node's literal starts in `bytes`.
    private let starts: [Int]

    init(_ nodes: [MarkdownNode]) {
        self.nodes = nodes
        var bytes: [UInt8] = [], starts: [Int] = []
        for node in nodes {
            starts.append(bytes.count)
            bytes += node.literal.utf8
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// The maximal runs of text nodes among `parent`'s children.
    static func runs(in parent: MarkdownNode) -> [InlineRun] {
        var runs: [InlineRun] = []
        var current: [MarkdownNode] = []
        for child in parent.children {
            if child.kind == .text {
                current.append(child)
            } else if !current.isEmpty {
                runs.append(InlineRun(current))
                current = []
            }
        }
        if !current.isEmpty { runs.append(InlineRun(current)) }
        return runs
    }

    /// The source position of byte `offset`: exact where the literal is the source as written
    /// (no entity or escape in front of it within its node).
    func position(at offset: Int) -> (line: Int, column: Int) {
        let index = max(0, (starts.lastIndex { $0 <= offset }) ?? 0)
        let node = nodes[index]
        return (node.startLine, node.startColumn + offset - starts[index])
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Replaces the run by text nodes and the given pieces (sorted, not overlapping).
    func replace(with pieces: [Piece]) {
        guard let anchor = nodes.first, !pieces.isEmpty else { return }
        var cursor = 0
        func emitText(upTo end: Int) {
            guard end > cursor else { return }
            let (line, column) = position(at: cursor)
            anchor.insertText(text(cursor..<end), line: line, column: column)
        }
        for piece in pieces {
            emitText(upTo: piece.range.lowerBound)
            let (line, column) = position(at: piece.range.lowerBound)
            switch piece.kind {
            case .link(let url):
                anchor.insertLink(url: url, text: text(piece.range), line: line, column: column)
            case .customInline(let onEnter, let onExit):
                anchor.insertCustomInline(onEnter: onEnter, onExit: onExit, line: line, column: column)
            }
            cursor = piece.range.upperBound
        }
        emitText(upTo: bytes.count)
        for node in nodes { node.remove() }
    }

    /// Removes the first `count` bytes of the run's text (a task item's `[ ]`).
    func dropPrefix(_ count: Int) {
        var left = count
        for node in nodes where left > 0 {
            let literal = Array(node.literal.utf8)
            if literal.count <= left {
                left -= literal.count
                node.remove()
            } else {
                node.setLiteral(String(decoding: literal[left...], as: UTF8.self))
                node.setPosition(line: node.startLine, column: node.startColumn + left)
                left = 0
            }
        }
    }
}
