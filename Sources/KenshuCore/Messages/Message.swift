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

    /// The sentence in `language`, with `{0}`, `{1}` … replaced by the arguments.
    public func text(in language: Language) -> String {
        MessageCatalog.fill(MessageCatalog.entry(key, language).text, arguments)
    }

    /// The catalog's standard advice for this message, if it has one.
    public func standardFix(in language: Language) -> String? {
        MessageCatalog.entry(key, language).fix.map { MessageCatalog.fill($0, arguments) }
    }
}
