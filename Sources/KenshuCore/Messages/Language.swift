/// The language Kenshu speaks to authors in: diagnostics, command output and the preview's error page.
///
/// Japanese is the default because Kenshu's authors are Japanese municipal staff; English is the
/// second locale, chosen by `--lang en`, `language: en` in site.yml or an English `LANG`.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case ja, en

    /// `--lang` wins; then a Japanese site or a Japanese `LANG` means Japanese; else English.
    /// Without a site (or before site.yml is read) an unset or non-English `LANG` means Japanese.
    public static func choose(flag: Language?, siteLanguage: String?, environment: [String: String]) -> Language {
        if let flag { return flag }
        let lang = (environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LC_MESSAGES"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LANG"] ?? "").lowercased()
        if lang.hasPrefix("ja") { return .ja }
        if let siteLanguage { return siteLanguage == "en" ? .en : .ja }
        return lang.hasPrefix("en") ? .en : .ja
    }
}
