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

    public init() {}

    public func apply(to site: Site, diagnostics: inout Diagnostics) -> Site {
        let values = site.config.variables
        guard !values.isEmpty, site.pages.contains(where: { !$0.body.quizzes.isEmpty }) else { return site }
        var site = site
        for index in site.pages.indices where !site.pages[index].body.quizzes.isEmpty {
            for block in site.pages[index].body.blocks.indices {
                guard let quiz = site.pages[index].body.blocks[block].model as? Quiz else { continue }
                site.pages[index].body.blocks[block].model = Self.filled(quiz, values)
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
