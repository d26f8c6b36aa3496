import KenshuCore

/// How to render Markdown for one page.
public struct MarkdownOptions: Sendable {
    /// The file as diagnostics name it.
    public var path: String
    /// The file relative to the content folder (`01-intro/02-x.md`), to resolve relative links; `nil` renders links as written.
    public var contentPath: String?
    /// Lines of front matter before the body, added to every line number.
    public var lineOffset: Int
    /// Pass all raw HTML through (the site opted in) instead of only the safe subset (``RawHTMLPolicy``).
    public var allowRawHTML: Bool
    /// Give headings ids and a permalink; off only for conformance tests of plain CommonMark.
    public var headingAnchors: Bool
    /// The accessible name of a heading's permalink.
    public var permalinkLabel: String
    /// Titles of GitHub-style alerts, keyed `note`, `tip`, `important`, `warning`, `caution`.
    public var alertTitles: [String: String]
    /// Ids the theme's templates give elements of every page (`main`, `kenshu-strings`): a heading
    /// with the same text gets `-1` instead of breaking the page's script or skip link.
    public var reservedIDs: Set<String> = []
    /// Which URL schemes links and images may use (the rest are blanked with a warning).
    public var urlPolicy = URLPolicy()
    /// The accessible names of a task list item's disabled checkbox, checked and unchecked
    /// (GFM writes none, and a checkbox without a name is an accessibility error).
    public var taskLabels = (done: "", open: "")
    /// `vars:` of site.yml: the values `{{name}}` in text stands for (code and link targets are left alone).
    public var variables: [String: String] = [:]
    /// Features that render fenced blocks, keyed by the info string's first word (`quiz`).
    public var fencedBlockHandlers: [String: any FencedBlockHandler] = [:]

    public init(
        path: String, contentPath: String? = nil, lineOffset: Int = 0, allowRawHTML: Bool = false,
        headingAnchors: Bool = true, permalinkLabel: String = "", alertTitles: [String: String] = [:]
    ) {
        self.path = path
        self.contentPath = contentPath
        self.lineOffset = lineOffset
        self.allowRawHTML = allowRawHTML
        self.headingAnchors = headingAnchors
        self.permalinkLabel = permalinkLabel
        self.alertTitles = alertTitles
    }

    /// The names of GitHub's alert kinds (`> [!NOTE]`), whose titles come from the theme (`alert_note`).
    public static let alertKinds = ["note", "tip", "important", "warning", "caution"]
}
