import KenshuContent
import KenshuTheme

/// The licence and attribution text that travels with every export (`LICENSE.txt` at an
/// archive's root, comment lines atop a GIFT file), in the theme's words, as the footer shows them.
enum LicenceNotice {
    static let fileName = "LICENSE.txt"

    static func text(_ config: SiteConfig, theme: Theme) -> String {
        func word(_ key: String, _ fallback: String) -> String { theme.strings[key] ?? fallback }
        var lines = [config.title]
        if let organisation = config.organisation { lines.append(organisation) }
        if let licence = config.licenceTerms {
            let name = licence.preset.flatMap { theme.strings[$0.stringKey] } ?? licence.text
            lines.append(word("licence", "Licence") + ": " + name)
            if let preset = licence.preset { lines.append(preset.url(language: config.language)) }
        }
        if let author = config.attribution?.author { lines.append(word("attribution", "Original work") + ": " + author) }
        if let url = config.attribution?.sourceURL { lines.append(word("attribution_source", "Original published at") + ": " + url) }
        for course in config.upstream {
            var line = word("modified_from", "This course was adapted from") + ": " + course.title
            if let organisation = course.organisation { line += " (" + organisation + ")" }
            if let version = course.version { line += " " + word("modified_from_version", "version") + " " + version }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
