import Foundation
import KenshuCore
import KenshuMarkdown

/// Reads the quiz grammar from a block's outline:
///
/// ```text
/// question (Markdown, one or more paragraphs)
/// - [ ] a wrong choice
///   > feedback shown when it is picked
/// - [x] the right choice
/// 解説: the explanation (Markdown, to the end of the block)
/// ```
///
/// Option lines (`id: …`, `shuffle`, `answer: a | b`, `kana`) may stand anywhere on their own.
/// One `[x]` makes a single-choice question, several a multiple-choice one; no list and an
/// `answer:` line make a text question.
struct QuizParser {
    let context: FencedBlockContext
    let source: QuizSource
    let fence: SourceLocation

    static let options = ["id", "shuffle", "answer", "kana"]
    static let explanationPrefixes = ["解説:", "解説：", "explanation:", "Explanation:"]

    private var questionParts: [String] = []
    private var questionMarkdown: [String] = []
    private var explanationParts: [String] = []
    private var explanationMarkdown: [String] = []
    private var choiceList: OutlineBlock?
    private var id: String?
    private var shuffle = false
    private var kana = false
    private var answers: [String] = []
    private var answerLine: Int?
    /// Whether the choices were written as a numbered list (`1. [ ] …`), already reported.
    private var orderedChoices = false
    /// Body lines already reported for a look-alike box or marker (`［x］`, `－`): their consequences
    /// (a choice without a box, no right choice) are not reported again.
    private var typoLines: Set<Int> = []

    init(context: FencedBlockContext, body: String, fence: SourceLocation) {
        self.context = context
        self.source = QuizSource(body)
        self.fence = fence
    }

    /// The quiz, or `nil` when it has an error (already reported).
    mutating func parse(_ body: String) -> Quiz? {
        let typos = QuizTypos.find(in: body)
        for typo in typos {
            context.report(.error(
                typo.fullWidthMarker ? .quizFullWidthListMarker : .quizFullWidthBox, typo.text,
                at: context.location(line: typo.line, column: typo.column)))
        }
        let slips = QuizMarkerSlips.find(in: body)
        for slip in slips {
            let at = context.location(line: slip.line, column: slip.column)
            switch slip.kind {
            case .noSpace: context.report(.error(.quizNoSpaceAfterMarker, slip.text, at: at))
            case .otherMarker(let first): context.report(.error(.quizMixedMarkers, slip.text, first, at: at))
            }
        }
        typoLines = Set(typos.map(\.line))
        var errors = typos.count + slips.count
        // Two quizzes pasted without the first one's closing fence: the second is read as code inside the
        // first (its right answer shown under the first's "check" button). Its closing fence closed the
        // first quiz, so nothing closes it inside this body; a closed one is an example, written on purpose.
        let bodyLines = QuizSource.lines(of: body)
        for (index, line) in bodyLines.enumerated()
        where FencedBlockNames.nameOpening(firstLineOf: String(line), among: ["quiz"]) != nil
            && !bodyLines[(index + 1)...].contains(where: Self.isClosingFence) {
            let column = line.prefix { $0 == " " || $0 == "\t" }.count + 1
            context.report(.error(.quizOpenedInside, at: context.location(line: index + 1, column: column)))
            errors += 1
        }
        var inExplanation = false
        for block in context.outline(source.text) {
            // `explanation: …` looks like an option line (a lower-case key and a colon) but starts the explanation.
            if block.kind == .paragraph, !Self.isExplanation(Substring(block.firstLineText)), let optionErrors = readOptions(block) {
                errors += optionErrors
                continue
            }
            if choiceList == nil, !inExplanation, block.kind == .bulletList, isChoiceList(block) {
                choiceList = block
                continue
            }
            // `1. [ ] …`: Markdown reads a numbered list, which the quiz does not take for its choices.
            if choiceList == nil, !inExplanation, !orderedChoices, block.kind == .orderedList, isChoiceList(block) {
                report(block, .quizOrderedChoices)
                orderedChoices = true
                errors += 1
                continue
            }
            if block.kind == .blockQuote, !inExplanation {
                report(block, .quizStrayFeedback)
                errors += 1
                continue
            }
            if block.kind == .paragraph, let prefix = Self.explanationPrefixes.first(where: { block.firstLineText.hasPrefix($0) }) {
                inExplanation = true
                let text = source.text(of: block).dropFirst(prefix.count).trimmingBlanks()
                explanationParts.append(context.renderBlocks(text, line: source.original(block.startLine)))
                explanationMarkdown.append(MarkdownComments.removed(from: text))
                continue
            }
            let markdown = source.text(of: block)
            if inExplanation || choiceList != nil {
                inExplanation = true
                explanationParts.append(context.renderBlocks(markdown, line: source.original(block.startLine)))
                explanationMarkdown.append(MarkdownComments.removed(from: markdown))
            } else {
                questionParts.append(context.renderBlocks(markdown, line: source.original(block.startLine)))
                questionMarkdown.append(MarkdownComments.removed(from: markdown))
            }
        }
        let choices = choiceList.map(readChoices) ?? []
        errors += validate(choices)
        let quizID = id ?? Self.hashID(of: body)
        if !context.claim(id: Quiz.elementID(of: quizID)) {
            context.report(id != nil ? .error(.quizDuplicateID, quizID, at: fence) : .error(.quizDuplicate, at: fence))
            errors += 1
        }
        guard errors == 0 else { return nil }
        let correct = choices.filter(\.isCorrect).count
        let page = context.contentPath.map { SitePath.forContent($0).value } ?? ""
        return Quiz(
            id: quizID, storageID: page + "#" + quizID, kind: choices.isEmpty ? .text : (correct == 1 ? .single : .multiple),
            questionHTML: questionParts.joined(), questionMarkdown: questionMarkdown.joined(separator: "\n\n"),
            choices: choices, answers: answers,
            explanationHTML: explanationParts.joined(), explanationMarkdown: explanationMarkdown.joined(separator: "\n\n"),
            shuffle: shuffle, kanaInsensitive: kana, location: fence,
            lastLine: fence.line + body.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } + 1)
    }

    /// A line of only three or more backticks or tildes (and blanks).
    private static func isClosingFence(_ line: Substring) -> Bool {
        let trimmed = line.trimmingBlanks()
        return trimmed.count >= 3 && (trimmed.allSatisfy { $0 == "`" } || trimmed.allSatisfy { $0 == "~" })
    }

    // MARK: - Parts

    /// Reads a paragraph of option lines; `nil` when the paragraph is not one.
    private mutating func readOptions(_ block: OutlineBlock) -> Int? {
        let lines = (block.startLine...block.endLine).map { source.line($0).trimmingBlanks() }
        let parsed = lines.compactMap(Self.optionLine)
        guard parsed.count == lines.count else { return nil }
        var errors = 0
        for (offset, (key, value)) in parsed.enumerated() {
            let line = block.startLine + offset
            switch key {
            case "id":
                if value.isEmpty || value.contains(where: { $0.isWhitespace || "#\"'<>&".contains($0) }) {
                    report(line: line, .quizBadID, value)
                    errors += 1
                } else {
                    id = value.nfc
                }
            case "shuffle": shuffle = value.isEmpty || value == "true" || value == "yes"
            case "kana": kana = value.isEmpty || value == "true" || value == "yes"
            case "answer":
                answers += value.split(separator: "|").map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
                answerLine = line
            default:
                report(line: line, .quizUnknownOption, key, fix: Self.optionHint(key))
                errors += 1
            }
        }
        return errors
    }

    /// `key: value` with a lower-case ASCII key, or a bare flag such as `shuffle`.
    /// A bare word close to a flag (`shufle`) counts as an option line, so that it is reported
    /// as an unknown option instead of silently becoming question text.
    static func optionLine(_ line: String) -> (String, String)? {
        guard mayStartOption(line) else { return nil }
        if line == "shuffle" || line == "kana" { return (line, "") }
        if line.count >= 3, line.count <= 12, line.allSatisfy({ ($0 >= "a" && $0 <= "z") || $0 == "_" }),
           ClosestMatch.find(line, among: ["shuffle", "kana"]) != nil {
            return (line, "")
        }
        guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let key = line[..<colon].trimmingBlanks()
        guard !key.isEmpty, key.allSatisfy({ ($0 >= "a" && $0 <= "z") || $0 == "_" }) else { return nil }
        return (key, line[line.index(after: colon)...].trimmingBlanks())
    }

    /// `false` when the first scalar rules out an option line, which starts with `a`–`z` or `_`
    /// (after blanks): any other ASCII scalar or any non-blank non-ASCII one begins a character
    /// outside that range, whatever marks follow it (composition only yields scalars above `z`).
    private static func mayStartOption(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return true }
        switch first.value {
        case 0x61...0x7A, 0x5F, 0x20, 0x09: return true
        case 0..<0x80: return false
        default: return String.mayBeFoundationBlank(first)
        }
    }

    /// Whether the line starts with one of ``explanationPrefixes``.
    static func isExplanation(_ line: Substring) -> Bool {
        guard let first = line.utf8.first else { return false }
        return explanationPrefixes.contains { $0.utf8.first == first && line.hasPrefix($0) }
    }

    private func isChoiceList(_ list: OutlineBlock) -> Bool {
        list.items.contains { item in item.first.map { Self.choiceMarker($0.firstLineText) != nil } ?? false }
    }

    /// `true` for `[x]`, `false` for `[ ]`, `nil` when the text does not start with a box.
    static func choiceMarker(_ text: String) -> Bool? {
        if text.hasPrefix("[ ] ") || text == "[ ]" { return false }
        if text.hasPrefix("[x] ") || text.hasPrefix("[X] ") || text == "[x]" || text == "[X]" { return true }
        return nil
    }

    private func readChoices(_ list: OutlineBlock) -> [Quiz.Choice] {
        list.items.compactMap { item -> Quiz.Choice? in
            guard let first = item.first, first.kind == .paragraph, let correct = Self.choiceMarker(first.firstLineText) else {
                if let first = item.first, !typoLines.contains(source.original(first.startLine)) {
                    report(first, .quizChoiceWithoutBox)
                }
                return nil
            }
            let text = String(source.text(of: first).dropFirst(4))
            if text.trimmingBlanks(newlines: true).isEmpty {
                report(first, .quizEmptyChoice, String(first.firstLineText.prefix(3)))
                return nil
            }
            let html = context.renderInline(text, line: source.original(first.startLine), column: first.startColumn + 4)
            var feedback: String?
            var feedbackMarkdown: String?
            var feedbackLocation: SourceLocation?
            for extra in item.dropFirst() {
                guard extra.kind == .blockQuote, let inner = extra.items.first else {
                    report(extra, .quizExtraUnderChoice)
                    continue
                }
                let parts = inner.map { source.text(of: $0, quoteDepth: 1) }
                feedback = zip(inner, parts).map { context.renderBlocks($1, line: source.original($0.startLine), column: $0.startColumn) }.joined()
                feedbackMarkdown = parts.map(MarkdownComments.removed).joined(separator: "\n\n")
                feedbackLocation = context.location(line: source.original(extra.startLine), column: extra.startColumn)
            }
            return Quiz.Choice(html: html, markdown: MarkdownComments.removed(from: text), isCorrect: correct, feedbackHTML: feedback, feedbackMarkdown: feedbackMarkdown,
                               feedbackLocation: feedbackLocation)
        }
    }

    private func validate(_ choices: [Quiz.Choice]) -> Int {
        var errors = 0
        if questionParts.allSatisfy({ $0.trimmingBlanks(newlines: true).isEmpty }) {
            context.report(.error(.quizNoQuestion, at: fence))
            errors += 1
        }
        if let list = choiceList {
            // A right choice left without text (`- [x]`) is reported as that, not as a missing right choice.
            let emptyRightChoice = list.items.contains { item in item.first.map { ["[x]", "[X]"].contains($0.firstLineText.trimmingBlanks()) } ?? false }
            if !choices.isEmpty, !choices.contains(where: \.isCorrect), !emptyRightChoice, typoLines.isEmpty {
                report(list, .quizNoCorrectChoice)
                errors += 1
            }
            if let line = answerLine {
                report(line: line, .quizAnswerWithChoices)
                errors += 1
            }
        } else if let line = answerLine, answers.isEmpty {
            report(line: line, .quizEmptyAnswer)
            errors += 1
        } else if answers.isEmpty, !orderedChoices {
            context.report(.error(.quizNothingToAnswer, at: fence))
            errors += 1
        }
        return errors
    }

    private func report(_ block: OutlineBlock, _ key: MessageKey, _ arguments: String...) {
        context.report(Diagnostic(
            .error, Message(key, arguments: arguments),
            at: context.location(line: source.original(block.startLine), column: block.startColumn)))
    }

    private func report(line: Int, column: Int = 1, _ key: MessageKey, _ arguments: String..., fix: Message? = nil) {
        context.report(Diagnostic(
            .error, Message(key, arguments: arguments), at: context.location(line: source.original(line), column: column), fix: fix))
    }

    /// "did you mean 'shuffle'?", or the list of options.
    static func optionHint(_ word: String) -> Message {
        ClosestMatch.find(word, among: options).map { Message(.fixDidYouMean, $0) } ?? Message(.fixQuizOptions, options.joined(separator: ", "))
    }

    /// `q` + 8 hex digits of FNV-1a over the normalised body: the same question keeps its id.
    static func hashID(of body: String) -> String {
        let text = body.nfc.trimmingBlanks(newlines: true)
        return "q" + String(StableHash.fnv1a(text) & 0xFFFF_FFFF, radix: 16).leftPadded(to: 8)
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
