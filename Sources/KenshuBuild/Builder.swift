import Foundation
import KenshuContent
import KenshuCheck
import KenshuCore
import KenshuMarkdown
import KenshuQuiz
import KenshuRender
import KenshuSite
import KenshuTheme

/// `kenshu build`: runs the ``SitePipeline`` once, renders its outputs into a new folder while
/// checking every rendered page from memory, and swaps the folder in only when nothing is wrong.
///
/// Content problems are collected, not thrown: a build reports every problem at once and
/// writes nothing unless there are no errors (nor, with `strict`, warnings).
public enum Builder {
    /// A failure of a step for reasons outside the content (a missing folder, a refused output, a disk error).
    public typealias Failure = SitePipeline.StepFailure

    /// - Parameter progress: called with `[i/n] step` as each step starts.
    public static func build(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws -> BuildResult {
        let started = Date()
        let contentURL = URL(fileURLWithPath: options.contentDirectory)
        let outputURL = URL(fileURLWithPath: options.outputDirectory).standardizedFileURL
        var pipeline = SitePipeline(options: options)
        do {
            try OutputLocation.validate(
                output: outputURL, content: contentURL, themes: pipeline.themesDirectory.map { URL(fileURLWithPath: $0) })
        } catch {
            throw Failure(step: "output", underlying: error)
        }
        OutputWriter.recoverHalfDoneSwap(of: outputURL)
        // Looked for while the pipeline runs (a walk of the old output: ≈ 0.1 s at 10,000 pages).
        let additions = BackgroundWork { try OutputAdditions.refuseIfAny(in: outputURL) }
        let model = try pipeline.update(progress: progress)
        var diagnostics = model.diagnostics
        var timings = pipeline.timings

        func result(succeeded: Bool, files: Int) -> BuildResult {
            BuildResult(
                diagnostics: diagnostics.sorted, succeeded: succeeded,
                pageCount: model.site.pages.count + (model.site.home == nil ? 1 : 0),
                fileCount: files, seconds: Date().timeIntervalSince(started), outputPath: outputURL.path,
                stepTimings: timings, siteLanguage: model.site.config.language)
        }
        if diagnostics.failsBuild(strict: options.strict) { return result(succeeded: false, files: 0) }

        do { try additions.wait() } catch { throw Failure(step: "output", underlying: error) }
        progress("[\(SitePipeline.stepNames.count + 1)/\(SitePipeline.stepNames.count + 1)] outputs, check, write")
        let start = Date()
        let rendered = pipeline.outputs(model)
        let files: Int?
        do {
            files = try OutputWriter.write(
                rendered, to: outputURL, removeOldInBackground: options.removeOldOutputInBackground, checkPages: options.checkLinks,
                siteID: model.site.config.storageID
            ) { folder, checked in
                // Made once the pages are written, not held beside the search index and the pages; written
                // on another thread while the pages' check results are joined.
                let sources = SourceManifest.make(model.site)
                let contentDirectory = options.contentDirectory
                let manifest = BackgroundWork { try SourceManifest.write(sources, into: folder, contentDirectory: contentDirectory) }
                guard let checked else {
                    try manifest.wait()
                    return true
                }
                // Links ignored in the Markdown stay ignored wherever they are rendered (a lesson, print.html):
                // compared by the site path they lead to.
                let ignoredTargets = Set(model.site.ignoredLinks.compactMap { key -> String? in
                    let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
                    return parts.count == 2 ? Self.sitePath(of: parts[1], from: parts[0]) : nil
                })
                let ignorePattern = SiteChecker.ignoring(model.site.config.externalIgnore)
                let isIgnoredTarget = { (page: String, url: String) in Self.sitePath(of: url, from: page).map(ignoredTargets.contains) ?? false }
                let report = SiteChecker.report(checked, root: folder.path, sources: sources) { page, url in
                    isIgnoredTarget(page, url) || ignorePattern(page, url)
                }
                // Links ignored in the Markdown were reported there already.
                diagnostics.append(contentsOf: RelocatedFindings.withoutRepeats(report.findings.filter { !isIgnoredTarget($0.file, $0.target) })
                    .map { $0.diagnostic(output: options.outputDirectory) })
                diagnostics = pipeline.markingBase(diagnostics)
                try manifest.wait()
                return !diagnostics.failsBuild(strict: options.strict)
            }
        } catch let failure as ToolFailure {
            throw Failure(step: "write", underlying: failure)
        } catch {
            throw Failure(step: "write", underlying: ToolFailure(.outputWriteFailed, outputURL.path, SystemErrorReason.argument(for: error)))
        }
        timings.append(("outputs, check, write", Date().timeIntervalSince(start)))
        guard let files else { return result(succeeded: false, files: 0) }
        return result(succeeded: true, files: files)
    }

    /// The site path a relative URL on `page` leads to (`../a/b.html#x` from `c/d.html` → `a/b.html`).
    static func sitePath(of url: String, from page: String) -> String? {
        guard let base = URL(string: "kenshu://site/" + (page.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? page)),
              let resolved = URL(string: url, relativeTo: base), resolved.scheme == "kenshu" else { return nil }
        return String(resolved.path.dropFirst()).removingPercentEncoding
    }

    /// `Themes/` beside the content folder, else in the working directory, else in a folder above
    /// the `kenshu` program (a checkout's `.build/…/kenshu` finds the checkout's themes from anywhere);
    /// `nil` when there is none, and the theme built into Kenshu is used alone.
    public static func findThemes(near content: URL) -> String? {
        let fm = FileManager.default
        let beside = content.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Themes").path
        if fm.fileExists(atPath: beside) { return beside }
        if fm.fileExists(atPath: "Themes") { return "Themes" }
        let program = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        var folder = URL(fileURLWithPath: program).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("Themes").path
            if fm.fileExists(atPath: candidate + "/default") { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }

}
