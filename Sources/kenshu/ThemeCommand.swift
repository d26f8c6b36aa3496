import ArgumentParser
import Foundation
import KenshuCore
import KenshuTheme

/// `kenshu theme export DIR`: writes the built-in theme out for editing.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme", abstract: "Work with themes.", subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the built-in theme into a folder, to copy and edit (for example Themes/my-town).")

        @OptionGroup var language: LanguageOption

        @Argument(help: "The folder to write (it must not exist, or be empty).")
        var directory: String

        func run() throws {
            let printer = language.printer(siteLanguage: nil)
            let folder = URL(fileURLWithPath: directory)
            if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
                Console.error("kenshu: \(printer.severityWord(.error)): " + printer.say(.newTargetNotEmpty, directory))
                throw ExitCode(2)
            }
            let count = try BuiltInTheme.export(to: folder)
            print("kenshu: " + printer.say(.cliThemeExported, directory, String(count)))
        }
    }
}
