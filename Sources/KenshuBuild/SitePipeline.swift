import Foundation
import KenshuCheck
import KenshuContent
import KenshuCore
import KenshuMarkdown
import KenshuQuiz
import KenshuRender
import KenshuSite
import KenshuTheme

/// The one pipeline that `kenshu build` and `kenshu serve` both run, as named steps:
/// content → theme → pages → site → transforms → outputs (generators) → check.
///
/// It remembers what each step produced, keyed by the files it read, so that after an edit
/// ``update(changed:progress:)`` recomputes only what the edit touched: a changed page is
/// re-parsed and its links (and links to it) re-checked; a new or removed file reloads the
/// course's shape; a theme or site.yml change starts over. `build` runs it once from empty.
public struct SitePipeline: Sendable {
    /// The steps in order, as progress and `--timings` name them.
    public static let stepNames = ["content", "theme", "pages", "site", "transforms"]

    /// A step failed for a reason outside the content (a missing folder); content problems are diagnostics.
    public struct StepFailure: FailureMessage, CustomStringConvertible {
        public var step: String
        public var underlying: any Error

        public init(step: String, underlying: any Error) {
            self.step = step
            self.underlying = underlying
        }

        public var description: String { "\(step): \(underlying)" }

        /// What to tell the author: the catalog message of a ``ToolFailure``, else K0014 with the
        /// system's reason in the author's language when it is a common one.
        public var message: Message { Message.failure(underlying) }
    }

    /// What the pipeline produced: the site and its theme, or the problems that stop it.
    public struct Model: Sendable {
        public var site: Site
        public var theme: Theme
        public var diagnostics: Diagnostics
        /// Whether the course's pages may have moved since the last run (served paths must be recomputed).
        public var shapeChanged: Bool
    }

    public let options: BuildOptions
    /// `Themes/` as last found (see ``Builder/findThemes(near:)``): looked for again when site.yml changes, so that
    /// a themes folder made while the preview runs is used once site.yml names a theme in it.
    public private(set) var themesDirectory: String?
    public var transforms: [any SiteTransform] = CourseTransforms.all
    public var generators: [any SiteGenerator] = StandardGenerators.all
    /// How long each step took in the last run.
    public private(set) var timings: [(step: String, seconds: Double)] = []

    private var tree: ContentTree?
    private var theme: Theme?
    /// The theme last loaded, if any: the preview draws its error page with it.
    public var loadedTheme: Theme? { theme }
    private var themeDiagnostics: [Diagnostic] = []
    private var pages: [ParsedPage] = []
    private var pageIndex: [String: PageID] = [:]
    private var linkCache: LinkCheckCache? = LinkCheckCache()
    private var knownFiles: Set<String> = []
    /// ``SiteBuilder/readingOrder(of:)`` of `tree`, worked out when the tree is read.
    private var order: [(file: ContentFile?, kind: ParsedPage.Kind, module: Int?)] = []

    /// - Parameter incremental: keep link results between runs (for preview); `build` checks everything once.
    public init(options: BuildOptions, incremental: Bool = false) {
        self.options = options
        self.themesDirectory = options.themesDirectory ?? Builder.findThemes(near: URL(fileURLWithPath: options.contentDirectory))
        if !incremental { linkCache = nil }
        if incremental {
            generators = generators.map { $0 is SearchGenerator ? SearchGenerator(previewLayout: PreviewSearchLayout()) : $0 }
        }
    }

    /// The content folder first, then the themes folder when there is one on disk, then the folders
    /// of the courses this one is built on (`base:`), once read (absolute, resolved).
    public var watchedFolders: [String] {
        // `Themes/` beside the content folder comes first when it is made, whichever was found before it.
        let themes = [themesDirectory, options.themesDirectory == nil ? themesBesideContent : nil].compactMap { $0 }
        var own: [String] = []
        for folder in [options.contentDirectory] + themes {
            let resolved = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
            if !own.contains(resolved) { own.append(resolved) }
        }
        return own + (tree?.layers.dropLast().map(\.root) ?? [])
    }

    /// Where `Themes/` would be found first: watched before it exists, so that making it reloads the preview.
    private var themesBesideContent: String {
        URL(fileURLWithPath: options.contentDirectory).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Themes").path
    }

    /// The zips `base:` names (absolute): the preview watches them as files.
    public var watchedArchives: [String] { tree?.baseArchives ?? [] }

    /// Every folder content is read from: this course's own, then its bases'.
    private var contentRoots: [String] {
        let own = URL(fileURLWithPath: options.contentDirectory).standardizedFileURL.resolvingSymlinksInPath().path
        return [own] + (tree?.layers.dropLast().map(\.root).reversed() ?? [])
    }

    /// The course's layers as last read (base first), for `kenshu base` and exports.
    public var layers: [ContentLayer] { tree?.layers ?? [] }

    /// `diagnostics` with those located in a base's files marked (``Diagnostic/inBase``).
    public func markingBase(_ diagnostics: Diagnostics) -> Diagnostics {
        // A base page's link to a page this course hides, and a base file no page uses once this course replaced the
        // pages that used it: the course's own doing, mended here (hide:, or a link in a replacement).
        diagnostics.markingBase(layers: layers.map(\.display)) { diagnostic in
            diagnostic.message.key == .fileNotLinked || diagnostic.fixOverride?.key == .fixHiddenTarget
        }
    }

    /// The site's language, once site.yml has been read.
    public var siteLanguage: String? { tree?.config.language }

    /// Runs the steps that `changed` (absolute paths) make stale; an empty list runs what has not run yet.
    public mutating func update(changed: [String] = [], progress: (String) -> Void = { _ in }) throws -> Model {
        timings = []
        let roots = contentRoots
        let themes = themesDirectory.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        // A watched folder itself made, removed or renamed (the content folder copied in after the preview started,
        // `Themes/` made for a theme site.yml names): everything is read again.
        let folders = Set(watchedFolders)
        var kind = ChangeKind.classify(changed, contentRoots: roots, themes: themes, known: knownFiles, archives: Set(watchedArchives))
        if changed.contains(where: folders.contains) { kind.config = true }
        if kind.config, options.themesDirectory == nil {
            themesDirectory = Builder.findThemes(near: URL(fileURLWithPath: options.contentDirectory))
        }
        var stepNumber = 0
        func step<T>(_ name: String, _ body: () throws -> T) throws -> T {
            stepNumber += 1
            progress("[\(stepNumber)/\(Self.stepNames.count)] \(name)")
            let start = Date()
            defer { timings.append((name, Date().timeIntervalSince(start))) }
            do { return try body() } catch { throw StepFailure(step: name, underlying: error) }
        }

        let reloadTree = tree == nil || kind.structure || kind.config
        if reloadTree {
            if let themesDirectory, !FileManager.default.fileExists(atPath: themesDirectory) {
                throw StepFailure(step: "content", underlying: ToolFailure(.themesMissing, themesDirectory))
            }
            let loaded = try step("content") { try ContentLoader.load(contentDirectory: options.contentDirectory) }
            tree = loaded
            order = SiteBuilder.readingOrder(of: loaded)
            let files = [loaded.home].compactMap { $0 } + loaded.modules.flatMap { [$0.index].compactMap { $0 } + $0.lessons } + loaded.assets
            knownFiles = Set(files.map(\.absolutePath))
        }
        guard let tree else { throw StepFailure(step: "content", underlying: ToolFailure(.contentFolderMissing, options.contentDirectory)) }
        if kind.config { pages = [] }

        if theme == nil || kind.theme || kind.config {
            let (loaded, problems) = try step("theme") {
                Theme.load(
                    themesDirectory: themesDirectory, names: options.themeName.map { [$0] } ?? tree.config.themes,
                    language: tree.config.language, namedAt: options.themeName == nil ? tree.config.themesLocation : nil)
            }
            theme = loaded
            themeDiagnostics = problems
            if kind.theme { pages = [] }
        }
        guard let theme else { throw StepFailure(step: "theme", underlying: ToolFailure(.themesMissing, themesDirectory ?? "Themes")) }

        let stale = Set(kind.pages.compactMap { path in
            roots.first { path.hasPrefix($0 + "/") }.map { ChangeKind.relative(path, to: $0) }
        })
        var changedPages: Set<PageID> = []
        let shapeChanged = pages.isEmpty || kind.structure
        try step("pages") {
            if shapeChanged {
                linkCache?.reset()
                let cached = Dictionary(pages.map { ($0.file.relativePath, $0) }, uniquingKeysWith: { $1 })
                pages = Self.parse(tree, order: order, theme: theme, cached: cached, stale: stale)
                pageIndex = Dictionary(
                    pages.enumerated().map { ($1.file.relativePath, PageID(position: $0)) }, uniquingKeysWith: { a, _ in a })
            } else {
                changedPages = Set(stale.compactMap { pageIndex[$0] })
                let markdown = Self.markdownOptions(theme: theme)
                for id in changedPages where !pages[id.position].file.absolutePath.isEmpty {
                    let page = pages[id.position]
                    pages[id.position] = PageParser.parse(page.file, kind: page.kind, config: tree.config, markdownOptions: markdown)
                }
            }
        }

        var diagnostics = Diagnostics(tree.diagnostics + themeDiagnostics)
        if let organisation = tree.config.organisation, StarterCourse.organisationPlaceholders.contains(organisation) {
            diagnostics.append(.warning(.placeholderOrganisation, organisation, at: siteYAMLLocation(ofKey: "organisation")))
        }
        let parsed = pages
        var site = try step("site") {
            SiteBuilder.build(
                tree: tree, pages: parsed, diagnostics: &diagnostics, cache: &linkCache, changed: changedPages,
                order: order)
        }
        if site.config.title.isEmpty {
            site.config.title = theme.strings["site_title_fallback"] ?? ""
            site.config.isUntitled = true
        }
        let transforms = self.transforms
        site = try step("transforms") {
            transforms.reduce(site) { current, transform in transform.apply(to: current, diagnostics: &diagnostics) }
        }
        if shapeChanged { diagnostics.append(contentsOf: reservedNameClashes(site, theme: theme)) }
        return Model(site: site, theme: theme, diagnostics: markingBase(diagnostics.settingsFirst), shapeChanged: shapeChanged)
    }

    /// The line of `key` in the content folder's own site.yml, as the author would open it.
    func siteYAMLLocation(ofKey key: String) -> SourceLocation {
        let folder = options.contentDirectory.hasSuffix("/") ? String(options.contentDirectory.dropLast()) : options.contentDirectory
        let text = (try? String(contentsOfFile: folder + "/site.yml", encoding: .utf8)) ?? ""
        return SourceLocation(path: folder + "/site.yml", line: SiteConfig.line(ofKey: key, in: text), column: 1)
    }

    /// Content files that would land where Kenshu writes its own files (`course.js`, `progress.html`,
    /// `assets/kenshu.css`): located errors instead of one silently overwriting the other.
    func reservedNameClashes(_ site: Site, theme: Theme) -> [Diagnostic] {
        var reserved = Set(generators.flatMap { $0.files(for: site, theme: theme) }.map(\.path.value))
        reserved.formUnion(theme.assets.map { "assets/" + $0.relativePath })
        let files = site.pages.map { ($0.sitePath.value, $0.file.displayPath) } + site.assets.map { ($0.sitePath.value, $0.file.displayPath) }
        return files.filter { reserved.contains($0.0) }.map { path, display in
            .error(.reservedName, path, at: SourceLocation(path: display, line: 1, column: 1))
        }
    }

    /// Every page and generated file of the site; each renders only when asked for.
    public func outputs(_ model: Model) -> RenderedSite {
        let site = model.site, theme = model.theme
        let generated = generators.flatMap { $0.files(for: site, theme: theme) }
        let pageCount = site.pages.count
        return RenderedSite(
            pagePaths: site.pages.map(\.sitePath) + generated.map(\.path),
            renderPage: { index in
                index < pageCount ? SiteRenderer.renderPage(PageID(position: index), of: site, theme: theme) : generated[index - pageCount].render()
            },
            copies: SiteRenderer.copies(of: site, theme: theme),
            renderFirst: generated.indices.filter { generated[$0].start == .early }.map { pageCount + $0 },
            renderAlone: generated.indices.filter { generated[$0].start == .alone }.map { pageCount + $0 })
    }

    /// Parses every page of `tree` in reading order, reusing `cached` pages (by content path) except `stale` ones.
    /// - Parameter order: ``SiteBuilder/readingOrder(of:)`` of `tree`.
    static func parse(
        _ tree: ContentTree, order: [(file: ContentFile?, kind: ParsedPage.Kind, module: Int?)], theme: Theme,
        cached: [String: ParsedPage] = [:], stale: Set<String> = []
    ) -> [ParsedPage] {
        let options = markdownOptions(theme: theme)
        let config = tree.config
        let contentDisplay = displayRoot(of: tree)
        return Parallel.map(Array(order.indices)) { index in
            let entry = order[index]
            guard let file = entry.file else {
                let folder = entry.module.map { tree.modules[$0].folder } ?? ""
                return PageParser.generatedOverview(ofModule: folder, displayPath: contentDisplay + folder)
            }
            // Same path, same file: a page that moved between layers (an overlay's copy removed) is read afresh.
            if let page = cached[file.relativePath], page.file.absolutePath == file.absolutePath,
               !stale.contains(file.relativePath), page.kind == entry.kind {
                return page
            }
            return PageParser.parse(file, kind: entry.kind, config: config, markdownOptions: options)
        }
    }

    /// How pages are rendered with this theme: its words for permalinks and alerts, and the quiz plug-in.
    static func markdownOptions(theme: Theme) -> MarkdownOptions {
        var options = MarkdownOptions(path: "")
        options.useWords(of: theme)
        options.fencedBlockHandlers["quiz"] = QuizBlockHandler()
        options.reservedIDs = theme.elementIDs
        return options
    }

    /// How diagnostics name the content folder (`Content/`), taken from any file of the tree.
    private static func displayRoot(of tree: ContentTree) -> String {
        let any = tree.home ?? tree.modules.lazy.compactMap { $0.index ?? $0.lessons.first }.first
        guard let any else { return "" }
        return String(any.displayPath.dropLast(any.relativePath.count))
    }
}
