import Foundation
import KenshuBuild
import KenshuCommandLine
import KenshuCore

/// `kenshu build`: Content → Output, all or nothing.
struct BuildCommand {
    let site: SiteOptions
    let language: LanguageOption
    let output: String
    let strict: Bool
    let noCheck: Bool
    let timings: Bool
    let open: Bool

    init(_ command: ParsedCommand) {
        site = SiteOptions(command)
        language = LanguageOption(command)
        output = command.value(.buildOutput) ?? "Output"
        strict = command.flag(.strict)
        noCheck = command.flag(.noCheck)
        timings = command.flag(.timings)
        open = command.flag(.openBuilt)
    }

    func run() throws {
        var options = BuildOptions(contentDirectory: site.content, themeName: site.theme, outputDirectory: output, strict: strict)
        options.checkLinks = !noCheck
        options.messageLanguage = language.lang
        let onTerminal = isatty(STDERR_FILENO) == 1
        let result: BuildResult
        do {
            result = try Builder.build(options) { step in
                if onTerminal { Console.error(step) }
            }
        } catch let failure as Builder.Failure {
            let printer = language.printer(siteLanguage: nil)
            Console.error(printer.failureLine(failure))
            throw ExitCode(2)
        }
        let printer = language.printer(siteLanguage: result.siteLanguage)
        for diagnostic in result.diagnostics { Console.error(printer.line(diagnostic)) }
        if timings {
            for (step, seconds) in result.stepTimings { Console.error(String(format: "  %-16@ %7.3f s", step, seconds)) }
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        let time = String(format: "%.2f s", result.seconds)
        let baseWarnings = Diagnostics(result.diagnostics).baseWarnings
        if strict, baseWarnings > 0 { Console.error("kenshu: " + printer.say(.cliStrictLeftBase, String(baseWarnings))) }
        guard result.succeeded else {
            Console.error("kenshu: " + (strict && errors == 0
                ? printer.say(.cliBuildFailedStrict, String(warnings - baseWarnings), output)
                : printer.say(.cliBuildFailed, String(errors), String(warnings), output)))
            throw ExitCode.failure
        }
        let index = URL(fileURLWithPath: result.outputPath).appendingPathComponent("index.html")
        print("kenshu: " + printer.say(.cliBuilt, String(result.pageCount), String(result.fileCount), String(warnings), time, index.absoluteString))
        if open { Browser.open(index, printer: printer) }
    }
}

/// Opens a page in the desktop's browser, where there is one.
enum Browser {
    static func open(_ url: URL, printer: DiagnosticPrinter) {
        let opener = ["/usr/bin/xdg-open", "/usr/bin/open"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let opener else {
            Console.error("kenshu: " + printer.say(.cliNoBrowserOpener))
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url.absoluteString]
        // xdg-open on a machine without a desktop prints a screenful of "not found": say it once, ourselves.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        // Not waited for: with some desktops xdg-open returns only when the browser closes.
        if (try? process.run()) == nil { Console.error("kenshu: " + printer.say(.cliNoBrowserOpener)) }
    }
}

enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
