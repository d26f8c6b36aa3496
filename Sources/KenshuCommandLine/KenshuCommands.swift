import KenshuCore

/// Every option of `kenshu`, named once so a command reads its values as `parsed.flag(.strict)`.
extension OptionSpec {
    public static let content = OptionSpec(
        "content", .path, placeholder: .cliValueFolder, help: .cliOptionContent, defaultValue: "Content")
    public static let theme = OptionSpec("theme", .text, placeholder: .cliValueName, help: .cliOptionTheme)
    public static let lang = OptionSpec("lang", .choice(Language.allCases.map(\.rawValue)), help: .cliOptionLang)

    public static let buildOutput = OptionSpec(
        "output", .path, placeholder: .cliValueFolder, help: .cliOptionBuildOutput, defaultValue: "Output")
    public static let strict = OptionSpec("strict", .flag, help: .cliOptionStrict)
    public static let noCheck = OptionSpec("no-check", .flag, help: .cliOptionNoCheck)
    public static let timings = OptionSpec("timings", .flag, help: .cliOptionTimings)
    public static let openBuilt = OptionSpec("open", .flag, help: .cliOptionOpenBuilt)

    public static let port = OptionSpec(
        "port", .integer(0...65_535), placeholder: .cliValuePort, help: .cliOptionPort, defaultValue: "4173")
    public static let host = OptionSpec(
        "host", .text, placeholder: .cliValueAddress, help: .cliOptionHost, defaultValue: "127.0.0.1")
    public static let openPreview = OptionSpec("open", .flag, help: .cliOptionOpenPreview)

    public static let checkFormat = OptionSpec(
        "format", .choice(["text", "json"]), help: .cliOptionCheckFormat, defaultValue: "text")
    public static let external = OptionSpec("external", .flag, help: .cliOptionExternal)
    public static let config = OptionSpec(
        "config", .path, placeholder: .cliValueFile, help: .cliOptionConfig, defaultValue: "Content/site.yml")
    public static let cache = OptionSpec(
        "cache", .path, placeholder: .cliValueFile, help: .cliOptionCache, defaultValue: ".kenshu-cache/external-links.json")
    public static let maxAge = OptionSpec(
        "max-age", .number, placeholder: .cliValueSeconds, help: .cliOptionMaxAge, defaultValue: "86400")
    public static let timeout = OptionSpec(
        "timeout", .number, placeholder: .cliValueSeconds, help: .cliOptionTimeout, defaultValue: "10")
    public static let freshness = OptionSpec("freshness", .flag, help: .cliOptionFreshness)
    public static let today = OptionSpec("today", .date, placeholder: .cliValueDate, help: .cliOptionToday)

    public static let base = OptionSpec("base", .path, placeholder: .cliValueFolderOrZip, help: .cliOptionBase)

    /// The formats `kenshu export` writes; a test keeps this list equal to `ExportFormat.allCases`.
    public static let exportFormat = OptionSpec(
        "format", .choice(["zip", "scorm12", "gift", "source"]), help: .cliOptionExportFormat, isRequired: true)
    public static let exportOutput = OptionSpec("output", .path, placeholder: .cliValueFile, help: .cliOptionExportOutput)
}

/// `kenshu` and its commands, as the parser and the help read them.
public enum KenshuCommands {
    public static let root = CommandSpec(
        "kenshu", summary: .cliAboutKenshu,
        subcommands: [build, serve, check, new, theme, export, base], defaultSubcommand: "build")

    static let site: [OptionSpec] = [.content, .theme, .lang]

    static let build = CommandSpec(
        "build", summary: .cliAboutBuild, options: site + [.buildOutput, .strict, .noCheck, .timings, .openBuilt], action: .build)

    static let serve = CommandSpec("serve", summary: .cliAboutServe, options: site + [.port, .host, .openPreview], action: .serve)

    static let check = CommandSpec(
        "check", summary: .cliAboutCheck, details: .cliAboutCheckExit,
        options: [.lang, .checkFormat, .external, .config, .cache, .maxAge, .timeout, .freshness, .today],
        argument: ArgumentSpec(placeholder: .cliValueFolder, help: .cliArgumentCheckedSite, defaultValue: "Output"), action: .check)

    static let new = CommandSpec(
        "new", summary: .cliAboutNew, options: [.lang, .base],
        argument: ArgumentSpec(placeholder: .cliValueFolder, help: .cliArgumentNewFolder, defaultValue: "."), action: .new)

    static let theme = CommandSpec(
        "theme", summary: .cliAboutTheme,
        subcommands: [
            CommandSpec(
                "export", summary: .cliAboutThemeExport, options: [.lang],
                argument: ArgumentSpec(placeholder: .cliValueFolder, help: .cliArgumentThemeFolder), action: .themeExport)
        ])

    static let export = CommandSpec(
        "export", summary: .cliAboutExport, options: site + [.exportFormat, .exportOutput], action: .export)

    static let base = CommandSpec(
        "base", summary: .cliAboutBase,
        subcommands: [
            CommandSpec("status", summary: .cliAboutBaseStatus, options: [.content, .lang], action: .baseStatus),
            CommandSpec("accept", summary: .cliAboutBaseAccept, options: [.content, .lang], action: .baseAccept),
        ])

    /// The language of help and usage errors: `--lang` when the line has a valid one, else the environment's.
    public static func language(of arguments: [String], environment: [String: String]) -> Language {
        var flag: Language?
        for (index, word) in arguments.enumerated() {
            if word == "--" { break }
            if word == "--lang", index + 1 < arguments.count {
                flag = Language(rawValue: arguments[index + 1]) ?? flag
            } else if word.hasPrefix("--lang=") {
                flag = Language(rawValue: String(word.dropFirst("--lang=".count))) ?? flag
            }
        }
        return Language.choose(flag: flag, siteLanguage: nil, environment: environment)
    }
}
