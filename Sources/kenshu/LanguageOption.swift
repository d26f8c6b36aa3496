import Foundation
import KenshuCommandLine
import KenshuCore

/// `--lang ja|en`, shared by every command: the language of messages.
struct LanguageOption {
    let lang: Language?

    init(_ command: ParsedCommand) {
        lang = command.value(.lang).flatMap(Language.init(rawValue:))
    }

    /// The printer for a command, once the site's language is known (or `nil` when there is no site).
    func printer(siteLanguage: String?) -> DiagnosticPrinter {
        DiagnosticPrinter(language: Language.choose(flag: lang, siteLanguage: siteLanguage, environment: ProcessInfo.processInfo.environment))
    }
}
