import Foundation
import KenshuQuiz
import KenshuTheme

extension Quiz: ThemedBlock {
    public static let template = "quiz"

    public func templateContext(strings: [String: String]) -> any TemplateContext { QuizContext(self, strings: strings) }
}

/// What `templates/quiz.mustache` sees for one quiz: the typed ``Quiz`` in the words a template
/// needs (flags for `{{#is_text}}`, the input type, the JSON the script reads), so the form's
/// markup is the theme's. HTML fields (`question`, `html`, `feedback`, `explanation`) are already
/// escaped Markdown output: write them with triple braces.
public struct QuizContext: TemplateContext {
    /// The names a template writes for these fields.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case t, id, storageID = "storage_id", kind, isText = "is_text", isMultiple = "is_multiple", inputType = "input_type"
        case shuffle, kana, answers, answersJSON = "answers_json", question, choices, correctChoices = "correct_choices"
        case choicesWithFeedback = "choices_with_feedback", hasFeedback = "has_feedback", explanation, hasExplanation = "has_explanation"
    }

    /// One choice of a choice question.
    public struct Choice: TemplateContext {
        /// The names a template writes for these fields.
        public enum CodingKeys: String, CodingKey, CaseIterable { case index, html, correct, feedback }

        /// Its position in the author's order, from 0: the value the script reads back.
        public var index: Int
        /// The choice (inline HTML).
        public var html: String
        public var correct: Bool
        /// Shown when this choice is picked (block HTML); absent when the author wrote none.
        public var feedback: String?

        public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .index: index
            case .html: html
            case .correct: correct
            case .feedback: feedback
            }
        }
    }

    /// The theme's words (`t.quiz_check`).
    public var t: [String: String]
    /// The form's element id: `quiz-` and the quiz's id.
    public var id: String
    /// `page.html#id`: where the script keeps progress for this quiz (`data-quiz`).
    public var storageID: String
    /// `single`, `multiple` or `text`.
    public var kind: String
    public var isText: Bool
    public var isMultiple: Bool
    /// `radio` for single choice, `checkbox` for multiple choice.
    public var inputType: String
    /// Show the choices in a random order (the script does it).
    public var shuffle: Bool
    /// Text answers: katakana and hiragana count as the same.
    public var kana: Bool
    /// Accepted answers of a text question, as written.
    public var answers: [String]
    /// `answers` as a JSON array, for `data-answers`.
    public var answersJSON: String
    /// The question (block HTML).
    public var question: String
    public var choices: [Choice]
    /// The right choices' HTML, for the answer shown without JavaScript.
    public var correctChoices: [String]
    /// The choices that have feedback, for the list of all feedback under the answer.
    public var choicesWithFeedback: [Choice]
    public var hasFeedback: Bool
    /// The explanation (block HTML); empty when there is none.
    public var explanation: String
    public var hasExplanation: Bool

    public init(_ quiz: Quiz, strings: [String: String]) {
        t = strings
        id = quiz.elementID
        storageID = quiz.storageID
        kind = quiz.kind.rawValue
        isText = quiz.kind == .text
        isMultiple = quiz.kind == .multiple
        inputType = quiz.kind == .multiple ? "checkbox" : "radio"
        shuffle = quiz.shuffle
        kana = quiz.kanaInsensitive
        answers = quiz.answers
        answersJSON = (try? JSONSerialization.data(withJSONObject: quiz.answers)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        question = quiz.questionHTML
        choices = quiz.choices.enumerated().map {
            Choice(index: $0.offset, html: $0.element.html, correct: $0.element.isCorrect, feedback: $0.element.feedbackHTML)
        }
        correctChoices = quiz.choices.filter(\.isCorrect).map(\.html)
        choicesWithFeedback = choices.filter { $0.feedback != nil }
        hasFeedback = !choicesWithFeedback.isEmpty
        explanation = quiz.explanationHTML
        hasExplanation = !quiz.explanationHTML.isEmpty
    }

    public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
        switch field {
        case .t: t
        case .id: id
        case .storageID: storageID
        case .kind: kind
        case .isText: isText
        case .isMultiple: isMultiple
        case .inputType: inputType
        case .shuffle: shuffle
        case .kana: kana
        case .answers: answers
        case .answersJSON: answersJSON
        case .question: question
        case .choices: choices
        case .correctChoices: correctChoices
        case .choicesWithFeedback: choicesWithFeedback
        case .hasFeedback: hasFeedback
        case .explanation: explanation
        case .hasExplanation: hasExplanation
        }
    }
}
