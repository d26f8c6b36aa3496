import KenshuContent
import KenshuCore
import KenshuMarkdown
import KenshuQuiz
import KenshuSite

/// Fills `vars:` into the typed quizzes' Markdown and accepted answers, so that exports (GIFT),
/// search and answer checking see `架空町` where the author wrote `{{自治体名}}`, as the page does.
///
/// The Markdown stage already filled the quizzes' HTML (and reported unknown names there); this
/// transform runs first, before anything reads the Markdown.
public struct QuizVariables: SiteTransform {
    public let name = "quiz variables"
    /// Each page as filled last time: a preview rebuild fills only the pages an edit changed, and
    /// unchanged pages keep their identity for the transforms and reviews after this one.
    private let memo = PageMemo<[String: String], ParsedPage>()

    public init() {}

    public func apply(to site: Site, diagnostics: inout Diagnostics) -> Site {
        let values = site.config.variables
        guard !values.isEmpty else { return site }
        var site = site
        site.pages = memo.values(of: site.pages, context: values) { pages in
            pages.map { page in
                var page = page
                for block in page.body.blocks.indices {
                    guard let quiz = page.body.blocks[block].model as? Quiz else { continue }
                    page.body.blocks[block].model = Self.filled(quiz, values)
                }
                return page
            }
        }
        return site
    }

    static func filled(_ quiz: Quiz, _ values: [String: String]) -> Quiz {
        func fill(_ text: String) -> String { MarkdownVariables.fill(text, values: values) }
        var quiz = quiz
        quiz.questionMarkdown = fill(quiz.questionMarkdown)
        quiz.explanationMarkdown = fill(quiz.explanationMarkdown)
        quiz.answers = quiz.answers.map { TextVariables.substitutePlain($0, values: values).text }
        for index in quiz.choices.indices {
            quiz.choices[index].markdown = fill(quiz.choices[index].markdown)
            quiz.choices[index].feedbackMarkdown = quiz.choices[index].feedbackMarkdown.map(fill)
        }
        return quiz
    }
}
