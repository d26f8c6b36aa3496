import Foundation
import KenshuBuild
import KenshuCommandLine
import KenshuCore
import KenshuExport

/// `kenshu export`: the course as one file to share — a site zip, a SCORM 1.2 package, GIFT quizzes or the source.
struct ExportCommand {
    let site: SiteOptions
    let language: LanguageOption
    let format: ExportFormat?
    let output: String?

    init(_ command: ParsedCommand) {
        site = SiteOptions(command)
        language = LanguageOption(command)
        format = command.value(.exportFormat).flatMap(ExportFormat.init(rawValue:))
        output = command.value(.exportOutput)
    }

    func run() throws {
        // The parser requires --format and accepts only the formats KenshuCommands lists.
        guard let format else { preconditionFailure("--format passed the parser without an ExportFormat") }
        let build = BuildOptions(contentDirectory: site.content, themeName: site.theme)
        let result: ExportResult
        do {
            result = try Exporter.export(ExportOptions(build: build, format: format, outputFile: output))
        } catch let failure as Builder.Failure {
            let printer = language.printer(siteLanguage: nil)
            Console.error(printer.failureLine(failure))
            throw ExitCode(2)
        }
        let printer = language.printer(siteLanguage: result.siteLanguage)
        for diagnostic in result.diagnostics { Console.error(printer.line(diagnostic)) }
        guard let path = result.outputPath else {
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            Console.error("kenshu: " + printer.say(.exportContentErrors, String(errors)))
            throw ExitCode.failure
        }
        print("kenshu: " + (format == .gift
            ? printer.say(.cliExportedQuizzes, path, String(result.itemCount))
            : printer.say(.cliExported, path, format.rawValue, String(result.itemCount))))
    }
}
