import Foundation
import KenshuBuild
import KenshuCheck
import KenshuCommandLine
import KenshuContent
import KenshuCore

/// `kenshu check`: the link checker, for Kenshu's output or any static HTML site.
struct CheckCommand {
    enum Format: String { case text, json }

    let language: LanguageOption
    let directory: String
    let format: Format
    let external: Bool
    let config: String
    let cache: String
    let maxAge: Double
    let timeout: Double
    let freshness: Bool
    let today: String?
    /// Whether the checked site was built from the course that `config` names: only then are that
    /// course's review and its site.yml's `check:` settings applied.
    let checksOwnCourse: Bool

    init(_ command: ParsedCommand) {
        language = LanguageOption(command)
        directory = command.argument ?? "Output"
        format = command.value(.checkFormat).flatMap(Format.init(rawValue:)) ?? .text
        external = command.flag(.external)
        config = command.value(.config) ?? "Content/site.yml"
        cache = command.value(.cache) ?? ".kenshu-cache/external-links.json"
        maxAge = command.number(.maxAge) ?? 86_400
        timeout = command.number(.timeout) ?? 10
        freshness = command.flag(.freshness)
        today = command.value(.today)
        checksOwnCourse = command.given(.config) || command.flag(.freshness) || CheckedSiteOrigin.isBuilt(
            fromSiteYAML: try? String(contentsOfFile: config, encoding: .utf8), checkedFolder: directory)
    }

    func run() async throws {
        let siteYAML = checksOwnCourse ? try? String(contentsOfFile: config, encoding: .utf8) : nil
        let printer = language.printer(siteLanguage: siteYAML.map { SiteConfig.parse($0, path: config).0.language })
        let review = try reviewCourse(exists: siteYAML != nil, printer: printer)
        if freshness {
            let pages = review?.pages ?? []
            print(format == .json ? try FreshnessTable.json(pages) : FreshnessTable.text(pages, printer: printer))
            return
        }
        var report: SiteChecker.Report
        // 'check: ignore:' lets known-broken internal links through as warnings, too.
        let ignore = siteYAML.map { SiteConfig.parse($0, path: config).0.externalIgnore } ?? []
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            Console.error(printer.line(.error(.checkedFolderMissing, directory, at: nil)))
            throw ExitCode(2)
        }
        do {
            report = try SiteChecker.check(root: directory, ignore: SiteChecker.ignoring(ignore))
        } catch {
            Console.error(printer.line(.error(.checkedFolderUnreadable, directory, SystemErrorReason.argument(for: error), at: nil)))
            throw ExitCode(2)
        }
        var externalNote = printer.say(.cliExternalOffline, String(report.external.count))
        if external {
            var options = ExternalChecker.Options()
            options.cacheFile = cache
            options.cacheMaxAge = maxAge
            options.timeout = timeout
            if let yaml = siteYAML {
                let (site, problems) = SiteConfig.parse(yaml, path: config)
                for problem in problems { Console.error(printer.line(problem)) }
                if problems.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
                options.ignore = site.externalIgnore
                options.allow = site.externalAllow
            }
            let outcomes = await ExternalChecker(options: options).check(report.external)
            report.findings += SiteChecker.externalFindings(report, outcomes: outcomes)
            let skipped = outcomes.values.filter { $0 == .skipped }.count
            externalNote = printer.say(.cliExternalChecked, String(report.external.count - skipped), String(skipped))
        }
        switch format {
        case .text:
            for finding in report.findings { Console.error(finding.describe(root: directory, printer: printer)) }
            let warnings = report.findings.count - report.errors
            if let review {
                for finding in review.findings { Console.error(printer.line(finding)) }
                print("kenshu: " + printer.say(.cliCourseReviewed, contentDirectory, String(review.findings.count)))
            }
            print("kenshu: " + printer.say(
                .cliChecked, String(report.pages), String(report.references), String(report.errors), String(warnings), externalNote))
        case .json:
            let course = (review?.findings ?? []).map { finding -> [String: Any] in
                var object: [String: Any] = [
                    "kind": finding.severity.rawValue, "code": finding.code, "message": finding.text(in: printer.language),
                ]
                if let fix = finding.fix(in: printer.language) { object["fix"] = fix }
                if let at = finding.location { object.merge(["file": at.path, "line": at.line, "column": at.column]) { $1 } }
                return object
            }
            let objects = course + report.findings.map { finding -> [String: Any] in
                let first = finding.occurrences.first ?? (1, 1)
                var object: [String: Any] = [
                    "file": directory + "/" + finding.file, "line": first.line, "column": first.column,
                    "target": finding.target, "kind": finding.severity.rawValue, "code": finding.message.key.rawValue,
                    "message": finding.message.text(in: printer.language),
                    "reason": finding.reason.rawValue + (finding.detail.map { " " + $0 } ?? ""),
                    "lines": finding.occurrences.map(\.line),
                ]
                if let fix = finding.fix(in: printer.language) { object["fix"] = fix }
                if let source = finding.source {
                    object["source"] = ["file": source.path, "line": source.line, "column": source.column]
                }
                return object
            }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
        if report.errors > 0 { throw ExitCode(1) }
    }

    /// The content folder that `--config` names (`Content/` for `Content/site.yml`).
    private var contentDirectory: String { URL(fileURLWithPath: config).deletingLastPathComponent().relativePath }

    /// The course review of the content beside site.yml, when there is one.
    private func reviewCourse(exists: Bool, printer: DiagnosticPrinter) throws -> CourseReview? {
        guard exists else {
            if freshness {
                Console.error(printer.line(.error(.checkConfigMissing, config, at: nil)))
                throw ExitCode(2)
            }
            return nil
        }
        // The command line let through only a date that exists (`OptionSpec.Kind.date`).
        let day = today.flatMap(CalendarDate.init) ?? FreshnessCheck.systemToday()
        do {
            return try CourseReview.run(contentDirectory: contentDirectory, today: day)
        } catch let failure as SitePipeline.StepFailure {
            Console.error(printer.failureLine(failure))
            throw ExitCode(2)
        }
    }
}
