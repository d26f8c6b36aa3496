import Foundation
import KenshuBuild
import KenshuCore
import KenshuRender
import KenshuSite
import KenshuTheme

/// The site as the preview server sees it: the ``SitePipeline`` that `build` runs, kept in memory
/// between saves so that a change recomputes only what it touched. Pages render when the browser
/// asks for them, and nothing is written to disk, so the preview never touches Output.
public actor PreviewSession {
    /// What the server can answer with right now.
    public enum State: Sendable {
        case ready(PreviewSite)
        /// The last rebuild had errors; the server shows them instead of pages.
        case failed([Diagnostic])
    }

    public let options: BuildOptions
    private var pipeline: SitePipeline
    private(set) var state: State = .failed([])
    /// Where each page and file is served from, valid while the course keeps its shape.
    private var servedPaths: PreviewSite.Paths?

    public init(options: BuildOptions) {
        self.options = options
        self.pipeline = SitePipeline(options: options, incremental: true)
    }

    public var current: State { state }
    public var themesDirectory: String? { pipeline.themesDirectory }
    /// The site's theme as last loaded, for the error page.
    public var theme: Theme? { pipeline.loadedTheme }

    /// The language of messages: `--lang`, else the site's language or `LANG`.
    public var language: Language {
        Language.choose(flag: options.messageLanguage, siteLanguage: pipeline.siteLanguage, environment: ProcessInfo.processInfo.environment)
    }

    /// The absolute folders to watch for changes.
    public var watchedFolders: [String] { pipeline.watchedFolders }

    /// The `base:` zips to watch as single files.
    public var watchedArchives: [String] { pipeline.watchedArchives }

    /// Builds everything from scratch.
    @discardableResult
    public func rebuildAll() -> State {
        pipeline = SitePipeline(options: options, incremental: true)
        servedPaths = nil
        return rebuild(changed: [])
    }

    /// Rebuilds after `changed` files (absolute paths) changed; an empty list rebuilds what is missing.
    @discardableResult
    public func rebuild(changed: [String]) -> State {
        let trace = Trace()
        do {
            let model = try pipeline.update(changed: changed)
            trace.mark("pipeline", steps: pipeline.timings)
            var diagnostics = model.diagnostics
            let rendered = pipeline.outputs(model)
            trace.mark("outputs")
            if model.shapeChanged || servedPaths == nil {
                servedPaths = PreviewSite.Paths(rendered, site: model.site)
                diagnostics.append(contentsOf: ThemeCheck.check(rendered, site: model.site, contentDirectory: options.contentDirectory))
            } else if servedPaths?.count != rendered.pagePaths.count {
                // An edit that added sections can add a search index file: the same pages, more files.
                servedPaths = PreviewSite.Paths(rendered, site: model.site)
            }
            if diagnostics.failsBuild(strict: options.strict) {
                state = .failed(diagnostics.sorted)
            } else if let paths = servedPaths {
                var site = PreviewSite(rendered: rendered, paths: paths, warnings: diagnostics.sorted)
                site.allowedRoots = pipeline.watchedFolders
                state = .ready(site)
            }
            trace.mark("render index")
        } catch {
            state = .failed([Diagnostic(.error, Message.failure(error), at: nil)])
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
        /// How many pages and generated files there were.
        let count: Int
        /// The file each page of the course was made from, as diagnostics name it (`Content/a/b.md`), by page number.
        let sources: [String]

        init(_ rendered: RenderedSite, site: Site) {
            count = rendered.pagePaths.count
            sources = site.pages.map(\.file.displayPath)
            pageIndex = Dictionary(rendered.pagePaths.enumerated().map { ($1.value, $0) }, uniquingKeysWith: { a, _ in a })
            copyIndex = Dictionary(rendered.copies.map { ($0.path.value, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// Real paths of the folders files may be served from (content and themes): checked on every
    /// request, so a link retargeted after the server started cannot lead outside them.
    var allowedRoots: [String] = []

    /// The warnings by the file they are in (as diagnostics name it), for the panel on that file's page.
    private let warningsByFile: [String: [Diagnostic]]

    init(rendered: RenderedSite, paths: Paths, warnings: [Diagnostic]) {
        self.rendered = rendered
        self.paths = paths
        self.warnings = warnings
        warningsByFile = Dictionary(grouping: warnings.filter { $0.location != nil }) { $0.location?.path ?? "" }
    }

    /// The warnings in the file the page at a site path was made from; none for other files and generated pages.
    func warnings(onPage path: String) -> [Diagnostic] {
        guard let index = pageIndex[path], index < paths.sources.count else { return [] }
        return warningsByFile[paths.sources[index]] ?? []
    }

    private var pageIndex: [String: Int] { paths.pageIndex }
    private var copyIndex: [String: RenderedSite.Copy] { paths.copyIndex }

    /// The file at a site path, as bytes.
    public func file(at path: String) -> Data? {
        switch content(at: path) {
        case .bytes(let data): data
        case .disk(let real): OpenedFile(real, allowedRoots: allowedRoots)?.readAll()
        case nil: nil
        }
    }

    /// What the preview serves at a site path: bytes in memory (pages, the built-in theme), or a file of the
    /// course read as it is sent (a 300 MB video is not held in memory, and can be asked for in parts).
    enum Content {
        case bytes(Data)
        /// The file's path with links resolved; ``OpenedFile`` checks where it lies when it opens it.
        case disk(String)
    }

    func content(at path: String) -> Content? {
        if let index = pageIndex[path] { return .bytes(Data(rendered.renderPage(index).html.utf8)) }
        guard let copy = copyIndex[path] else { return nil }
        switch copy.source {
        case .bytes(let data): return .bytes(data)
        case .file(let source):
            // A link inside the course is served as its target; whether that lies in the served folders is checked
            // on the open file, not on this path (a link retargeted meanwhile is caught there).
            return .disk(URL(fileURLWithPath: source).resolvingSymlinksInPath().path)
        }
    }

    /// The page a missing path most likely became: the page of the nearest name in the same folder (a lesson
    /// renamed while its tab was open); `nil` when no name is near.
    public func nearestPage(to path: String) -> String? {
        guard path.hasSuffix(".html") else { return nil }
        let parts = path.split(separator: "/")
        let prefix = parts.dropLast().map { $0 + "/" }.joined()
        // Compared without `.html`, which every name shares (it would let any short name pass as near).
        let stems = pageIndex.keys.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".html") && !$0.dropFirst(prefix.count).contains("/") }
            .map { String($0.dropFirst(prefix.count).dropLast(5)) }
        return parts.last.flatMap { ClosestMatch.find(String($0.dropLast(5)), among: stems.sorted()) }.map { prefix + $0 + ".html" }
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

    /// - Parameter steps: the pipeline's own step timings, printed under the label.
    func mark(_ label: String, steps: [(step: String, seconds: Double)] = []) {
        guard Self.enabled else { return }
        var text = String(format: "  %@ %.1f ms\n", label, Date().timeIntervalSince(start) * 1000)
        for (step, seconds) in steps { text += String(format: "    %@ %.1f ms\n", step, seconds * 1000) }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
