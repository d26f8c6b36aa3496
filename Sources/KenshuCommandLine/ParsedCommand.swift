/// A command line that parsed: which command to run and the values of its options, every
/// value already checked against its `OptionSpec.Kind`.
public struct ParsedCommand: Sendable, Equatable {
    /// The command's names from the top: `["base", "status"]`.
    public let path: [String]
    /// What to run.
    public let action: KenshuAction
    let values: [String: String]
    let flags: Set<String>
    /// The free-standing word, or its default.
    public let argument: String?

    init(path: [String], action: KenshuAction, values: [String: String], flags: Set<String>, argument: String?) {
        self.path = path
        self.action = action
        self.values = values
        self.flags = flags
        self.argument = argument
    }

    public func flag(_ option: OptionSpec) -> Bool { flags.contains(option.name) }

    /// Whether the command line named the option (its default does not count).
    public func given(_ option: OptionSpec) -> Bool { values[option.name] != nil || flags.contains(option.name) }

    /// The value given, or the option's default.
    public func value(_ option: OptionSpec) -> String? { values[option.name] ?? option.defaultValue }

    /// The value as a number; the parser has already refused anything else.
    public func number(_ option: OptionSpec) -> Double? { value(option).flatMap(Double.init) }

    public func integer(_ option: OptionSpec) -> Int? { value(option).flatMap { Int($0) } }
}
