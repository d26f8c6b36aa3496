/// The GFM extensions that libcmark 0.30 lacks, applied to its tree before it is written:
/// strikethrough, task list items, extended autolinks and footnote references. Everything else
/// (escaping, link rewriting and recording, heading ids) then works on them as on any node.
extension HTMLWriter {
    static let uncheckedBox = "<input disabled=\"\" type=\"checkbox\">"
    static let checkedBox = "<input checked=\"\" disabled=\"\" type=\"checkbox\">"

    func applyExtensions(to root: MarkdownNode) {
        var containers: [(node: MarkdownNode, inLink: Bool)] = []
        var items: [MarkdownNode] = []
        var linkDepth = 0
        root.walk { node, entering in
            switch node.kind {
            case .link:
                if entering { containers.append((node, true)) }
                linkDepth += entering ? 1 : -1
            case .image:
                return .skipChildren  // alt text stays text
            case .item:
                if entering { items.append(node) }
            case .paragraph, .heading, .emphasis, .strong, .customInline:
                if entering { containers.append((node, linkDepth > 0)) }
            default:
                break
            }
            return .visitChildren
        }
        for item in items { markTaskItem(item) }
        for (node, inLink) in containers {
            let deleted = Strikethrough.apply(in: node)
            guard !inLink else { continue }
            for container in [node] + deleted { linkAndReference(in: container) }
        }
    }

    /// `- [ ] text` / `- [x] text`: the marker becomes a disabled checkbox.
    private func markTaskItem(_ item: MarkdownNode) {
        guard let paragraph = item.firstChild, paragraph.kind == .paragraph,
              let run = InlineRun.runs(in: paragraph).first, run.nodes.first == paragraph.firstChild else { return }
        let bytes = run.bytes
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "["), bytes[2] == UInt8(ascii: "]"),
              bytes[1] == 0x20 || bytes[1] == 0x09 || bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "X") else { return }
        let followedBySpace = bytes.count > 3 ? (bytes[3] == 0x20 || bytes[3] == 0x09) : run.nodes.last?.next?.kind == .softBreak
        guard followedBySpace, let first = run.nodes.first else { return }
        let checked = bytes[1] != 0x20 && bytes[1] != 0x09
        first.insertCustomInline(
            onEnter: checked ? Self.checkedBox : Self.uncheckedBox, onExit: "", line: first.startLine, column: first.startColumn)
        run.dropPrefix(3)
    }

    /// Extended autolinks and footnote references in the runs of text directly inside `node`.
    private func linkAndReference(in node: MarkdownNode) {
        for run in InlineRun.runs(in: node) {
            var pieces: [InlineRun.Piece] = []
            if !footnotes.definitions.isEmpty {
                pieces += footnoteReferences(in: run.bytes).map {
                    InlineRun.Piece(range: $0.range, kind: .customInline(onEnter: FootnoteState.marker + $0.label, onExit: ""))
                }
            }
            if ExtendedAutolinks.mayContain(run.bytes) {
                for match in ExtendedAutolinks.find(in: run.bytes) where !pieces.contains(where: { $0.range.overlaps(match.range) }) {
                    pieces.append(InlineRun.Piece(range: match.range, kind: .link(url: match.url)))
                }
            }
            guard !pieces.isEmpty else { continue }
            run.replace(with: pieces.sorted { $0.range.lowerBound < $1.range.lowerBound })
        }
    }

    /// `[^label]` where a definition with that label exists.
    private func footnoteReferences(in bytes: [UInt8]) -> [(range: Range<Int>, label: String)] {
        var found: [(Range<Int>, String)] = []
        var i = 0
        while i + 3 < bytes.count {
            guard bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "^") else { i += 1; continue }
            var j = i + 2
            while j < bytes.count, bytes[j] != UInt8(ascii: "]"), bytes[j] > 0x20 { j += 1 }
            let label = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
            if j < bytes.count, j > i + 2, bytes[j] == UInt8(ascii: "]"), hasFootnote(label) {
                found.append((i..<(j + 1), label))
                i = j + 1
            } else {
                i += 1
            }
        }
        return found
    }
}
