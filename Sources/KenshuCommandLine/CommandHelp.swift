import KenshuCore

/// The help and usage text of a command, in the author's language, made from its `CommandSpec`.
public enum CommandHelp {
    /// `kenshu build --help`: what the command does, its usage line, and each option with its default.
    public static func text(for path: [String], root: CommandSpec, language: Language) -> String {
        let spec = command(at: path, root: root)
        let say = { (key: MessageKey, arguments: [String]) in Message(key, arguments: arguments).text(in: language) }
        let name = (["kenshu"] + path).joined(separator: " ")
        var lines = [name + " — " + say(spec.summary, [])]
        if let details = spec.details { lines += ["", say(details, [])] }
        lines += ["", say(.cliHelpUsage, [usage(of: spec, named: name, language: language)])]
        if !spec.subcommands.isEmpty {
            let rows = spec.subcommands.map { sub -> (String, String) in
                (sub.name + (sub.name == spec.defaultSubcommand ? say(.cliHelpDefaultCommand, []) : ""), say(sub.summary, []))
            }
            lines += ["", say(.cliHelpCommands, [])] + table(rows)
        }
        if let argument = spec.argument {
            let help = say(argument.help, []) + (argument.defaultValue.map { say(.cliHelpDefault, [$0]) } ?? "")
            lines += ["", say(.cliHelpArguments, [])] + table([(synopsis(argument, language: language), help)])
        }
        var rows: [(String, String)] = []
        for option in spec.options {
            rows.append((synopsis(option, language: language), say(option.help, []) + (option.defaultValue.map { say(.cliHelpDefault, [$0]) } ?? "")))
        }
        rows.append(("--version", say(.cliHelpVersion, [])))
        rows.append(("-h, --help", say(.cliHelpHelp, [])))
        lines += ["", say(.cliHelpOptions, [])] + table(rows)
        if !spec.subcommands.isEmpty {
            lines += ["", say(.cliHelpMore, [name + " <" + say(.cliValueCommand, []) + "> --help"])]
        }
        return lines.joined(separator: "\n")
    }

    /// What stderr shows for a usage error: the problem, the guess, the usage line and where help is.
    public static func errorText(_ error: UsageError, root: CommandSpec, language: Language) -> String {
        let say = { (key: MessageKey, arguments: [String]) in Message(key, arguments: arguments).text(in: language) }
        let name = (["kenshu"] + error.commandPath).joined(separator: " ")
        let first = "kenshu: " + say(.cliSeverityError, []) + ": " + error.message.text(in: language)
        let spec = command(at: error.commandPath, root: root)
        return [first, say(.cliHelpUsage, [usage(of: spec, named: name, language: language)]), say(.cliHelpMore, [name + " --help"])]
            .joined(separator: "\n")
    }

    /// How an option's value is named: `<フォルダー>`, or its choices `ja|en`.
    public static func placeholder(_ option: OptionSpec, language: Language) -> String {
        if case .choice(let words) = option.kind, option.placeholder == nil { return words.joined(separator: "|") }
        return "<" + (option.placeholder.map { Message($0).text(in: language) } ?? "") + ">"
    }

    /// An option as usage lines and help write it: `--strict`, `--output <フォルダー>`, `--lang ja|en`.
    static func synopsis(_ option: OptionSpec, language: Language) -> String {
        option.kind == .flag ? option.spelling : option.spelling + " " + placeholder(option, language: language)
    }

    /// The free-standing word as usage lines and help write it: `<フォルダー>`.
    static func synopsis(_ argument: ArgumentSpec, language: Language) -> String {
        "<" + Message(argument.placeholder).text(in: language) + ">"
    }

    /// What a usage error asks for instead of a wrong value: the choices, a range or the placeholder.
    static func expected(_ option: OptionSpec, language: Language) -> String {
        switch option.kind {
        case .integer(let range):
            Message(.cliValueWholeNumber, String(range.lowerBound), String(range.upperBound)).text(in: language)
        case .number: Message(.cliValueNonNegative).text(in: language)
        case .date: Message(.cliValueExistingDate).text(in: language)
        case .flag, .text, .path, .choice: placeholder(option, language: language)
        }
    }

    /// `kenshu build [--content <フォルダー>] … [<フォルダー>]`.
    static func usage(of spec: CommandSpec, named name: String, language: Language) -> String {
        if !spec.subcommands.isEmpty {
            return name + " <" + Message(.cliValueCommand).text(in: language) + "> [" + Message(.cliValueOptions).text(in: language) + "]"
        }
        var parts = [name]
        for option in spec.options {
            let word = synopsis(option, language: language)
            parts.append(option.isRequired ? word : "[" + word + "]")
        }
        if let argument = spec.argument {
            let word = synopsis(argument, language: language)
            parts.append(argument.isRequired ? word : "[" + word + "]")
        }
        return parts.joined(separator: " ")
    }

    static func command(at path: [String], root: CommandSpec) -> CommandSpec {
        var spec = root
        for name in path { spec = spec.subcommand(named: name) ?? spec }
        return spec
    }

    /// Two columns, the left padded so the right lines up.
    static func table(_ rows: [(String, String)]) -> [String] {
        let width = rows.map { TerminalColumns.width(of: $0.0) }.max() ?? 0
        return rows.map { "  " + TerminalColumns.padded($0.0, to: width) + "  " + $0.1 }
    }
}
