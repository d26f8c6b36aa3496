import KenshuMarkdown

/// The lines of a quiz body, to cut out the Markdown of each part by its outline position.
///
/// Option lines (`id: x`) and the `解説:` line are written flush against the question or the
/// choices, where Markdown would read them as part of the paragraph or feedback quote above.
/// The body is therefore prepared with blank lines around them, and line numbers are mapped back.
struct QuizSource {
    /// The prepared body that the outline was made from.
    let text: String
    let lines: [Substring]
    /// Prepared line number → the author's line number.
    private let originalLine: [Int]

    init(_ body: String) {
        var prepared: [Substring] = []
        var original: [Int] = []
        var inFence = false
        for (index, written) in Self.lines(of: body).enumerated() {
            let line = inFence ? written : Self.feedbackIndentedByIME(written)
            let trimmed = line.trimmingBlanks()
            if let first = trimmed.utf8.first, QuizSource.mayStartFence(first), trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
            }
            let isOption = !inFence && line.first.map { !$0.isWhitespace } == true && QuizParser.optionLine(trimmed) != nil
            let isExplanation = !inFence && QuizParser.isExplanation(line)
            if (isOption || isExplanation), let last = prepared.last, !last.trimmingBlanks().isEmpty {
                prepared.append("")
                original.append(index + 1)
            }
            prepared.append(line)
            original.append(index + 1)
            if isOption {
                prepared.append("")
                original.append(index + 1)
            }
        }
        lines = prepared
        originalLine = original
        text = prepared.joined(separator: "\n")
    }

    /// A feedback line indented with ideographic spaces (U+3000, what a Japanese IME types for the space key):
    /// `　　> 解説` under a choice. Markdown takes U+3000 for a letter, so the `>` would join the choice's label and
    /// show the feedback before the learner answers. Each leading U+3000 becomes two spaces (its width), which
    /// puts the quote inside the choice, as the author saw it. Other lines are left as written.
    static func feedbackIndentedByIME(_ line: Substring) -> Substring {
        guard line.hasPrefix("\u{3000}") else { return line }
        let indent = line.prefix { $0 == "\u{3000}" || $0 == " " || $0 == "\t" }
        guard line.dropFirst(indent.count).hasPrefix(">") else { return line }
        return Substring(indent.map { $0 == "\u{3000}" ? "  " : String($0) }.joined()) + line.dropFirst(indent.count)
    }

    /// Whether a line whose first byte is `byte` may start with a fence: `` ` ``, `~`, or the lead byte
    /// of U+1FEF, which `hasPrefix` takes for a backtick (its canonical decomposition).
    static func mayStartFence(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") || byte == 0xE1 }

    /// The body's lines, as `split(separator: "\n")` cuts them; by LF bytes when no CR can join an
    /// LF into one `\r\n` character (the Markdown stage's text has LF line ends already).
    static func lines(of body: String) -> [Substring] {
        guard !body.hasUTF8Byte(UInt8(ascii: "\r")) else { return body.split(separator: "\n", omittingEmptySubsequences: false) }
        return body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    func line(_ number: Int) -> Substring { lines.indices.contains(number - 1) ? lines[number - 1] : "" }

    /// The author's line number for a line of the prepared body.
    func original(_ number: Int) -> Int { originalLine.indices.contains(number - 1) ? originalLine[number - 1] : number }

    /// The Markdown of `block`, with its container's indentation (and `>` markers for quotes) removed.
    func text(of block: OutlineBlock, quoteDepth: Int = 0) -> String {
        (block.startLine...max(block.startLine, block.endLine)).map { number in
            var text = line(number)
            if number == block.startLine {
                // cmark's column counts bytes and `dropFirst` characters: the same here, because only
                // container markers (`>`, list markers, spaces, tabs: all ASCII) precede a block on its first line.
                text = text.dropFirst(max(0, block.startColumn - 1))
            } else {
                text = text.drop { $0 == " " || $0 == "\t" }
                for _ in 0..<quoteDepth where text.hasPrefix(">") {
                    text = text.dropFirst()
                    if text.hasPrefix(" ") { text = text.dropFirst() }
                }
            }
            return String(text)
        }.joined(separator: "\n")
    }
}
