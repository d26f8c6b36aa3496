import KenshuRender
import KenshuTheme

/// What `print.mustache` sees besides the page's values: the table of contents and the course's
/// pages in reading order, each module's answer key after its last page.
public struct PrintPageContext: TemplateContext {
    /// The names a template writes for these fields.
    public enum CodingKeys: String, CodingKey, CaseIterable { case printTOC = "print_toc", printSections = "print_sections" }

    /// A line of the table of contents: the home page or a module, with its pages.
    public struct TOCEntry: TemplateContext {
        /// The names a template writes for these fields.
        public enum CodingKeys: String, CodingKey, CaseIterable {
            case title, id, number, hasNumber = "has_number", children, hasChildren = "has_children"
        }

        public var title: String
        /// The id of the section it leads to.
        public var id: String
        /// A module's number as the home page's cards show it (モジュール 1 is the first module); `nil`
        /// for the home page and for a module's pages.
        public var number: Int? = nil
        public var hasNumber = false
        /// The group's pages after its overview, and its answer key.
        public var children: [TOCEntry]
        public var hasChildren: Bool

        public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .title: title
            case .id: id
            case .number: number
            case .hasNumber: hasNumber
            case .children: children
            case .hasChildren: hasChildren
            }
        }
    }

    /// One page of the course, or (`is_answers`) a module's answer key.
    public struct Section: TemplateContext {
        /// The names a template writes for these fields.
        public enum CodingKeys: String, CodingKey, CaseIterable {
            case id, kind, title, titleAnchor = "title_anchor", isAnswers = "is_answers", content, objectives, hasObjectives = "has_objectives", sources
            case hasSources = "has_sources", answers, hasAnswers = "has_answers", omitsTestAnswers = "omits_test_answers"
        }

        /// The section's element id; ids inside `content` carry it as a prefix.
        public var id: String
        /// The page's kind (`lesson`, `module`, `home`), or `answers`.
        public var kind: String
        public var title: String
        /// The id of the page's title heading as print.html prefixes it (a page titled by its first `# heading`).
        public var titleAnchor: String?
        public var isAnswers: Bool
        /// The page body (HTML), quizzes drawn by `print-quiz.mustache`, links re-resolved from the site root.
        public var content: String?
        public var objectives: [String] = []
        public var hasObjectives = false
        public var sources: [PageContext.SourceValues] = []
        public var hasSources = false
        /// The answer key's entries (in an answer key only).
        public var answers: [Answer] = []
        public var hasAnswers = false
        /// Whether the group's module test has questions whose answers the key leaves out (`options: print_test_answers`).
        public var omitsTestAnswers = false

        public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .id: id
            case .kind: kind
            case .title: title
            case .titleAnchor: titleAnchor
            case .isAnswers: isAnswers
            case .content: content
            case .objectives: objectives
            case .hasObjectives: hasObjectives
            case .sources: sources
            case .hasSources: hasSources
            case .answers: answers
            case .hasAnswers: hasAnswers
            case .omitsTestAnswers: omitsTestAnswers
            }
        }
    }

    /// One entry of an answer key.
    public struct Answer: TemplateContext {
        /// The names a template writes for these fields.
        public enum CodingKeys: String, CodingKey, CaseIterable {
            case number, pageTitle = "page_title", answer, explanation, hasExplanation = "has_explanation"
        }

        /// The question's number within its module, as printed beside the question.
        public var number: Int
        public var pageTitle: String
        /// The right answers (HTML): numbered choices, or the accepted text answers.
        public var answer: String
        public var explanation: String
        public var hasExplanation: Bool

        public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .number: number
            case .pageTitle: pageTitle
            case .answer: answer
            case .explanation: explanation
            case .hasExplanation: hasExplanation
            }
        }
    }

    public var printTOC: [TOCEntry]
    public var printSections: [Section]

    public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
        switch field {
        case .printTOC: printTOC
        case .printSections: printSections
        }
    }
}

/// What `print-quiz.mustache` sees for one quiz on paper.
public struct PrintQuizContext: TemplateContext {
    /// The names a template writes for these fields.
    public enum CodingKeys: String, CodingKey, CaseIterable { case t, number, question, isText = "is_text", isMultiple = "is_multiple", choices }

    /// The theme's words.
    public var t: [String: String]
    /// The question's number within its module (the answer key uses the same).
    public var number: Int
    /// The question (block HTML).
    public var question: String
    public var isText: Bool
    public var isMultiple: Bool
    /// Each choice's HTML, in the author's order.
    public var choices: [String]

    public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
        switch field {
        case .t: t
        case .number: number
        case .question: question
        case .isText: isText
        case .isMultiple: isMultiple
        case .choices: choices
        }
    }
}
