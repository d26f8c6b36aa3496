import Foundation
import KenshuBuild
import KenshuContent
import KenshuCore
import KenshuSite

/// What to export and where, as the command line or a test gives it.
public struct ExportOptions: Sendable {
    /// The course and theme to build (its output folder is not used: nothing is written there).
    public var build: BuildOptions
    public var format: ExportFormat
    /// The file to write; `nil` writes ``ExportFormat/defaultFileName(title:siteID:)`` in the working directory.
    public var outputFile: String?

    public init(build: BuildOptions, format: ExportFormat, outputFile: String? = nil) {
        self.build = build
        self.format = format
        self.outputFile = outputFile
    }
}

/// What an export did: the problems found, and the file written when there were none.
public struct ExportResult: Sendable {
    public var diagnostics: [Diagnostic]
    public var outputPath: String?
    /// Files in the archive (quizzes, for GIFT).
    public var itemCount: Int
    public var siteLanguage: String?
    public var succeeded: Bool { outputPath != nil }
}

/// `kenshu export`: runs the same ``SitePipeline`` as `build`, packages its outputs (or the
/// course's sources, or its quiz models) in one of the ``ExportFormat``s, and writes one file.
///
/// Like the build it writes nothing when the course has errors, and a course without an `id`
/// in site.yml is refused: copies would share their browser progress with the original.
public enum Exporter {
    public static func export(_ options: ExportOptions) throws -> ExportResult {
        var pipeline = SitePipeline(options: options.build)
        let model = try pipeline.update()
        var diagnostics = model.diagnostics
        let config = model.site.config
        func failed() -> ExportResult {
            ExportResult(diagnostics: diagnostics.sorted, outputPath: nil, itemCount: 0, siteLanguage: config.language)
        }
        guard let id = config.id, !id.isEmpty else {
            let siteYAML = (options.build.contentDirectory.hasSuffix("/") ? String(options.build.contentDirectory.dropLast()) : options.build.contentDirectory) + "/site.yml"
            diagnostics.append(.error(.exportNoSiteID, config.storageID, at: SourceLocation(path: siteYAML, line: 1, column: 1)))
            return failed()
        }
        if diagnostics.failsBuild(strict: options.build.strict) { return failed() }

        let output = outputURL(
            options.outputFile, defaultName: options.format.defaultFileName(title: config.title, siteID: id), fileExtension: options.format.fileExtension)
        if let refusal = ExportTarget.refusal(output, options: options.build, pipeline: pipeline) {
            throw SitePipeline.StepFailure(step: "write", underlying: refusal)
        }
        let (data, count) = try contents(options.format, model: model, pipeline: pipeline)
        if options.format == .gift, count == 0 { diagnostics.append(.warning(.exportNoQuizzes, at: nil)) }
        if options.format == .gift {
            diagnostics.append(contentsOf: GIFTWriter.localLinks(in: model.site))
            diagnostics = pipeline.markingBase(diagnostics)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder), isFolder.boolValue {
            // Foundation says only "error 512" when the atomic rename meets a folder.
            throw SitePipeline.StepFailure(step: "write", underlying: ToolFailure(.exportWriteFailed, output.path, Message.reason(.reasonIOInTheWay)))
        }
        do {
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: output, options: .atomic)
        } catch {
            throw SitePipeline.StepFailure(step: "write", underlying: ToolFailure(.exportWriteFailed, output.path, SystemErrorReason.argument(for: error)))
        }
        return ExportResult(diagnostics: diagnostics.sorted, outputPath: output.path, itemCount: count, siteLanguage: config.language)
    }

    /// Where `--output` says to write: the file it names (with the format's extension), or `defaultName` inside the folder it names (a folder
    /// that exists, or any path written with a final `/`), as `cp` and `zip` read a folder; by default, here.
    static func outputURL(_ written: String?, defaultName: String, fileExtension: String) -> URL {
        guard let written, !written.isEmpty else { return URL(fileURLWithPath: defaultName).standardizedFileURL }
        var isFolder: ObjCBool = false
        let namesFolder = written.hasSuffix("/")
            || FileManager.default.fileExists(atPath: written, isDirectory: &isFolder) && isFolder.boolValue
        if namesFolder { return URL(fileURLWithPath: (written.hasSuffix("/") ? written : written + "/") + defaultName).standardizedFileURL }
        // A name without the format's extension (`--output exports/gift`, `--output 第1.5回`) gets it: an LMS's file
        // picker offers only `.zip` for a package and `.txt` for GIFT, and Windows opens a file by its extension.
        let lowered = written.lowercased()
        let kept = fileExtension == ".txt" ? [".txt", ".gift"] : [fileExtension]
        let named = kept.contains(where: lowered.hasSuffix) ? written : written + fileExtension
        return URL(fileURLWithPath: named).standardizedFileURL
    }

    /// The bytes of the export and how many files (or quizzes) it holds.
    public static func contents(_ format: ExportFormat, model: SitePipeline.Model, pipeline: SitePipeline) throws -> (Data, Int) {
        let site = model.site
        let notice = LicenceNotice.text(site.config, theme: model.theme)
        let licence = ArchiveFile(path: LicenceNotice.fileName, text: notice)
        do {
            switch format {
            case .zip:
                let files = try SiteFiles.files(of: pipeline.outputs(model)) + [licence]
                return (try DeterministicZip.data(files), files.count)
            case .scorm12:
                let launcher = model.theme.templates.render(
                    SCORMLaunchContext(lang: site.config.language, title: site.config.title), withTemplate: "scorm-launch") ?? ""
                var files = try SiteFiles.files(of: pipeline.outputs(model)) + [licence, ArchiveFile(path: SCORMManifest.launcher, text: launcher)]
                files.append(ArchiveFile(path: SCORMManifest.fileName, text: SCORMManifest.xml(for: site, files: files.map(\.path))))
                return (try DeterministicZip.data(files), files.count)
            case .gift:
                let count = site.pages.reduce(0) { $0 + $1.body.quizzes.count }
                return (Data(GIFTWriter.gift(for: site, notice: notice).utf8), count)
            case .source:
                let files = try SourceArchive.files(
                    content: pipeline.options.contentDirectory, themes: pipeline.themesDirectory, config: site.config,
                    layers: pipeline.layers) + [licence]
                return (try DeterministicZip.data(files), files.count)
            }
        } catch let failure as SitePipeline.StepFailure {
            throw failure
        } catch {
            throw SitePipeline.StepFailure(step: "export", underlying: error)
        }
    }
}
