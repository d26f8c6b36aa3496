import Foundation
import KenshuCore
import Yams

/// The settings of one training site, from `Content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    /// `title:` from site.yml. Without one it is empty until the pipeline gives it the theme's
    /// `site_title_fallback` (研修 / Training), so the word follows the site's language.
    public var title = ""
    /// Set with the theme's fallback title: site.yml names none.
    public var isUntitled = false

    /// The title site.yml gives, or `nil` for an untitled course (whatever the theme calls it).
    public var givenTitle: String? { title.isEmpty || isUntitled ? nil : title }
    /// Namespaces saved progress in the browser (every `file://` page shares one store in Chromium).
    /// Set it once and keep it: changing it starts everyone's progress afresh.
    public var id: String?
    /// `ja` (default) or `en`: the language of the theme's words and of `<html lang>`.
    public var language = "ja"
    public var description: String?
    public var organisation: String?
    /// `licence:` as written; ``licenceTerms`` names a preset (`CC-BY-4.0`, `PDL-1.0`) when it is one.
    public var licence: String?
    /// Who made the original and where it is published (`attribution:`).
    public var attribution: Attribution?
    /// The course's own version (`version:`), recorded in source exports so copies can tell which they hold.
    public var version: String?
    /// Theme folders under `Themes/`, first wins (`theme: [my-town, default]`); files they lack
    /// come from `Themes/default/` and then from the theme built into Kenshu.
    public var themes = ["default"]
    /// Where site.yml names the themes, for a theme that is missing; `nil` when it names none.
    public var themesLocation: SourceLocation?
    /// Authors may write raw HTML in Markdown only when the site opts in; otherwise it is shown as text.
    public var allowRawHTML = false
    /// `options: print_test_answers: true`: print.html's answer keys include the module tests' answers.
    /// Off by default: the print view is one link from every page, also inside an LMS that grades the test.
    public var printTestAnswers = false
    /// Which URL schemes pages may link to: `https`, `http`, `mailto`, `tel`, plus `options: url_schemes:`.
    public var urlPolicy = URLPolicy()
    /// `kenshu check --external`: URLs matching these regular expressions are not fetched.
    public var externalIgnore: [String] = []
    /// `kenshu check --external`: when set, only URLs matching one of these are fetched.
    public var externalAllow: [String] = []
    /// Thresholds of the quiz linter (`quiz_lint:`).
    public var quizLint = QuizLintSettings()
    /// `search: synonyms:`: groups of words that find each other (`ガバクラ = ガバメントクラウド`).
    public var searchSynonyms: [[String]] = []
    /// `base:`: the course this one is built on (its pages are this course's unless replaced or hidden).
    public var base: BaseReference?
    /// `hide:`: paths of the base's files (relative to its content folder) left out of this course.
    public var hidden: [String] = []
    /// Where each `hide:` entry was written, for messages about it (same order as ``hidden``).
    public var hiddenAt: [SourceLocation] = []
    /// `vars:`: values that `{{name}}` in page text stands for; a base's values are defaults an overlay overrides.
    public var variables: [String: String] = [:]
    /// The courses this one is built on, nearest first, for the notice that it was modified from them.
    public var upstream: [UpstreamCourse] = []

    public init() {}

    /// The licence, resolved to a preset when site.yml names one.
    public var licenceTerms: Licence? { licence.map(Licence.init) }

    /// The id that namespaces browser storage: `id` from site.yml, else derived from the title.
    public var storageID: String {
        if let id, !id.isEmpty { return id }
        // An overlay without an id must still never share its base's storage.
        let seed = ([givenTitle ?? Self.untitledSeed] + upstream.map(\.storageID)).joined(separator: "\u{1F}")
        return "site-" + String(StableHash.fnv1a(seed) & 0xFFFF_FFFF, radix: 16)
    }

    /// What an untitled course's storage id is made from, in every language: the title such a course
    /// had before the theme named it, so that learners' saved progress keeps its key. An id, not a word.
    static let untitledSeed = "研修"

    static let knownKeys = [
        "id", "title", "language", "description", "organisation", "licence", "attribution", "version", "theme", "options", "check",
        "quiz_lint", "search",
        "base", "hide", "vars",
    ]
    static let knownOptions = ["raw_html", "url_schemes", "print_test_answers"]
    static let languages = ["ja", "en"]

    /// Reads `site.yml`; a missing file gives the defaults (or, for an overlay, what it inherits from its base).
    public static func parse(_ yaml: String?, path: String, inheriting start: SiteConfig = SiteConfig()) -> (SiteConfig, [Diagnostic]) {
        var config = start
        guard let yaml else { return (config, []) }
        var reader = YAMLReader(path: path, lineOffset: 0)
        guard let fields = reader.mapping(from: yaml) else { return (config, reader.diagnostics) }
        for (key, mark, value) in fields {
            switch key {
            case "title": config.title = reader.string(value, key: key) ?? config.title
            case "id": config.id = reader.string(value, key: key)
            case "language":
                guard let lang = reader.string(value, key: key) else { continue }
                if languages.contains(lang) {
                    config.language = lang
                } else {
                    reader.diagnostics.append(.error(.languageUnsupported, lang, at: reader.location(value.mark)))
                }
            case "description": config.description = reader.string(value, key: key)
            case "organisation", "organization": config.organisation = reader.string(value, key: key)
            case "licence", "license": config.licence = reader.string(value, key: key)
            case "attribution": config.attribution = readAttribution(value, reader: &reader)
            case "version": config.version = reader.string(value, key: key)
            case "theme":
                guard let names = reader.stringList(value, key: key) else { continue }
                let valid = names.filter { theme in
                    let ok = !(theme.isEmpty || theme.contains("/") || theme.contains("\\") || theme.hasPrefix("."))
                    if !ok { reader.diagnostics.append(.error(.themeNotFolderName, theme, at: reader.location(value.mark))) }
                    return ok
                }
                if !valid.isEmpty {
                    config.themes = valid
                    config.themesLocation = reader.location(value.mark)
                }
            case "options": readOptions(value, into: &config, reader: &reader)
            case "check": readCheck(value, into: &config, reader: &reader)
            case "quiz_lint": config.quizLint = QuizLintSettings.read(value, reader: &reader)
            case "search": config.searchSynonyms = SearchSettings.synonyms(value, reader: &reader)
            case "base": config.base = reader.string(value, key: key).map { BaseReference(path: $0, location: reader.location(value.mark)) }
            case "hide": readHidden(value, into: &config, reader: &reader)
            case "vars": readVariables(value, into: &config, reader: &reader)
            default: reader.unknownKey(key, mark: mark, known: knownKeys)
            }
        }
        return (config, reader.diagnostics)
    }

    private static func readCheck(_ node: Node, into config: inout SiteConfig, reader: inout YAMLReader) {
        guard let fields = node.mapping else {
            reader.diagnostics.append(.error(.checkNotMapping, at: reader.location(node.mark)))
            return
        }
        for (key, value) in fields {
            let name = key.string ?? ""
            guard name == "ignore" || name == "allow" else {
                reader.unknownKey(name, mark: key.mark, known: ["ignore", "allow"])
                continue
            }
            let patterns = reader.stringList(value, key: name) ?? []
            for pattern in patterns where (try? NSRegularExpression(pattern: pattern)) == nil {
                reader.diagnostics.append(.error(.invalidRegex, pattern, at: reader.location(value.mark)))
            }
            if name == "ignore" { config.externalIgnore = patterns } else { config.externalAllow = patterns }
        }
    }

    private static func readAttribution(_ node: Node, reader: inout YAMLReader) -> Attribution? {
        guard let fields = node.mapping else {
            reader.diagnostics.append(.error(.attributionNotMapping, at: reader.location(node.mark)))
            return nil
        }
        var attribution = Attribution()
        for (key, value) in fields {
            switch key.string {
            case "author": attribution.author = reader.string(value, key: "author")
            case "source_url":
                attribution.sourceURL = reader.string(value, key: "source_url").map {
                    URLPolicy().filter($0, at: reader.location(value.mark), diagnostics: &reader.diagnostics)
                }.flatMap { $0.isEmpty ? nil : $0 }
            default: reader.unknownKey(key.string ?? "", mark: key.mark, known: ["author", "source_url"])
            }
        }
        return attribution
    }

    private static func readOptions(_ node: Node, into config: inout SiteConfig, reader: inout YAMLReader) {
        guard let fields = node.mapping else {
            reader.diagnostics.append(.error(.optionsNotMapping, at: reader.location(node.mark)))
            return
        }
        for (key, value) in fields {
            switch key.string {
            case "raw_html": config.allowRawHTML = reader.bool(value, key: "raw_html") ?? false
            case "url_schemes": config.urlPolicy = URLPolicy(extraSchemes: reader.stringList(value, key: "url_schemes") ?? [])
            case "print_test_answers": config.printTestAnswers = reader.bool(value, key: "print_test_answers") ?? false
            default: reader.unknownKey(key.string ?? "", mark: key.mark, known: knownOptions)
            }
        }
    }
}
