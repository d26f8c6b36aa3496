import ArgumentParser
import Foundation
import KenshuCheck

/// `kenshu check`: the link checker, for Kenshu's output or any static HTML site.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every internal link, image, script and fragment of a built site (offline).",
        discussion: "Exit status: 0 no broken links, 1 broken links, 2 usage or reading error.")

    enum Format: String, ExpressibleByArgument { case text, json }

    @Argument(help: "The built site to check.")
    var directory = "Output"

    @Option(name: .long, help: "text (default) or json: one object per finding.")
    var format: Format = .text

    func run() throws {
        let report: SiteChecker.Report
        do {
            report = try SiteChecker.check(root: directory)
        } catch {
            Console.error("kenshu: error: cannot read '\(directory)': \(error.localizedDescription)")
            throw ExitCode(2)
        }
        switch format {
        case .text:
            for finding in report.findings { Console.error(finding.describe(root: directory)) }
            let warnings = report.findings.count - report.errors
            print("kenshu: checked \(report.pages) pages, \(report.references) references: \(report.errors) broken, \(warnings) warning(s); \(report.external.count) external URL(s) not checked (offline)")
        case .json:
            let objects = report.findings.map { finding -> [String: Any] in
                let first = finding.occurrences.first ?? (1, 1)
                var object: [String: Any] = [
                    "file": directory + "/" + finding.file, "line": first.line, "column": first.column,
                    "target": finding.target, "kind": finding.severity.rawValue, "reason": finding.reason.rawValue,
                    "lines": finding.occurrences.map(\.line),
                ]
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
}
