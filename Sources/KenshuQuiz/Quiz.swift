import KenshuCore
import KenshuMarkdown

/// One check of understanding, as the author wrote it in a ```` ```quiz ```` block: the typed
/// model that reaches the ``Site`` so that exports (GIFT, SCORM), search and the quiz linter
/// read questions, choices and correctness directly, never from HTML.
public struct Quiz: BlockModel, Equatable {
    public enum Kind: String, Sendable { case single, multiple, text }

    public struct Choice: Sendable, Equatable {
        public var html: String
        /// The choice as written (Markdown, without HTML comments: the author's notes), for exports that carry text rather than HTML.
        public var markdown: String
        public var isCorrect: Bool
        /// Shown when the learner picks this choice.
        public var feedbackHTML: String?
        public var feedbackMarkdown: String?
        /// Where the feedback's `>` is, for reviews of what it says.
        public var feedbackLocation: SourceLocation?
    }

    /// The id within the page (the author's `id:` or a hash of the question); stable across rebuilds.
    public var id: String
    /// `page.html#id`: where progress for this quiz is kept.
    public var storageID: String
    /// The id of the quiz's element in its page (`quiz-` and ``id``): where a link to the quiz, such as a search
    /// result, lands.
    public var elementID: String { Self.elementID(of: id) }

    public static func elementID(of id: String) -> String { "quiz-" + id }
    public var kind: Kind
    public var questionHTML: String
    public var questionMarkdown: String
    public var choices: [Choice]
    /// Accepted answers of a text question, as written.
    public var answers: [String]
    public var explanationHTML: String
    public var explanationMarkdown: String
    /// Show choices in a random order (with JavaScript).
    public var shuffle: Bool
    /// Text answers: katakana and hiragana count as the same.
    public var kanaInsensitive: Bool
    /// Where the block's opening fence is.
    public var location: SourceLocation
    /// The line of the closing fence (with ``location``: the lines whose links are the quiz's, for exports).
    public var lastLine: Int = 0
}

extension ParsedMarkdown {
    /// The page's quizzes, in order. Inlinable for the same reason as ``ParsedMarkdown/models``.
    @inlinable public var quizzes: [Quiz] { blocks.compactMap { $0.model as? Quiz } }
}
