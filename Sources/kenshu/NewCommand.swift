import Foundation
import KenshuBuild
import KenshuCommandLine
import KenshuCore

/// `kenshu new [DIR]`: starts a course that builds and checks clean.
struct NewCommand {
    let language: LanguageOption
    let base: String?
    let directory: String

    init(_ command: ParsedCommand) {
        language = LanguageOption(command)
        base = command.value(.base)
        directory = command.argument ?? "."
    }

    func run() throws {
        let printer = language.printer(siteLanguage: nil)
        do {
            if let base {
                try StarterOverlay.write(to: URL(fileURLWithPath: directory), base: base, today: FreshnessCheck.systemToday())
            } else {
                try StarterCourse.write(to: URL(fileURLWithPath: directory))
            }
        } catch let failure as ToolFailure {
            Console.error("kenshu: \(printer.severityWord(.error)): " + failure.message.text(in: printer.language))
            throw ExitCode(2)
        }
        print("kenshu: " + (base.map { printer.say(.cliNewOverlayCreated, directory, $0) } ?? printer.say(.cliNewCreated, directory)))
    }
}
