import ArgumentParser
import Foundation
import KenshuBuild
import KenshuCore
import KenshuExport

extension ExportFormat: ExpressibleByArgument {}

/// `kenshu export`: the course as one file to share — a site zip, a SCORM 1.2 package, GIFT quizzes or the source.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the course to share it: zip (the site), scorm12 (an LMS package), gift (Moodle quizzes), source.")

    @OptionGroup var site: SiteOptions
    @OptionGroup var language: LanguageOption

    @Option(name: .long, help: "What to export: zip, scorm12, gift or source.")
    var format: ExportFormat

    @Option(name: .long, help: "The file to write (default: <course id>-site.zip, -scorm12.zip, -quizzes.gift.txt or -source.zip here).")
    var output: String?

    func run() throws {
        let build = BuildOptions(contentDirectory: site.content, themeName: site.theme)
        let result: ExportResult
        do {
            result = try Exporter.export(ExportOptions(build: build, format: format, outputFile: output))
        } catch let failure as Builder.Failure {
            let printer = language.printer(siteLanguage: nil)
            Console.error("kenshu: \(printer.severityWord(.error)): \(failure.message.text(in: printer.language))")
            throw ExitCode(2)
        }
        let printer = language.printer(siteLanguage: result.siteLanguage)
        for diagnostic in result.diagnostics { Console.error(printer.line(diagnostic)) }
        guard let path = result.outputPath else {
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            Console.error("kenshu: " + printer.say(.exportContentErrors, String(errors)))
            throw ExitCode.failure
        }
        print("kenshu: " + printer.say(.cliExported, path, format.rawValue, String(result.itemCount)))
    }
}
