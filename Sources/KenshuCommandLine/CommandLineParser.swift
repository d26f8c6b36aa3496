import KenshuCore

/// Turns `kenshu`'s arguments into a `CommandLineRequest`, or a `UsageError` that says, in the
/// author's language, what is wrong and what was probably meant.
///
/// Kenshu parses its own command line rather than using swift-argument-parser: that package's help
/// and errors are English text built inside it ("Error: Unexpected argument"), with no way to put
/// Japanese words in, and it was about a tenth of the CPU of the first clean build.
/// The rules are the usual ones: `--name value` or `--name=value`, flags alone, `--` ends the
/// options, `-h`/`--help` and `--version` anywhere, `kenshu help <command>`, and the default
/// subcommand when the line names none (`kenshu --strict` is `kenshu build --strict`).
public struct CommandLineParser: Sendable {
    public let root: CommandSpec
    /// The language of the words inside errors, such as a value's placeholder.
    public let language: Language

    public init(root: CommandSpec, language: Language) {
        self.root = root
        self.language = language
    }

    public func parse(_ arguments: [String]) throws(UsageError) -> CommandLineRequest {
        var spec = root
        var path: [String] = []
        var index = 0
        if arguments.first == "help" {
            for word in arguments.dropFirst() {
                guard let next = spec.subcommand(named: word) else { throw unknownCommand(word, in: spec, path: path) }
                spec = next
                path.append(word)
            }
            return .help(path)
        }
        while !spec.subcommands.isEmpty, index < arguments.count {
            let word = arguments[index]
            if let next = spec.subcommand(named: word) {
                spec = next
                path.append(word)
                index += 1
            } else if word.hasPrefix("-") {
                break
            } else {
                throw unknownCommand(word, in: spec, path: path)
            }
        }
        let rest = arguments[index...].prefix { $0 != "--" }
        if rest.contains(where: { $0 == "-h" || $0 == "--help" }) { return .help(path) }
        if rest.contains("--version") { return .version }
        if let name = spec.defaultSubcommand, let next = spec.subcommand(named: name) {
            spec = next
            path.append(name)
        } else if !spec.subcommands.isEmpty {
            throw UsageError(
                .cliUsageMissingCommand, ["kenshu " + path.joined(separator: " "), spec.subcommands.map(\.name).joined(separator: ", ")],
                commandPath: path)
        }
        return .run(try options(Array(arguments[index...]), of: spec, path: path))
    }

    /// The options and free-standing word after the command's names.
    private func options(_ words: [String], of spec: CommandSpec, path: [String]) throws(UsageError) -> ParsedCommand {
        var values: [String: String] = [:]
        var flags: Set<String> = []
        var argument: String?
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if !optionsEnded && word == "--" {
                optionsEnded = true
                continue
            }
            if !optionsEnded && word.hasPrefix("-") && word != "-" {
                let (name, inline) = Self.split(word)
                guard word.hasPrefix("--"), let option = spec.option(named: name) else {
                    throw unknownOption(word, name: name, in: spec, path: path)
                }
                if option.kind == .flag {
                    if inline != nil { throw UsageError(.cliUsageFlagTakesNoValue, [option.spelling, word], commandPath: path) }
                    flags.insert(option.name)
                    continue
                }
                var value = inline
                if value == nil, index < words.count, !words[index].hasPrefix("--") {
                    value = words[index]
                    index += 1
                }
                guard let value else {
                    throw UsageError(.cliUsageMissingValue, [option.spelling, placeholder(option)], commandPath: path)
                }
                try check(value, for: option, path: path)
                values[option.name] = value
                continue
            }
            guard spec.argument != nil, argument == nil else {
                if let halfWidth = HalfWidthInput.halfWidth(word) {
                    throw UsageError(.cliUsageFullWidth, [word, halfWidth], commandPath: path)
                }
                throw UsageError(.cliUsageExtraArgument, [word, "kenshu " + path.joined(separator: " ")], commandPath: path)
            }
            argument = word
        }
        for option in spec.options where option.isRequired && values[option.name] == nil {
            throw UsageError(.cliUsageMissingOption, [option.spelling + " " + placeholder(option)], commandPath: path)
        }
        if let spot = spec.argument, spot.isRequired, argument == nil {
            throw UsageError(.cliUsageMissingArgument, ["<" + Message(spot.placeholder).text(in: language) + ">"], commandPath: path)
        }
        return ParsedCommand(path: path, values: values, flags: flags, argument: argument ?? spec.argument?.defaultValue)
    }

    /// `--name=value` → (`name`, `value`); `--name` → (`name`, nil).
    static func split(_ word: String) -> (String, String?) {
        let body = word.drop { $0 == "-" }
        guard let equals = body.firstIndex(of: "=") else { return (String(body), nil) }
        return (String(body[..<equals]), String(body[body.index(after: equals)...]))
    }

    private func check(_ value: String, for option: OptionSpec, path: [String]) throws(UsageError) {
        let fits: Bool
        switch option.kind {
        case .flag, .text: fits = true
        case .choice(let words): fits = words.contains(value)
        case .integer(let range): fits = Int(value).map(range.contains) ?? false
        case .number: fits = Double(value).map { $0 >= 0 && $0.isFinite } ?? false
        }
        guard !fits else { return }
        if let halfWidth = HalfWidthInput.halfWidth(value) {
            throw UsageError(.cliUsageFullWidth, [value, halfWidth], commandPath: path)
        }
        throw UsageError(.cliUsageBadValue, [option.spelling, value, CommandHelp.expected(option, language: language)], commandPath: path)
    }

    private func unknownCommand(_ word: String, in spec: CommandSpec, path: [String]) -> UsageError {
        if let halfWidth = HalfWidthInput.halfWidth(word) {
            return UsageError(.cliUsageFullWidth, [word, halfWidth], commandPath: path)
        }
        let guess = ClosestMatch.find(word, among: spec.subcommands.map(\.name))
        return UsageError(.cliUsageUnknownCommand, [word], suggestion: guess.map { "kenshu " + (path + [$0]).joined(separator: " ") },
                          commandPath: path)
    }

    private func unknownOption(_ word: String, name: String, in spec: CommandSpec, path: [String]) -> UsageError {
        if let halfWidth = HalfWidthInput.halfWidth(word) {
            return UsageError(.cliUsageFullWidth, [word, halfWidth], commandPath: path)
        }
        let names = spec.options.map(\.name) + ["help", "version"]
        let guess = ClosestMatch.find(name, among: names)
        return UsageError(.cliUsageUnknownOption, [word.hasPrefix("--") ? "--" + name : word], suggestion: guess.map { "--" + $0 },
                          commandPath: path)
    }

    /// How help names an option's value: `<フォルダー>`, or the choices `ja|en`.
    private func placeholder(_ option: OptionSpec) -> String {
        CommandHelp.placeholder(option, language: language)
    }
}
