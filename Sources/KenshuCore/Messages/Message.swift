/// A sentence Kenshu says, as a catalog key and its arguments, turned into words only when printed.
///
/// Stages never build message strings: they name what happened (``MessageKey``) and the values
/// involved, so that one printer can speak Japanese or English, as text, JSON or HTML.
public struct Message: Sendable, Hashable, Codable {
    public var key: MessageKey
    public var arguments: [String]

    public init(_ key: MessageKey, _ arguments: String...) {
        self.key = key
        self.arguments = arguments
    }

    public init(_ key: MessageKey, arguments: [String]) {
        self.key = key
        self.arguments = arguments
    }

    /// The sentence in `language`, with `{0}`, `{1}` … replaced by the arguments. An argument made by
    /// ``reason(_:)`` stands for that `reason.…` sentence, in the same language and with the same
    /// arguments (why `--output` was refused, inside K0002's sentence). Text an author typed is never
    /// taken for one: the marker is a control character no command line or file name holds.
    public func text(in language: Language) -> String {
        MessageCatalog.fill(MessageCatalog.entry(key, language).text, arguments.map { argument in
            guard argument.hasPrefix(Self.reasonMarker), let reason = MessageKey(rawValue: String(argument.dropFirst())) else { return argument }
            return MessageCatalog.fill(MessageCatalog.entry(reason, language).text, arguments)
        })
    }

    static let reasonMarker = "\u{1}"

    /// An argument that prints as the `reason.…` sentence `key` in the message's language.
    public static func reason(_ key: MessageKey) -> String { reasonMarker + key.rawValue }

    /// The `reason.…` key an argument stands for, if it is one.
    public static func reasonKey(in argument: String) -> MessageKey? {
        argument.hasPrefix(reasonMarker) ? MessageKey(rawValue: String(argument.dropFirst())) : nil
    }

    /// The catalog's standard advice for this message, if it has one.
    public func standardFix(in language: Language) -> String? {
        MessageCatalog.entry(key, language).fix.map { MessageCatalog.fill($0, arguments) }
    }
}
