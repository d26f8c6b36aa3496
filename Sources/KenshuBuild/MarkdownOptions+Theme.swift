import KenshuMarkdown
import KenshuTheme

extension MarkdownOptions {
    /// Takes the words the Markdown stage writes itself (a heading permalink's name, alert titles,
    /// the names of task-list boxes) from the theme, in the site's language: none are built into Swift.
    public mutating func useWords(of theme: Theme) {
        permalinkLabel = theme.strings["permalink"] ?? ""
        alertTitles = Dictionary(uniqueKeysWithValues: MarkdownOptions.alertKinds.compactMap { kind in
            theme.strings["alert_" + kind].map { (kind, $0) }
        })
        taskLabels = (theme.strings["task_done"] ?? "", theme.strings["task_open"] ?? "")
    }
}
