/// The words of the quiz interface, from the theme's i18n file (`quiz_*` keys), with Japanese defaults.
public struct QuizStrings: Sendable {
    public var label: String
    public var check: String
    public var retry: String
    public var showAnswer: String
    public var correctAnswer: String
    public var typedAnswer: String
    public var choiceFeedback: String

    public init(_ strings: [String: String]) {
        label = strings["quiz_label"] ?? "確認問題"
        check = strings["quiz_check"] ?? "答え合わせ"
        retry = strings["quiz_retry"] ?? "もう一度"
        showAnswer = strings["quiz_show_answer"] ?? "答えを確認する"
        correctAnswer = strings["quiz_correct_answer"] ?? "正解"
        typedAnswer = strings["quiz_typed_answer"] ?? "答え"
        choiceFeedback = strings["quiz_choice_feedback"] ?? "選択肢ごとの解説"
    }
}
