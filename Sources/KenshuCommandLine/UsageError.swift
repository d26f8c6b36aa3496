import KenshuCore

/// A command line Kenshu cannot run, with what is wrong and, where it can tell, what was meant.
public struct UsageError: Error, Sendable, Equatable {
    public let message: Message
    /// What the author probably meant, such as `--output` for `--outptu`.
    public let suggestion: String?
    /// The command whose usage line and help to point to.
    public let commandPath: [String]

    init(_ key: MessageKey, _ arguments: [String], suggestion: String? = nil, commandPath: [String]) {
        message = Message(key, arguments: arguments)
        self.suggestion = suggestion
        self.commandPath = commandPath
    }

    /// The exit status of a usage error (`EX_USAGE`), as before Kenshu parsed its own command line.
    public static let exitStatus: Int32 = 64
}
