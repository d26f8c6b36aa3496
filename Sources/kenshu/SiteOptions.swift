import KenshuCommandLine

/// The options every command that reads a course shares.
struct SiteOptions {
    let content: String
    let theme: String?

    init(_ command: ParsedCommand) {
        content = command.value(.content) ?? "Content"
        theme = command.value(.theme)
    }
}
