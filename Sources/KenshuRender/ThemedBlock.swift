import KenshuMarkdown
import KenshuTheme

/// A typed block (``BlockModel``) that the theme draws with a template of its own, so that a theme
/// layer changes the block's markup by overriding that one file (`templates/quiz.mustache`).
public protocol ThemedBlock: BlockModel {
    /// The template's name: `quiz` is `templates/quiz.mustache`.
    static var template: String { get }
    /// What the template sees; `strings` are the theme's words, offered as `t`.
    func templateContext(strings: [String: String]) -> any TemplateContext
}

extension ParsedMarkdown {
    /// The body as the page shows it: the Markdown's HTML with each themed block drawn by `theme`
    /// at its place.
    public func html(drawnBy theme: Theme) -> String {
        assembled { _, model in
            guard let block = model as? any ThemedBlock else { return "" }
            return theme.templates.render(block.templateContext(strings: theme.strings), withTemplate: type(of: block).template) ?? ""
        }
    }
}
