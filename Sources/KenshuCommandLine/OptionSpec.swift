import KenshuCore

/// One `--name` a command accepts, with the words its help shows. Kenshu parses its own command
/// line (not swift-argument-parser) so that help and usage errors speak Japanese, like every other
/// message; see `CommandLineParser`.
public struct OptionSpec: Sendable, Hashable {
    /// What follows the name on the command line.
    public enum Kind: Sendable, Hashable {
        /// `--strict`: present or not; it takes no value.
        case flag
        /// `--theme my-town`: any text.
        case text
        /// `--output Site`: a folder or a file, typed as on Linux or as Windows writes it (`..\\exports\\` is read
        /// as `../exports/`; a drive such as `C:\\` is refused, as no such drive is here).
        case path
        /// `--lang en`: one of a few words.
        case choice([String])
        /// `--port 8080`: a whole number in a range.
        case integer(ClosedRange<Int>)
        /// `--timeout 2.5`: a number of zero or more.
        case number
        /// `--today 2026-12-01`: a date that exists, as `YYYY-MM-DD`.
        case date
    }

    /// The name without its dashes: `content` for `--content`.
    public let name: String
    public let kind: Kind
    /// The word shown for the value in help, such as `<フォルダー>`.
    public let placeholder: MessageKey?
    public let help: MessageKey
    /// The value when the option is not given; shown in help.
    public let defaultValue: String?
    /// A required option appears without brackets in the usage line.
    public let isRequired: Bool

    public init(
        _ name: String, _ kind: Kind, placeholder: MessageKey? = nil, help: MessageKey, defaultValue: String? = nil,
        isRequired: Bool = false
    ) {
        self.name = name
        self.kind = kind
        self.placeholder = placeholder
        self.help = help
        self.defaultValue = defaultValue
        self.isRequired = isRequired
    }

    public var spelling: String { "--" + name }
}

/// The one free-standing word a command takes, such as the folder of `kenshu check DIR`.
public struct ArgumentSpec: Sendable, Hashable {
    public let placeholder: MessageKey
    public let help: MessageKey
    public let defaultValue: String?

    public init(placeholder: MessageKey, help: MessageKey, defaultValue: String? = nil) {
        self.placeholder = placeholder
        self.help = help
        self.defaultValue = defaultValue
    }

    public var isRequired: Bool { defaultValue == nil }
}
