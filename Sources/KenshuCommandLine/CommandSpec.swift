import KenshuCore

/// A command of `kenshu` as data: its name, what it does, what it accepts and its subcommands.
/// The parser, the help text and the usage errors all read this one description.
public struct CommandSpec: Sendable {
    public let name: String
    public let summary: MessageKey
    /// A further paragraph of help, such as `kenshu check`'s exit statuses.
    public let details: MessageKey?
    public let options: [OptionSpec]
    public let argument: ArgumentSpec?
    public let subcommands: [CommandSpec]
    /// The subcommand run when the command line names none (`kenshu` alone means `kenshu build`).
    public let defaultSubcommand: String?
    /// What running this command does; `nil` for a group such as `kenshu theme`.
    public let action: KenshuAction?

    public init(
        _ name: String, summary: MessageKey, details: MessageKey? = nil, options: [OptionSpec] = [],
        argument: ArgumentSpec? = nil, subcommands: [CommandSpec] = [], defaultSubcommand: String? = nil,
        action: KenshuAction? = nil
    ) {
        self.name = name
        self.summary = summary
        self.details = details
        self.options = options
        self.argument = argument
        self.subcommands = subcommands
        self.defaultSubcommand = defaultSubcommand
        self.action = action
    }

    public func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }

    public func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }

    /// A command with subcommands only groups them; it does nothing itself.
    public var isGroup: Bool { !subcommands.isEmpty && defaultSubcommand == nil }
}
