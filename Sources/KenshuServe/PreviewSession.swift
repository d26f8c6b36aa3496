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
    public let themesDirectory: String
    private(set) var state: State = .failed([])
    private var tree: ContentTree?
    private var theme: Theme?
    private var pages: [String: ParsedPage] = [:]
    /// Absolute paths of every content file in `tree`, to tell edits from new files.
    private var knownFiles: Set<String> = []

    public init(options: BuildOptions) {
        self.options = options
        self.themesDirectory = options.themesDirectory ?? Builder.findThemes(near: URL(fileURLWithPath: options.contentDirectory))
    }

    public var current: State { state }

    /// The absolute folders to watch for changes.
    public var watchedFolders: [String] {
        [URL(fileURLWithPath: options.contentDirectory).standardizedFileURL.resolvingSymlinksInPath().path,
         URL(fileURLWithPath: themesDirectory).standardizedFileURL.resolvingSymlinksInPath().path]
    }

    /// Builds everything from scratch.
    @discardableResult
    public func rebuildAll() -> State {
        tree = nil
        theme = nil
        pages = [:]
        return rebuild(changed: [])
    }

    /// Rebuilds after `changed` files (absolute paths) changed; an empty list rebuilds what is missing.
    @discardableResult
    public func rebuild(changed: [String]) -> State {
        let kind = ChangeKind.classify(changed, content: watchedFolders[0], themes: watchedFolders[1], known: knownFiles)
        do {
            var diagnostics: [Diagnostic] = []
            if tree == nil || kind.contains(.structure) || kind.contains(.config) {
                let loaded = try ContentLoader.load(contentDirectory: options.contentDirectory)
                tree = loaded
                let files = [loaded.home].compactMap { $0 } + loaded.modules.flatMap { [$0.index].compactMap { $0 } + $0.lessons } + loaded.assets
                knownFiles = Set(files.map(\.absolutePath))
            }
            if kind.contains(.config) { pages = [:] }
            guard let tree else { return state }
            diagnostics += tree.diagnostics
            if theme == nil || kind.contains(.theme) || kind.contains(.config) {
                let (loaded, themeDiagnostics) = try Theme.load(
                    themesDirectory: themesDirectory, name: options.themeName ?? tree.config.theme, language: tree.config.language)
                theme = loaded
                diagnostics += themeDiagnostics
                if kind.contains(.theme) { pages = [:] }
            }
            guard let theme else { return state }
            let stale = Set(kind.pages.map { ChangeKind.relative($0, to: watchedFolders[0]) })
            let parsed = Builder.parse(tree, theme: theme, cached: pages, stale: stale)
            pages = Dictionary(parsed.map { ($0.file.relativePath, $0) }, uniquingKeysWith: { $1 })
            var collected = Diagnostics(diagnostics)
            let site = SiteBuilder.build(tree: tree, pages: parsed, diagnostics: &collected)
            if collected.failsBuild(strict: options.strict) {
                state = .failed(collected.sorted)
            } else {
                state = .ready(PreviewSite(rendered: Builder.render(site, theme: theme), warnings: collected.sorted))
            }
        } catch {
            state = .failed([.error(at: nil, "\(error)")])
        }
        return state
    }
}

/// A built site held in memory: where each page and file is, rendered on request.
public struct PreviewSite: Sendable {
    let rendered: RenderedSite
    public let warnings: [Diagnostic]
    private let pageIndex: [String: Int]
    private let copyIndex: [String: String]

    init(rendered: RenderedSite, warnings: [Diagnostic]) {
        self.rendered = rendered
        self.warnings = warnings
        pageIndex = Dictionary(rendered.pagePaths.enumerated().map { ($1.value, $0) }, uniquingKeysWith: { a, _ in a })
        copyIndex = Dictionary(rendered.copies.map { ($0.path.value, $0.sourcePath) }, uniquingKeysWith: { a, _ in a })
    }

    /// The file at a site path, as bytes.
    public func file(at path: String) -> Data? {
        if let index = pageIndex[path] { return Data(rendered.renderPage(index).html.utf8) }
        if let source = copyIndex[path] { return FileManager.default.contents(atPath: source) }
        return nil
    }

    /// Whether `path` is a folder of the site (so `path/index.html` may exist).
    public func isFolder(_ path: String) -> Bool {
        pageIndex[path + "/index.html"] != nil || copyIndex.keys.contains { $0.hasPrefix(path + "/") }
    }
}
