import Foundation
import KenshuContent
import KenshuCore
import KenshuQuiz
import KenshuSite

/// Warns about quizzes that can be passed without reading the lesson, or that a learner
/// cannot answer: predictable answer positions and lengths, "all but the last" answer sets,
/// test questions with no explanation, feedback with no reason, text answers that never match.
///
/// It reads the typed quizzes (``ParsedMarkdown/quizzes``), never the HTML; thresholds come
/// from `quiz_lint:` in site.yml (``QuizLintSettings``).
public struct QuizLint: SiteTransform {
    public let name = "quiz lint"

    /// Each page's and each module's findings from the last run: a preview rebuild re-lints only
    /// the pages an edit changed and the modules they belong to.
    private let pageMemo = PageMemo<QuizLintSettings, [Diagnostic]>()
    private let moduleMemo = PageMemo<QuizLintSettings, [Diagnostic]>()

    public init() {}

    public func apply(to site: Site, diagnostics: inout Diagnostics) -> Site {
        let settings = site.config.quizLint
        let bare = Self.bareFeedback(settings)
        let perPage = pageMemo.values(of: site.pages, context: settings) { pages in
            pages.map { page in
                page.body.quizzes.flatMap { Self.questionFindings($0, inTest: page.frontMatter.isTest, settings: settings, bare: bare) }
            }
        }
        for findings in perPage { diagnostics.append(contentsOf: findings) }
        let modules = site.modules.map { $0.pages.map { site[page: $0] } }
        let perModule = moduleMemo.values(of: modules, context: settings) { groups in
            groups.map { Self.moduleFindings($0.flatMap(\.body.quizzes), settings: settings) }
        }
        for findings in perModule { diagnostics.append(contentsOf: findings) }
        return site
    }

    /// The rules about one question.
    /// - Parameter bare: ``bareFeedback(_:)`` of `settings`, when the caller has it already.
    static func questionFindings(_ quiz: Quiz, inTest: Bool, settings: QuizLintSettings, bare: Set<String>? = nil) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let at = quiz.location
        if inTest, quiz.explanationMarkdown.trimmed.isEmpty { found.append(.warning(.quizLintNoExplanation, at: at)) }
        if inTest, quiz.kind != .text, quiz.choices.count == 2 { found.append(.warning(.quizLintTwoChoices, at: at)) }
        let bare = bare ?? Self.bareFeedback(settings)
        for choice in quiz.choices {
            guard let feedback = choice.feedbackMarkdown?.trimmed, bare.contains(Self.withoutPunctuation(feedback)) else { continue }
            found.append(.warning(.quizLintBareFeedback, feedback, at: choice.feedbackLocation ?? at))
        }
        if quiz.kind == .text {
            var seen: [String: String] = [:]
            for answer in quiz.answers {
                let key = QuizAnswer.normalise(answer, kanaInsensitive: quiz.kanaInsensitive)
                if let first = seen[key] {
                    found.append(.warning(.quizLintRedundantAnswers, first, answer, at: at))
                } else {
                    seen[key] = answer
                }
            }
            if seen.count == 1, let only = quiz.answers.first?.trimmed, only.count > settings.maxAnswerLength {
                found.append(.warning(.quizLintAnswerTooLong, String(only.count), String(settings.maxAnswerLength), at: at))
            }
        }
        return found
    }

    /// The feedback words that give no reason (「正解」, 「不正解」…), as ``withoutPunctuation(_:)`` compares them.
    static func bareFeedback(_ settings: QuizLintSettings) -> Set<String> { Set(settings.bareFeedback.map(Self.withoutPunctuation)) }

    /// The rules about a module's questions taken together.
    static func moduleFindings(_ quizzes: [Quiz], settings: QuizLintSettings) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let single = quizzes.filter { $0.kind == .single && !$0.choices.isEmpty }
        let fixed = single.filter { !$0.shuffle }
        if fixed.count >= settings.minQuestions {
            let positions = fixed.map { $0.choices.firstIndex(where: \.isCorrect) ?? 0 }
            let counts = Dictionary(positions.map { ($0, 1) }, uniquingKeysWith: +)
            if let (position, count) = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
               count * 100 > settings.maxPositionShare * fixed.count,
               let first = positions.firstIndex(of: position) {
                found.append(.warning(
                    .quizLintPositionUnbalanced, String(fixed.count), String(count), String(count * 100 / fixed.count),
                    String(position + 1), String(settings.maxPositionShare), at: fixed[first].location))
            }
        }
        if single.count >= settings.minQuestions {
            let longest = single.filter(Self.correctIsUniqueLongest)
            if let first = longest.first, longest.count * 100 > settings.maxLongestShare * single.count {
                found.append(.warning(
                    .quizLintLongestIsCorrect, String(single.count), String(longest.count),
                    String(longest.count * 100 / single.count), String(settings.maxLongestShare), at: first.location))
            }
        }
        let multiple = quizzes.filter { $0.kind == .multiple && $0.choices.count > 1 }
        let patterned = multiple.filter(Self.isAllOrAllButLast)
        if patterned.count >= 2, let first = patterned.first, patterned.count * 100 > settings.maxAllButLastShare * multiple.count {
            found.append(.warning(.quizLintAllButLast, String(multiple.count), String(patterned.count), at: first.location))
        }
        return found
    }

    /// Whether the right choice is longer than every other choice.
    static func correctIsUniqueLongest(_ quiz: Quiz) -> Bool {
        guard let right = quiz.choices.first(where: \.isCorrect) else { return false }
        let length = right.markdown.trimmed.count
        return quiz.choices.allSatisfy { $0.isCorrect || $0.markdown.trimmed.count < length }
    }

    /// Whether every choice is right, or (in written order) every choice but the last.
    static func isAllOrAllButLast(_ quiz: Quiz) -> Bool {
        let marks = quiz.choices.map(\.isCorrect)
        if marks.allSatisfy({ $0 }) { return true }
        return !quiz.shuffle && marks.dropLast().allSatisfy { $0 } && marks.last == false
    }

    private static func withoutPunctuation(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter {
            !$0.properties.isWhitespace && !"。、．，.,!！?？「」".unicodeScalars.contains($0)
        }.map(Character.init))
    }
}

extension String {
    fileprivate var trimmed: String { trimmingWhitespaceAndNewlines }
}
