import KenshuCore

/// Turns `kenshu`'s arguments into a `CommandLineRequest`, or a `UsageError` that says, in the
/// author's language, what is wrong and what was probably meant.
///
/// Kenshu parses its own command line rather than using swift-argument-parser: that package's help
/// and errors are English text built inside it ("Error: Unexpected argument"), with no way to put
/// Japanese words in, and it was about a tenth of the CPU of the first clean build.
/// The rules are the usual ones: `--name value` or `--name=value`, flags alone, `--` ends the
/// options, `-h`/`--help` and `--version` anywhere before `--` (so `--output -h` shows help: write
/// `--output=-h` for a folder of that name), `kenshu help <command>`, and the default subcommand when
/// the line names none (`kenshu --strict` is `kenshu build --strict`). A value may start with one
/// dash (`--output -x`); an empty value is refused.
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
        let words = Self.withoutLanguage(arguments)
        if words.first == "help" {
            for word in words.dropFirst() where word != "-h" && word != "--help" {
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

    /// The words without `--lang X` and `--lang=X`, which may stand anywhere, even around `help`.
    static func withoutLanguage(_ arguments: [String]) -> [String] {
        var words: [String] = []
        var skipNext = false
        for word in arguments {
            if skipNext {
                skipNext = false
            } else if word == "--lang" {
                skipNext = true
            } else if !word.hasPrefix("--lang=") {
                words.append(word)
            }
        }
        return words
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
            if !optionsEnded, let halfWidth = HalfWidthInput.halfWidth(word), halfWidth.hasPrefix("-") {
                throw UsageError(.cliUsageFullWidth, [word, halfWidth], commandPath: path)
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
                guard let value, !value.isEmpty else {
                    throw UsageError(.cliUsageMissingValue, [option.spelling, placeholder(option)], commandPath: path)
                }
                try check(value, for: option, path: path)
                values[option.name] = option.kind == .path ? PathInput.normalized(value) : value
                continue
            }
            guard spec.argument != nil, argument == nil else {
                if let halfWidth = HalfWidthInput.halfWidth(word) {
                    throw UsageError(.cliUsageFullWidth, [word, halfWidth], commandPath: path)
                }
                let command = "kenshu " + path.joined(separator: " ")
                throw UsageError(spec.argument == nil ? .cliUsageTakesNoArgument : .cliUsageTakesOneArgument, [word, command],
                                 commandPath: path)
            }
            if let drive = PathInput.windowsDrive(word) {
                throw UsageError(.cliUsageWindowsDrive, ["kenshu " + path.joined(separator: " "), word, drive], commandPath: path)
            }
            argument = PathInput.normalized(word)
        }
        for option in spec.options where option.isRequired && values[option.name] == nil {
            throw UsageError(.cliUsageMissingOption, [CommandHelp.synopsis(option, language: language)], commandPath: path)
        }
        if let spot = spec.argument, spot.isRequired, argument == nil {
            throw UsageError(.cliUsageMissingArgument, [CommandHelp.synopsis(spot, language: language)], commandPath: path)
        }
        guard let action = spec.action else { preconditionFailure("KenshuCommands: '\(spec.name)' has neither subcommands nor an action") }
        return ParsedCommand(path: path, action: action, values: values, flags: flags, argument: argument ?? spec.argument?.defaultValue)
    }

    /// `--name=value` → (`name`, `value`); `--name` → (`name`, nil). Exactly two dashes: `---name` names nothing.
    static func split(_ word: String) -> (String, String?) {
        let body = word.hasPrefix("--") ? word.dropFirst(2) : word.dropFirst()
        guard let equals = body.firstIndex(of: "=") else { return (String(body), nil) }
        return (String(body[..<equals]), String(body[body.index(after: equals)...]))
    }

    private func check(_ value: String, for option: OptionSpec, path: [String]) throws(UsageError) {
        let fits: Bool
        switch option.kind {
        case .flag, .text: fits = true
        case .path:
            if let drive = PathInput.windowsDrive(value) {
                throw UsageError(.cliUsageWindowsDrive, [option.spelling, value, drive], commandPath: path)
            }
            fits = true
        case .choice(let words): fits = words.contains(value)
        // Digits only: Swift's Int("+80") would accept a sign no one means in a port.
        case .integer(let range): fits = value.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } && Int(value).map(range.contains) == true
        case .number: fits = Double(value).map { $0 >= 0 && $0.isFinite } ?? false
        case .date: fits = CalendarDate(value)?.exists == true
        }
        guard !fits else { return }
        if let halfWidth = HalfWidthInput.halfWidth(value) {
            throw UsageError(.cliUsageFullWidth, [value, halfWidth], commandPath: path)
        }
        // A guess for a word begun (`scorm` → `scorm12`, when only one word begins so) or misspelt
        // (`jsno` → `json`); one or two letters are too few to guess a misspelling from.
        let begun = { (words: [String]) in words.filter { value.count >= 2 && $0.hasPrefix(value.lowercased()) } }
        if case .choice(let words) = option.kind,
           let guess = begun(words).count == 1 ? begun(words).first : (value.count >= 3 ? ClosestMatch.find(value, among: words) : nil) {
            throw UsageError(
                .cliUsageBadValueGuess, [option.spelling, value, guess, CommandHelp.expected(option, language: language)],
                suggestion: option.spelling + " " + guess, commandPath: path)
        }
        throw UsageError(.cliUsageBadValue, [option.spelling, value, CommandHelp.expected(option, language: language)], commandPath: path)
    }

    private func unknownCommand(_ word: String, in spec: CommandSpec, path: [String]) -> UsageError {
        if let halfWidth = HalfWidthInput.halfWidth(word) {
            return UsageError(.cliUsageFullWidth, [word, halfWidth], commandPath: path)
        }
        guard let guess = ClosestMatch.find(word, among: spec.subcommands.map(\.name)) else {
            return UsageError(.cliUsageUnknownCommand, [word], commandPath: path)
        }
        let meant = "kenshu " + (path + [guess]).joined(separator: " ")
        return UsageError(.cliUsageUnknownCommandGuess, [word, meant], suggestion: meant, commandPath: path)
    }

    /// Full-width spellings never get here: `options` names them first.
    private func unknownOption(_ word: String, name: String, in spec: CommandSpec, path: [String]) -> UsageError {
        if name == "help" || name == "version", word.hasPrefix("--" + name + "=") {
            return UsageError(.cliUsageFlagTakesNoValue, ["--" + name, word], commandPath: path)
        }
        let shown = word.hasPrefix("--") && !word.hasPrefix("---") ? "--" + name : word
        guard let guess = ClosestMatch.find(name, among: spec.options.map(\.name) + ["help", "version"]) else {
            return UsageError(.cliUsageUnknownOption, [shown], commandPath: path)
        }
        return UsageError(.cliUsageUnknownOptionGuess, [shown, "--" + guess], suggestion: "--" + guess, commandPath: path)
    }

    /// How help names an option's value: `<フォルダー>`, or the choices `ja|en`.
    private func placeholder(_ option: OptionSpec) -> String {
        CommandHelp.placeholder(option, language: language)
    }
}
