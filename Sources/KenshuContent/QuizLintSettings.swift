import KenshuCore
import Yams

/// The thresholds of the quiz linter, from `quiz_lint:` in site.yml.
///
/// They exist so that a course can tighten (or, with a reason, loosen) what counts as a quiz that
/// can be passed without reading; the README lists each key with its default.
public struct QuizLintSettings: Sendable, Hashable {
    /// Warn when one position holds more than this share (%) of a module's unshuffled single-choice answers.
    public var maxPositionShare = 40
    /// The per-module share rules apply only to modules with at least this many questions of the kind.
    public var minQuestions = 5
    /// Warn when the right answer is the unique longest choice in more than this share (%) of a module's single-choice questions.
    public var maxLongestShare = 35
    /// Warn when more than this share (%) of a module's multiple-answer questions are right with "all but the last" or "all".
    public var maxAllButLastShare = 50
    /// A text question's only accepted answer may be at most this many characters long.
    public var maxAnswerLength = 15
    /// Feedback that says only one of these (after trimming punctuation) gives no reason.
    public var bareFeedback = ["はい", "そのとおりです", "その通りです", "正解です", "正解", "いいえ", "違います", "yes", "no", "correct"]

    public init() {}

    static let knownKeys = [
        "max_position_share", "min_questions", "max_longest_share", "max_all_but_last_share", "max_answer_length", "bare_feedback",
    ]

    static func read(_ node: Node, reader: inout YAMLReader) -> QuizLintSettings {
        var settings = QuizLintSettings()
        guard let fields = node.mapping else {
            reader.diagnostics.append(.error(.quizLintNotMapping, at: reader.location(node.mark)))
            return settings
        }
        for (key, value) in fields {
            let name = key.string ?? ""
            switch name {
            case "max_position_share": settings.maxPositionShare = reader.integer(value, key: name, range: 0...100) ?? settings.maxPositionShare
            case "min_questions": settings.minQuestions = reader.integer(value, key: name, range: 1...1000) ?? settings.minQuestions
            case "max_longest_share": settings.maxLongestShare = reader.integer(value, key: name, range: 0...100) ?? settings.maxLongestShare
            case "max_all_but_last_share":
                settings.maxAllButLastShare = reader.integer(value, key: name, range: 0...100) ?? settings.maxAllButLastShare
            case "max_answer_length": settings.maxAnswerLength = reader.integer(value, key: name, range: 1...1000) ?? settings.maxAnswerLength
            case "bare_feedback": settings.bareFeedback = reader.stringList(value, key: name) ?? settings.bareFeedback
            default: reader.unknownKey(name, mark: key.mark, known: knownKeys)
            }
        }
        return settings
    }
}
