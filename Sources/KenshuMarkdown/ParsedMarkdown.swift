import KenshuCore

/// A heading of a page, for the table of contents, fragment checks and search.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
    public var location: SourceLocation
}

/// Every link and image an author wrote, with where they wrote it, so that later stages can check it.
public struct LinkRecord: Sendable, Hashable {
    public enum Kind: String, Sendable { case link, image }

    public var kind: Kind
    /// The destination as written (after Markdown unescaping).
    public var destination: String
    public var location: SourceLocation
    /// What the destination means inside the course, when it points at content.
    public var target: LinkTarget
    /// The URL as it stands in the built HTML (after rewriting), to map a built page's link back to this place.
    public var href: String = ""
}

/// Where a link leads, as far as the Markdown stage can tell without knowing the other pages.
public enum LinkTarget: Sendable, Hashable {
    /// `https:`, `mailto:` and other links with a scheme; not ours to rewrite.
    case external
    /// `#section` on the same page.
    case samePage(fragment: String)
    /// A file in the content folder (`01-intro/02-x.md`), with an optional heading id.
    case content(path: String, fragment: String?)
    /// A relative path that climbs out of the content folder.
    case outsideContent
    /// A path from the site root (`/x`), which breaks when the site is opened from disk.
    case rootRelative
}

/// The result of rendering one Markdown body: HTML plus everything later stages check.
///
/// Blocks that a plug-in reads into a typed value (quizzes) are not in `html`: each stands in
/// ``blocks`` at its place, and the render stage draws it with the theme's template for it
/// (``assembled(drawing:)``), so nothing later has to find a quiz again inside HTML.
public struct ParsedMarkdown: Sendable {
    /// The page's HTML without its ``blocks``.
    public var html: String
    public var headings: [Heading]
    public var links: [LinkRecord]
    public var diagnostics: [Diagnostic]
    /// Ids that fenced-block features reported, by info word (`["quiz": ["intro/welcome.html#q1"]]`).
    public var blockIDs: [String: [String]]
    /// The heading ids, for fragment checks without rebuilding a set per link.
    public var headingIDs: Set<String>
    /// Typed fenced blocks (quizzes) with their places in `html`, in the order they stand on the page.
    public var blocks: [PlacedBlock]
    /// The typed values of ``blocks``, in page order. Inlinable, so that reading it from a page held in a
    /// box (``ParsedPage``) copies only `blocks`, not the whole body: whole-site passes read it per page.
    @inlinable public var models: [any BlockModel] { blocks.map(\.model) }
    /// Other ids a link may point at: `id`/`name` in raw HTML, footnotes and their references.
    public var anchorIDs: Set<String> = []
    /// Ranges of `html` (UTF-8 offsets) that hold prose: escaped text outside headings, links, code and
    /// fenced blocks, in document order. Site transforms (glossary links) decorate only these;
    /// whoever changes `html` must update or empty them.
    public var proseRuns: [Range<Int>] = []
    /// The page's plain text, split at headings, for search.
    public var sections: [PageSection] = []

    public init(
        html: String, headings: [Heading], links: [LinkRecord], diagnostics: [Diagnostic], blockIDs: [String: [String]] = [:],
        blocks: [PlacedBlock] = []
    ) {
        self.html = html
        self.headings = headings
        self.links = links
        self.diagnostics = diagnostics
        self.blockIDs = blockIDs
        self.blocks = blocks
        self.headingIDs = Set(headings.map(\.id))
    }
}
