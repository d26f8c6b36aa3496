import KenshuCore

/// What a build did, for the summary line and for tests.
public struct BuildResult: Sendable {
    /// Every problem found, sorted by file and line.
    public var diagnostics: [Diagnostic]
    /// `false` when errors (or, with `--strict`, warnings) kept the output untouched.
    public var succeeded: Bool
    public var pageCount: Int
    public var fileCount: Int
    public var seconds: Double
    /// The absolute output folder.
    public var outputPath: String
    /// How long each step took, in order, for `--timings`.
    public var stepTimings: [(step: String, seconds: Double)]
    /// The site's `language` from site.yml, which decides the language of messages.
    public var siteLanguage: String
}
