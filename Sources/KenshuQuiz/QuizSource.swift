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
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            let isOption = !inFence && line.first.map { !$0.isWhitespace } == true && QuizParser.optionLine(trimmed) != nil
            let isExplanation = !inFence && QuizParser.explanationPrefixes.contains { line.hasPrefix($0) }
            if (isOption || isExplanation), let last = prepared.last, !last.trimmingCharacters(in: .whitespaces).isEmpty {
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

    func line(_ number: Int) -> Substring { lines.indices.contains(number - 1) ? lines[number - 1] : "" }

    /// The author's line number for a line of the prepared body.
    func original(_ number: Int) -> Int { originalLine.indices.contains(number - 1) ? originalLine[number - 1] : number }

    /// The Markdown of `block`, with its container's indentation (and `>` markers for quotes) removed.
    func text(of block: OutlineBlock, quoteDepth: Int = 0) -> String {
        (block.startLine...max(block.startLine, block.endLine)).map { number in
            var text = line(number)
            if number == block.startLine {
                text = text.dropFirst(min(block.startColumn - 1, text.count))
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
