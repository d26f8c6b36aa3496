import KenshuCore

/// The built site in memory: every page's HTML and every file to copy, before anything touches disk.
public struct RenderedSite: Sendable {
    public struct Page: Sendable {
        public var path: SitePath
        public var html: String
    }

    /// A file copied unchanged from content or theme.
    public struct Copy: Sendable {
        public var path: SitePath
        public var sourcePath: String
    }

    public var pages: [Page]
    public var copies: [Copy]

    public init(pages: [Page], copies: [Copy]) {
        self.pages = pages
        self.copies = copies
    }
}
