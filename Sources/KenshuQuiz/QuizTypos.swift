/// Finds choice lines that a Japanese keyboard typed in full-width characters (`-［ ］`, `- [ｘ]`,
/// `－ [ ]`, `ー [x]`): Markdown reads them as text, so without this the author would only be told
/// that something else is wrong.
enum QuizTypos {
    struct Typo: Equatable {
        var line: Int
        var column: Int
        var fullWidthMarker: Bool
        var text: String
    }

    static let lookAlikeDashes: Set<Character> = ["－", "ー", "―", "‐", "−", "–", "—", "・"]
    static let boxOpeners: Set<Character> = ["[", "［"]

    static func find(in body: String) -> [Typo] {
        var typos: [Typo] = []
        var inFence = false
        for (index, line) in QuizSource.lines(of: body).enumerated() {
            // A line with no `[` or `［` (lead byte 0xEF) holds no box; it matters only if it opens or closes a fence.
            if !line.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == 0xEF }),
               !(line.utf8.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }.map(QuizSource.mayStartFence) ?? false) {
                continue
            }
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            let rest = line.dropFirst(indent.count)
            if rest.hasPrefix("```") || rest.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, let first = rest.first else { continue }
            let afterMarker = rest.dropFirst().drop { $0 == " " || $0 == "　" }
            guard let open = afterMarker.first, boxOpeners.contains(open) else { continue }
            if lookAlikeDashes.contains(first) {
                typos.append(Typo(line: index + 1, column: indent.count + 1, fullWidthMarker: true, text: String(first)))
                continue
            }
            guard first == "-" || first == "*" || first == "+" else { continue }
            let box = afterMarker.prefix(3)
            let isHalfWidthBox = box == "[ ]" || box == "[x]" || box == "[X]"
            if !isHalfWidthBox, let close = afterMarker.firstIndex(where: { $0 == "]" || $0 == "］" }),
               afterMarker.distance(from: afterMarker.startIndex, to: close) <= 2 {
                let column = indent.count + rest.distance(from: rest.startIndex, to: afterMarker.startIndex) + 1
                typos.append(Typo(
                    line: index + 1, column: column, fullWidthMarker: false,
                    text: String(afterMarker[...close])))
            }
        }
        return typos
    }
}
