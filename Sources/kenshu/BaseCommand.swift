import ArgumentParser
import Foundation
import KenshuBuild
import KenshuCore

/// `kenshu base status|accept`: for a course built on another (`base:` in site.yml), what changed
/// in the base since it was last reviewed, and recording the review.
struct BaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "base", abstract: "For a course built on another (base: in site.yml): review the base's changes.",
        subcommands: [Status.self, Accept.self])

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "List the base's files changed, added or removed since the version last accepted (exit 1 when there are any).")

        @OptionGroup var site: SiteOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let printer = language.printer(siteLanguage: nil)
            let status = try BaseCommand.attempt(printer) {
                try BaseReview.status(contentDirectory: site.content, today: FreshnessCheck.systemToday())
            }
            for line in BaseReview.report(status, printer: printer) { print(line) }
            if status.changes.map({ !$0.isEmpty }) ?? true { throw ExitCode(1) }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "Record the base as it is now as reviewed (writes base-accepted.yml beside site.yml).")

        @OptionGroup var site: SiteOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let printer = language.printer(siteLanguage: nil)
            let (record, path) = try BaseCommand.attempt(printer) {
                try BaseReview.accept(contentDirectory: site.content, today: FreshnessCheck.systemToday())
            }
            print("kenshu: " + printer.say(.cliBaseAccepted, record.base, String(record.files.count), path))
        }
    }

    /// Runs `body`, turning Kenshu's own failures into a message and exit status 2.
    static func attempt<T>(_ printer: DiagnosticPrinter, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as ToolFailure {
            Console.error("kenshu: \(printer.severityWord(.error)): " + failure.message.text(in: printer.language)
                + (failure.message.standardFix(in: printer.language).map { " — " + $0 } ?? ""))
            throw ExitCode(2)
        }
    }
}
