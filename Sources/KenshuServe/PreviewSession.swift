import Foundation
import KenshuBuild
import KenshuContent
import KenshuCore
import KenshuRender
import KenshuSite
import KenshuTheme

/// The site as the preview server sees it: parsed pages and the site model stay in memory, and a
/// change re-parses only what it touched. Pages render when the browser asks for them, and nothing
/// is written to disk, so the preview never touches Output.
public actor PreviewSession {
    /// What the server can answer with right now.
    public enum State: Sendable {
        case ready(PreviewSite)
        /// The last rebuild had errors; the server shows them instead of pages.
        case failed([Diagnostic])
    }

    public let options: BuildOptions
    public let themesDirectory: String?
    private(set) var state: State = .failed([])
    private var tree: ContentTree?
    private var theme: Theme?
    /// Parsed pages in reading order, kept between rebuilds.
    private var pages: [ParsedPage] = []
    private let linkCache = LinkCheckCache()
    /// Content path → index in `pages`, valid while the course keeps its shape.
    private var pageIndex: [String: Int] = [:]
    /// Where each page and file is served from, valid while the course keeps its shape.
    private var servedPaths: PreviewSite.Paths?
    /// Absolute paths of every content file in `tree`, to tell edits from new files.
    private var knownFiles: Set<String> = []

    public init(options: BuildOptions) {
        self.options = options
        self.themesDirectory = options.themesDirectory ?? Builder.findThemes(near: URL(fileURLWithPath: options.contentDirectory))
    }

    public var current: State { state }

    /// The language of messages: `--lang`, else the site's language or `LANG`.
    public var language: Language {
        Language.choose(flag: options.messageLanguage, siteLanguage: tree?.config.language, environment: ProcessInfo.processInfo.environment)
    }

    /// The absolute folders to watch for changes.
    /// The content folder first, then the themes folder when there is one on disk.
    public var watchedFolders: [String] {
        ([options.contentDirectory] + [themesDirectory].compactMap { $0 }).map {
            URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path
        }
    }

    /// Builds everything from scratch.
    @discardableResult
    public func rebuildAll() -> State {
        tree = nil
        theme = nil
        pages = []
        return rebuild(changed: [])
    }

    /// Rebuilds after `changed` files (absolute paths) changed; an empty list rebuilds what is missing.
    @discardableResult
    public func rebuild(changed: [String]) -> State {
        let kind = ChangeKind.classify(changed, content: watchedFolders[0], themes: watchedFolders.count > 1 ? watchedFolders[1] : nil, known: knownFiles)
        do {
            var diagnostics: [Diagnostic] = []
            if tree == nil || kind.structure || kind.config {
                let loaded = try ContentLoader.load(contentDirectory: options.contentDirectory)
                tree = loaded
                let files = [loaded.home].compactMap { $0 } + loaded.modules.flatMap { [$0.index].compactMap { $0 } + $0.lessons } + loaded.assets
                knownFiles = Set(files.map(\.absolutePath))
            }
            if kind.config { pages = [] }
            guard let tree else { return state }
            diagnostics += tree.diagnostics
            if theme == nil || kind.theme || kind.config {
                let (loaded, themeDiagnostics) = Theme.load(
                    themesDirectory: themesDirectory, names: options.themeName.map { [$0] } ?? tree.config.themes,
                    language: tree.config.language)
                theme = loaded
                diagnostics += themeDiagnostics
                if kind.theme { pages = [] }
            }
            guard let theme else { return state }
            let trace = Trace()
            let stale = Set(kind.pages.map { ChangeKind.relative($0, to: watchedFolders[0]) })
            var changedPages: Set<Int>?
            if pages.isEmpty || kind.structure {
                linkCache.reset()
                servedPaths = nil
                let cached = Dictionary(pages.map { ($0.file.relativePath, $0) }, uniquingKeysWith: { $1 })
                pages = Builder.parse(tree, theme: theme, cached: cached, stale: stale)
                pageIndex = Dictionary(pages.enumerated().map { ($1.file.relativePath, $0) }, uniquingKeysWith: { a, _ in a })
            } else {
                let changed = Set(stale.compactMap { pageIndex[$0] })
                Builder.reparse(&pages, at: changed, tree: tree, theme: theme)
                changedPages = changed
            }
            let parsed = pages
            trace.mark("parse")
            var collected = Diagnostics(diagnostics)
            let site = SiteBuilder.build(
                tree: tree, pages: parsed, diagnostics: &collected, incremental: (linkCache, changedPages ?? []))
            trace.mark("site")
            if collected.failsBuild(strict: options.strict) {
                state = .failed(collected.sorted)
            } else {
                let rendered = Builder.render(site, theme: theme)
                let paths = servedPaths ?? PreviewSite.Paths(rendered)
                servedPaths = paths
                state = .ready(PreviewSite(rendered: rendered, paths: paths, warnings: collected.sorted))
            }
            trace.mark("render index")
        } catch {
            state = .failed([Diagnostic(.error, (error as? ToolFailure)?.message ?? Message(.toolError, "\(error)"), at: nil)])
        }
        return state
    }
}

/// A built site held in memory: where each page and file is, rendered on request.
public struct PreviewSite: Sendable {
    let rendered: RenderedSite
    public let warnings: [Diagnostic]
    private let paths: Paths

    /// Site path → page number or source file; the same as long as the course keeps its shape.
    struct Paths: Sendable {
        let pageIndex: [String: Int]
        let copyIndex: [String: RenderedSite.Copy]

        init(_ rendered: RenderedSite) {
            pageIndex = Dictionary(rendered.pagePaths.enumerated().map { ($1.value, $0) }, uniquingKeysWith: { a, _ in a })
            copyIndex = Dictionary(rendered.copies.map { ($0.path.value, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    init(rendered: RenderedSite, paths: Paths, warnings: [Diagnostic]) {
        self.rendered = rendered
        self.paths = paths
        self.warnings = warnings
    }

    private var pageIndex: [String: Int] { paths.pageIndex }
    private var copyIndex: [String: RenderedSite.Copy] { paths.copyIndex }

    /// The file at a site path, as bytes.
    public func file(at path: String) -> Data? {
        if let index = pageIndex[path] { return Data(rendered.renderPage(index).html.utf8) }
        if let copy = copyIndex[path] { return copy.data() }
        return nil
    }

    /// Whether `path` is a folder of the site (so `path/index.html` may exist).
    public func isFolder(_ path: String) -> Bool {
        pageIndex[path + "/index.html"] != nil || copyIndex.keys.contains { $0.hasPrefix(path + "/") }
    }
}

/// Prints how long each part of a rebuild took when `KENSHU_TRACE` is set, for tuning.
struct Trace {
    private static let enabled = ProcessInfo.processInfo.environment["KENSHU_TRACE"] != nil
    private let start = Date()

    func mark(_ label: String) {
        guard Self.enabled else { return }
        FileHandle.standardError.write(Data(String(format: "  %@ %.1f ms\n", label, Date().timeIntervalSince(start) * 1000).utf8))
    }
}
