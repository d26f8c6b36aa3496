import ArgumentParser
import Foundation
import KenshuBuild
import KenshuCore

/// `kenshu new [DIR]`: starts a course that builds and checks clean.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new course in a folder: site.yml, a home page, one module with two lessons, a quiz and a test.")

    @OptionGroup var language: LanguageOption

    @Option(name: .long, help: "Start a course built on another: its Content folder or source zip (the base's pages stay yours to replace, hide or add to).")
    var base: String?

    @Argument(help: "The folder to create (it must not exist, or be empty).")
    var directory = "."

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
