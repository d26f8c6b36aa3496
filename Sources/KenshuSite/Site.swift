import KenshuContent
import KenshuCore

/// The course as readers move through it: pages in reading order, grouped into modules.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Every page in reading order: home, then each module's overview followed by its lessons.
    public var pages: [ParsedPage]
    public var modules: [Module]
    /// Index into `pages` of the course home, if the content has one.
    public var homeIndex: Int?
    /// Files copied as they are, with where they land.
    public var assets: [(file: ContentFile, sitePath: SitePath)]

    /// One module: its overview page and its lessons, as indices into ``Site/pages``.
    public struct Module: Sendable {
        public var title: String
        public var summary: String?
        public var sitePath: SitePath
        public var pageIndex: Int?
        public var lessonIndices: [Int]
    }

    /// For each page, the index of the module it belongs to (`nil` for the home page).
    public var moduleOfPage: [Int?]
    /// The terms of `glossary.yml`, for glossary links, the glossary page and search.
    public var glossary: [GlossaryTerm] = []
}
