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
        let model = try pipeline.update(progress: progress)
        var diagnostics = model.diagnostics
        var timings = pipeline.timings

        func result(succeeded: Bool, files: Int) -> BuildResult {
            BuildResult(
                diagnostics: diagnostics.sorted, succeeded: succeeded,
                pageCount: model.site.pages.count + (model.site.homeIndex == nil ? 1 : 0),
                fileCount: files, seconds: Date().timeIntervalSince(started), outputPath: outputURL.path,
                stepTimings: timings, siteLanguage: model.site.config.language)
        }
        if diagnostics.failsBuild(strict: options.strict) { return result(succeeded: false, files: 0) }

        progress("[\(SitePipeline.stepNames.count + 1)/\(SitePipeline.stepNames.count + 1)] outputs, check, write")
        let start = Date()
        let rendered = pipeline.outputs(model)
        let sources = SourceManifest.make(model.site)
        let files: Int?
        do {
            files = try OutputWriter.write(
                rendered, to: outputURL, removeOldInBackground: options.removeOldOutputInBackground, checkPages: options.checkLinks
            ) { folder, checked in
                try SourceManifest.write(sources, into: folder)
                guard let checked else { return true }
                let ignoredLinks = model.site.ignoredLinks, ignorePattern = SiteChecker.ignoring(model.site.config.externalIgnore)
                let report = SiteChecker.report(checked, root: folder.path, sources: sources) { page, url in
                    ignoredLinks.contains(page + "\u{0}" + url) || ignorePattern(page, url)
                }
                // Links ignored in the Markdown were reported there already.
                diagnostics.append(contentsOf: report.findings.filter { !ignoredLinks.contains($0.file + "\u{0}" + $0.target) }
                    .map { $0.diagnostic(output: options.outputDirectory) })
                return !diagnostics.failsBuild(strict: options.strict)
            }
        } catch {
            throw Failure(step: "write", underlying: error)
        }
        timings.append(("outputs, check, write", Date().timeIntervalSince(start)))
        guard let files else { return result(succeeded: false, files: 0) }
        return result(succeeded: true, files: files)
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
