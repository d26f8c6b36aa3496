import ArgumentParser
import Foundation
import KenshuCore

extension Language: ExpressibleByArgument {}

/// `--lang ja|en`, shared by every command: the language of messages.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "Language of messages: ja or en (default: the site's language, or LANG).")
    var lang: Language?

    /// The printer for a command, once the site's language is known (or `nil` when there is no site).
    func printer(siteLanguage: String?) -> DiagnosticPrinter {
        DiagnosticPrinter(language: Language.choose(flag: lang, siteLanguage: siteLanguage, environment: ProcessInfo.processInfo.environment))
    }
}
