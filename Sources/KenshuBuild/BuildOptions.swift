import KenshuCore

/// What to build and where, as the command line or a test gives it.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    /// Where theme folders live; `nil` looks beside the content folder, then in the working directory.
    public var themesDirectory: String?
    /// Overrides `theme:` in site.yml.
    public var themeName: String?
    public var outputDirectory: String
    /// Warnings fail the build too.
    public var strict: Bool
    /// Delete the replaced output in a detached process, so the user does not wait for it.
    public var removeOldOutputInBackground: Bool
    /// Check every link of the rendered site before it replaces the output (`--no-check` turns it off).
    public var checkLinks = true
    /// `--lang`: the language of messages, overriding the site's language and `LANG`.
    public var messageLanguage: Language?

    public init(
        contentDirectory: String = "Content", themesDirectory: String? = nil, themeName: String? = nil,
        outputDirectory: String = "Output", strict: Bool = false, removeOldOutputInBackground: Bool = true
    ) {
        self.contentDirectory = contentDirectory
        self.themesDirectory = themesDirectory
        self.themeName = themeName
        self.outputDirectory = outputDirectory
        self.strict = strict
        self.removeOldOutputInBackground = removeOldOutputInBackground
    }
}
