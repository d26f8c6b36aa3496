import Foundation
import KenshuCommandLine
import KenshuCore
import KenshuTheme

/// `kenshu theme export DIR`: writes the built-in theme out for editing.
struct ThemeExportCommand {
    let language: LanguageOption
    let directory: String

    init(_ command: ParsedCommand) {
        language = LanguageOption(command)
        directory = command.argument ?? ""
    }

    func run() throws {
        let printer = language.printer(siteLanguage: nil)
        let folder = URL(fileURLWithPath: directory)
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
            Console.error("kenshu: \(printer.severityWord(.error)): " + printer.say(.newTargetNotEmpty, directory))
            throw ExitCode(2)
        }
        let count = try attempt(printer, about: directory) { try BuiltInTheme.export(to: folder) }
        print("kenshu: " + printer.say(.cliThemeExported, directory, String(count)))
    }
}
