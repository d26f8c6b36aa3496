/// Finds choice lines whose list marker Markdown reads differently from what the author meant:
/// `-[ ] …` with no space after the `-` (plain text, joined to the question) and choices that change
/// marker (`- [ ]`, then `* [x]`, then `+ [ ]`), which Markdown splits into separate lists, so that one
/// becomes the choices and the others text or the explanation. Both used to make a quiz of the wrong
/// choices without a word.
enum QuizMarkerSlips {
    enum Kind: Equatable {
        /// `-[ ]`: `text` is the marker and box as written.
        case noSpace
        /// A choice whose marker is not the first choice's: `text` is its marker, `first` the first one's.
        case otherMarker(first: String)
    }

    struct Slip: Equatable {
        var line: Int
        var column: Int
        var kind: Kind
        var text: String
    }

    /// Looks at the question and the choices only: the explanation (from `解説:`, or the first line after the
    /// choices that is not one) is the author's own Markdown, where any list is fine.
    static func find(in body: String) -> [Slip] {
        var slips: [Slip] = []
        var inFence = false
        var firstMarker: (marker: Character, indent: Int)?
        for (index, line) in QuizSource.lines(of: body).enumerated() {
            let indent = line.prefix { $0 == " " }
            let rest = line.dropFirst(indent.count)
            if rest.hasPrefix("```") || rest.hasPrefix("~~~") { inFence.toggle() }
            if QuizParser.explanationPrefixes.contains(where: { rest.hasPrefix($0) }) { break }
            let isChoiceLike = rest.first.map { $0 == "-" || $0 == "*" || $0 == "+" } == true
                && (isBox(rest.dropFirst()) || rest.dropFirst().first == " " && isBox(rest.dropFirst().drop { $0 == " " }))
            if firstMarker != nil, indent.isEmpty, !inFence, !rest.isEmpty, !isChoiceLike { break }
            guard !inFence, isChoiceLike, let marker = rest.first else { continue }
            let afterMarker = rest.dropFirst()
            if isBox(afterMarker) {
                slips.append(Slip(line: index + 1, column: indent.count + 1, kind: .noSpace, text: String(rest.prefix(4))))
                continue
            }
            guard afterMarker.first == " ", isBox(afterMarker.drop { $0 == " " }) else { continue }
            guard let first = firstMarker else {
                firstMarker = (marker, indent.count)
                continue
            }
            if first.indent == indent.count, first.marker != marker {
                slips.append(Slip(line: index + 1, column: indent.count + 1, kind: .otherMarker(first: String(first.marker)), text: String(marker)))
            }
        }
        return slips
    }

    /// Whether `text` starts with a half-width box (`[ ]`, `[x]`, `[X]`) followed by a space or the line's end.
    static func isBox(_ text: Substring) -> Bool {
        let box = text.prefix(3)
        guard box == "[ ]" || box == "[x]" || box == "[X]" else { return false }
        let after = text.dropFirst(3).first
        return after == nil || after == " "
    }
}
