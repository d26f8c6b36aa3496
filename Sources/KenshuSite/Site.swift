import KenshuContent
import KenshuCore

/// The course as readers move through it: pages in reading order, grouped into modules.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Every page in reading order: home, then each module's overview followed by its lessons.
    public var pages: [ParsedPage]
    public var modules: [Module]
    /// The course home, if the content has one.
    public var home: PageID?
    /// Files copied as they are, with where they land.
    public var assets: [(file: ContentFile, sitePath: SitePath)]

    /// One module: its overview page and its lessons.
    public struct Module: Sendable {
        public var title: String
        public var summary: String?
        public var sitePath: SitePath
        /// The module's `index.md` (or the overview Kenshu writes for a module without one).
        public var overview: PageID?
        public var lessons: [PageID]

        /// The overview, then the lessons, in reading order.
        public var pages: [PageID] { (overview.map { [$0] } ?? []) + lessons }
    }

    /// For each page, in reading order, the index in ``modules`` of its module (`nil` for the home page).
    var moduleOfPage: [Int?]
    /// The terms of `glossary.yml`, for glossary links, the glossary page and search.
    public var glossary: [GlossaryTerm] = []
    /// Markdown files of the content folder that are no page (K1005), by content path, so that a link
    /// to one says why it leads nowhere instead of guessing another page.
    public var unpublishedMarkdown: Set<String> = []

    public init(
        config: SiteConfig, pages: [ParsedPage], modules: [Module], home: PageID?, assets: [(file: ContentFile, sitePath: SitePath)],
        moduleOfPage: [Int?], glossary: [GlossaryTerm] = []
    ) {
        self.config = config
        self.pages = pages
        self.modules = modules
        self.home = home
        self.assets = assets
        self.moduleOfPage = moduleOfPage
        self.glossary = glossary
    }

    /// Every page's id, in reading order.
    public var pageIDs: [PageID] { pages.indices.map(PageID.init(position:)) }

    public subscript(page page: PageID) -> ParsedPage {
        get { pages[page.position] }
        set { pages[page.position] = newValue }
    }

    /// The index in ``modules`` of the module `page` belongs to; `nil` for the home page.
    public func module(of page: PageID) -> Int? {
        moduleOfPage.indices.contains(page.position) ? moduleOfPage[page.position] : nil
    }

    /// The page `offset` places after `page` in reading order (before it, when negative), if there is one.
    public func page(_ offset: Int, from page: PageID) -> PageID? {
        let position = page.position + offset
        return pages.indices.contains(position) ? PageID(position: position) : nil
    }
}

/// A page of a ``Site``, by its place in reading order: a type of its own, so that a page is never
/// taken for a module's index, a count or a place in another list.
public struct PageID: Hashable, Comparable, Sendable {
    /// The page's place in ``Site/pages``, from 0.
    public let position: Int

    public init(position: Int) { self.position = position }

    public static func < (lhs: PageID, rhs: PageID) -> Bool { lhs.position < rhs.position }
}
