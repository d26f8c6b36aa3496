/// What a command line asks for once parsed.
public enum CommandLineRequest: Sendable, Equatable {
    /// Run a command with these values.
    case run(ParsedCommand)
    /// Show the help of the command with these names (`[]`: `kenshu` itself).
    case help([String])
    /// Show Kenshu's version.
    case version
}
