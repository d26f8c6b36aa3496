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

    /// The sentence in `language`, with `{0}`, `{1}` … replaced by the arguments. An argument that
    /// names a `reason.…` key stands for that sentence, in the same language and with the same
    /// arguments (why `--output` was refused, inside K0002's sentence).
    public func text(in language: Language) -> String {
        MessageCatalog.fill(MessageCatalog.entry(key, language).text, arguments.map { argument in
            guard argument.hasPrefix("reason."), let reason = MessageKey(rawValue: argument) else { return argument }
            return MessageCatalog.fill(MessageCatalog.entry(reason, language).text, arguments)
        })
    }

    /// The catalog's standard advice for this message, if it has one.
    public func standardFix(in language: Language) -> String? {
        MessageCatalog.entry(key, language).fix.map { MessageCatalog.fill($0, arguments) }
    }
}
