import KenshuCore

/// The GFM extensions that libcmark 0.30 lacks, applied to its tree before it is written:
/// strikethrough, task list items, extended autolinks and footnote references. Everything else
/// (escaping, link rewriting and recording, heading ids) then works on them as on any node.
extension HTMLWriter {

    func applyExtensions(to root: MarkdownNode) {
        // Only the nodes whose text holds a character that matters are rewritten.
        var containers: [(node: MarkdownNode, inLink: Bool, hints: TextHints)] = []
        var index: [MarkdownNode: Int] = [:]
        var items: [MarkdownNode] = []
        var linkDepth = 0
        var variables: [MarkdownNode] = []
        var shortcodes: [MarkdownNode] = []
        var pandocInlines: [MarkdownNode] = []
        root.walk { node, entering in
            switch node.kind {
            case .link:
                linkDepth += entering ? 1 : -1
                if entering { substituteVariables(inTitleOf: node) }
            case .image:
                if entering { takeImageSize(after: node) }
                // Alt text stays text, but variables fill it (a screen reader should not read braces).
                node.walk { child, entering in
                    if entering, child.kind == .text, child.textHints.contains(.variable) { variables.append(child) }
                    return .visitChildren
                }
                return .skipChildren
            case .item:
                if entering { items.append(node) }
            case .text:
                var hints = node.textHints
                if hints.contains(.emoji) {
                    shortcodes.append(node)
                    hints.remove(.emoji)
                }
                if hints.contains(.commentOpen) {
                    noteUnclosedComment(in: node)
                    hints.remove(.commentOpen)
                }
                if hints.contains(.pandocInline) {
                    pandocInlines.append(node)
                    hints.remove(.pandocInline)
                }
                if hints.contains(.variable) || hints.contains(.otherToolTag) {
                    variables.append(node)
                    hints.remove(.variable)
                    hints.remove(.otherToolTag)
                }
                guard !hints.subtracting(.startsWithBracket).isEmpty, let parent = node.parent else { break }
                if let known = index[parent] {
                    containers[known].hints.formUnion(hints)
                } else {
                    index[parent] = containers.count
                    containers.append((parent, linkDepth > 0, hints))
                }
            default:
                break
            }
            return .visitChildren
        }
        for node in variables { substituteVariables(in: node) }
        for node in pandocInlines { notePandocInline(in: node) }
        // After the variables, whose places are read against the source as written.
        for node in shortcodes { if let text = EmojiShortcodes.replaced(in: node.literal) { node.setLiteral(text) } }
        for item in items { markTaskItem(item) }
        for (node, inLink, hints) in containers {
            let source = { (text: MarkdownNode) in self.sourceMap(of: text, literal: text.literal) }
            let deleted = hints.contains(.tilde) ? DoubledDelimiters.apply(.strikethrough, in: node, sourceMap: source) : []
            let marked = hints.contains(.equals)
                ? ([node] + deleted).flatMap { DoubledDelimiters.apply(.highlight, in: $0, sourceMap: source) } : []
            guard !inLink, !hints.isDisjoint(with: [.caret, .link]) else { continue }
            for container in [node] + deleted + marked { linkAndReference(in: container) }
        }
    }

    /// `- [ ] text` / `- [x] text`: the marker becomes a disabled checkbox.
    private func markTaskItem(_ item: MarkdownNode) {
        guard let paragraph = item.firstChild, paragraph.kind == .paragraph, let first = paragraph.firstChild,
              first.kind == .text, first.textHints.contains(.startsWithBracket), let run = InlineRun.runs(in: paragraph).first else { return }
        let bytes = run.bytes
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "["), bytes[2] == UInt8(ascii: "]"),
              bytes[1] == 0x20 || bytes[1] == 0x09 || bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "X") else { return }
        let followedBySpace = bytes.count > 3 ? (bytes[3] == 0x20 || bytes[3] == 0x09) : run.nodes.last?.next?.kind == .softBreak
        guard followedBySpace else { return }
        let checked = bytes[1] != 0x20 && bytes[1] != 0x09
        let label = HTMLEscaping.escape(checked ? options.taskLabels.done : options.taskLabels.open)
        let box = "<input " + (checked ? "checked=\"\" " : "") + "disabled=\"\" type=\"checkbox\" aria-label=\"\(label)\">"
        first.insertCustomInline(onEnter: box, onExit: "", line: first.startLine, column: first.startColumn)
        run.dropPrefix(3)
    }

    /// Extended autolinks and footnote references in the runs of text directly inside `node`.
    private func linkAndReference(in node: MarkdownNode) {
        for run in InlineRun.runs(in: node) {
            var pieces: [InlineRun.Piece] = []
            if run.bytes.contains(UInt8(ascii: "^")) {
                pieces += footnoteReferences(in: run).map {
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

    /// `[^label]` where a definition with that label exists; the others stay text, with a warning.
    private func footnoteReferences(in run: InlineRun) -> [(range: Range<Int>, label: String)] {
        let bytes = run.bytes
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
            } else if j < bytes.count, j > i + 2, bytes[j] == UInt8(ascii: "]"), j + 1 == bytes.count || bytes[j + 1] != UInt8(ascii: "(") {
                let (line, column) = run.position(at: i)
                diagnostics.append(.warning(.footnoteUndefined, label, at: location(line: line, column: column)))
                i = j + 1
            } else {
                i += 1
            }
        }
        return found
    }
}
