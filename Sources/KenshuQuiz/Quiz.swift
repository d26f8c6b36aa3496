/// One check of understanding, as the author wrote it in a ```` ```quiz ```` block.
public struct Quiz: Sendable, Equatable {
    public enum Kind: String, Sendable { case single, multiple, text }

    public struct Choice: Sendable, Equatable {
        public var html: String
        public var isCorrect: Bool
        /// Shown when the learner picks this choice.
        public var feedbackHTML: String?
    }

    /// The id within the page (the author's `id:` or a hash of the question); stable across rebuilds.
    public var id: String
    public var kind: Kind
    public var questionHTML: String
    public var choices: [Choice]
    /// Accepted answers of a text question, as written.
    public var answers: [String]
    public var explanationHTML: String
    /// Show choices in a random order (with JavaScript).
    public var shuffle: Bool
    /// Text answers: katakana and hiragana count as the same.
    public var kanaInsensitive: Bool
}
