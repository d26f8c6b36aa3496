import Foundation
import KenshuContent
import KenshuCheck
import KenshuCore
import KenshuMarkdown
import KenshuQuiz
import KenshuRender
import KenshuSite
import KenshuTheme

/// Runs the whole pipeline: Content → parsed pages → site → rendered pages → Output.
///
/// Content problems are collected, not thrown: a build reports every problem at once and
/// writes nothing unless there are no errors (nor, with `strict`, warnings).
public enum Builder {
    /// Tool failures (a missing folder, a refused output, a disk error); content problems are diagnostics.
    public struct Failure: Error, CustomStringConvertible {
        public var step: String
        public var underlying: any Error
        public var description: String { "\(step): \(underlying)" }
    }

    /// - Parameter progress: called with `[i/n] step` as each step starts.
    public static func build(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws -> BuildResult {
        let started = Date()
        let steps = ["reading content", "loading theme", "parsing pages", "building site", "preparing pages", "rendering, writing and checking"]
        var stepNumber = 0
        var timings: [(step: String, seconds: Double)] = []
        func step<T>(_ body: () throws -> T) throws -> T {
            let name = steps[stepNumber]
            stepNumber += 1
            progress("[\(stepNumber)/\(steps.count)] \(name)")
            let start = Date()
            defer { timings.append((name, Date().timeIntervalSince(start))) }
            do { return try body() } catch { throw Failure(step: name, underlying: error) }
        }

        let contentURL = URL(fileURLWithPath: options.contentDirectory)
        let outputURL = URL(fileURLWithPath: options.outputDirectory).standardizedFileURL
        let themesDirectory = options.themesDirectory ?? Self.findThemes(near: contentURL)
        var diagnostics = Diagnostics()

        let tree = try step { () throws -> ContentTree in
            try OutputLocation.validate(output: outputURL, content: contentURL, themes: URL(fileURLWithPath: themesDirectory))
            return try ContentLoader.load(contentDirectory: options.contentDirectory)
        }
        diagnostics.append(contentsOf: tree.diagnostics)

        let (theme, themeDiagnostics) = try step {
            try Theme.load(themesDirectory: themesDirectory, name: options.themeName ?? tree.config.theme, language: tree.config.language)
        }
        diagnostics.append(contentsOf: themeDiagnostics)

        let pages = try step { parse(tree, theme: theme) }
        let site = try step { SiteBuilder.build(tree: tree, pages: pages, diagnostics: &diagnostics) }

        func result(succeeded: Bool, files: Int) -> BuildResult {
            BuildResult(
                diagnostics: diagnostics.sorted, succeeded: succeeded, pageCount: site.pages.count + (site.homeIndex == nil ? 1 : 0),
                fileCount: files, seconds: Date().timeIntervalSince(started), outputPath: outputURL.path,
                stepTimings: timings)
        }
        if diagnostics.failsBuild(strict: options.strict) { return result(succeeded: false, files: 0) }

        let rendered = try step { render(site, theme: theme) }
        let sources = SourceManifest.make(site)
        let files = try step {
            try OutputWriter.write(rendered, to: outputURL, removeOldInBackground: options.removeOldOutputInBackground) { folder in
                try SourceManifest.write(sources, into: folder)
                guard options.checkLinks else { return true }
                let ignoredLinks = site.ignoredLinks, ignorePattern = SiteChecker.ignoring(tree.config.externalIgnore)
                let report = try SiteChecker.check(root: folder.path, sources: sources) { page, url in
                    ignoredLinks.contains(page + "\u{0}" + url) || ignorePattern(page, url)
                }
                // Links ignored in the Markdown were reported there already.
                diagnostics.append(contentsOf: report.findings.filter { !ignoredLinks.contains($0.file + "\u{0}" + $0.target) }
                    .map { $0.diagnostic(output: options.outputDirectory) })
                return !diagnostics.failsBuild(strict: options.strict)
            }
        }
        guard let files else { return result(succeeded: false, files: 0) }
        return result(succeeded: true, files: files)
    }

    /// Parses every page of `tree` in reading order, reusing `cached` pages (by content path) except `stale` ones.
    public static func parse(
        _ tree: ContentTree, theme: Theme, cached: [String: ParsedPage] = [:], stale: Set<String> = []
    ) -> [ParsedPage] {
        let options = markdownOptions(theme: theme)
        let config = tree.config
        let order = SiteBuilder.readingOrder(of: tree)
        let contentDisplay = Self.displayRoot(of: tree)
        return Parallel.map(Array(order.indices)) { index in
            let entry = order[index]
            guard let file = entry.file else {
                let folder = tree.modules[entry.module!].folder
                return PageParser.generatedOverview(ofModule: folder, displayPath: contentDisplay + folder)
            }
            if let page = cached[file.relativePath], !stale.contains(file.relativePath), page.kind == entry.kind { return page }
            return PageParser.parse(file, kind: entry.kind, config: config, markdownOptions: options)
        }
    }

    /// Re-parses the pages at `indices` in place, keeping the others as they were.
    public static func reparse(_ pages: inout [ParsedPage], at indices: some Sequence<Int>, tree: ContentTree, theme: Theme) {
        let options = markdownOptions(theme: theme)
        for index in indices where !pages[index].file.absolutePath.isEmpty {
            let page = pages[index]
            pages[index] = PageParser.parse(page.file, kind: page.kind, config: tree.config, markdownOptions: options)
        }
    }

    /// How pages are rendered with this theme: its words for permalinks and alerts, and the quiz plug-in.
    static func markdownOptions(theme: Theme) -> MarkdownOptions {
        var options = MarkdownOptions(
            path: "", permalinkLabel: theme.strings["permalink"] ?? "この見出しへのリンク",
            alertTitles: MarkdownOptions.japaneseAlertTitles.merging(
                MarkdownOptions.japaneseAlertTitles.keys.compactMap { key in theme.strings["alert_" + key].map { (key, $0) } },
                uniquingKeysWith: { $1 }))
        options.fencedBlockHandlers["quiz"] = QuizBlockHandler(strings: QuizStrings(theme.strings))
        options.taskLabels = (theme.strings["task_done"] ?? options.taskLabels.done, theme.strings["task_open"] ?? options.taskLabels.open)
        return options
    }

    /// Every page and file of the built site; pages render when asked for.
    public static func render(_ site: Site, theme: Theme) -> RenderedSite {
        // Pages Kenshu writes itself, rendered (like every page) only when asked for.
        var extras: [(path: SitePath, render: @Sendable () -> RenderedSite.Page)] = []
        if site.homeIndex == nil {
            extras.append((SitePath("index.html"), { SiteRenderer.renderGeneratedHome(of: site, theme: theme) }))
        }
        if site.modules.count > SiteRenderer.inlineModuleLimit {
            extras.append((SitePath("toc.js"), { SiteRenderer.tableOfContentsScript(of: site)! }))
        }
        extras.append((SitePath("progress.html"), { SiteRenderer.renderProgressPage(of: site, theme: theme) }))
        extras.append((SitePath("course.js"), { SiteRenderer.courseScript(of: site) }))
        let pageCount = site.pages.count
        let generated = extras
        return RenderedSite(
            pagePaths: site.pages.map(\.sitePath) + generated.map(\.path),
            renderPage: { index in
                index < pageCount ? SiteRenderer.renderPage(index, of: site, theme: theme) : generated[index - pageCount].render()
            },
            copies: SiteRenderer.copies(of: site, theme: theme))
    }

    /// How diagnostics name the content folder (`Content/`), taken from any file of the tree.
    private static func displayRoot(of tree: ContentTree) -> String {
        let any = tree.home ?? tree.modules.lazy.compactMap { $0.index ?? $0.lessons.first }.first
        guard let any else { return "" }
        return String(any.displayPath.dropLast(any.relativePath.count))
    }

    /// `Themes/` beside the content folder, else in the working directory, else in a folder above
    /// the `kenshu` program (a checkout's `.build/…/kenshu` finds the checkout's themes from anywhere).
    public static func findThemes(near content: URL) -> String {
        let beside = content.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Themes").path
        if FileManager.default.fileExists(atPath: beside + "/default") { return beside }
        if FileManager.default.fileExists(atPath: "Themes/default") { return "Themes" }
        let program = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        var folder = URL(fileURLWithPath: program).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("Themes").path
            if FileManager.default.fileExists(atPath: candidate + "/default") { return candidate }
            folder.deleteLastPathComponent()
        }
        return "Themes"
    }
}
