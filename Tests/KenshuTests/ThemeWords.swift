import KenshuMarkdown
import KenshuTheme
@testable import KenshuBuild

/// The built-in theme in Japanese, loaded once for tests that render Markdown directly.
let builtInJapaneseTheme = Theme.load(layers: [.builtIn], language: "ja").0

/// `options` with the built-in Japanese theme's words (permalink name, alert titles, task-box names),
/// as `kenshu build` gives them: Swift itself holds none.
func withJapaneseWords(_ options: MarkdownOptions) -> MarkdownOptions {
    var options = options
    options.useWords(of: builtInJapaneseTheme)
    return options
}
