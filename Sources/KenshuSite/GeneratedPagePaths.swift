import KenshuCore

/// Where the build writes the pages it makes besides the course's own, at the site's root: named once, since
/// the generators write them, the theme's header links them, lessons may link them (``LinkValidator``) and
/// search results lead to the glossary's entries.
public enum GeneratedPagePaths {
    public static let progress = SitePath("progress.html")
    public static let print = SitePath("print.html")
    /// Written only when `glossary.yml` has terms.
    public static let glossary = SitePath("glossary.html")
}
