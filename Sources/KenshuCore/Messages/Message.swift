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
            guard argument.hasPrefix(Self.reasonMarker), let reason = MessageKey(rawValue: String(argument.dropFirst())) else {
                return Self.visible(argument)
            }
            return MessageCatalog.fill(MessageCatalog.entry(reason, language).text, arguments.map(Self.visible))
        })
    }

    /// An argument with its control characters spelled out (`\n`, `\t`, `\u{7F}`): a URL hidden with
    /// `&#x0A;`, or a file name holding a line break, must not split the one-line `file:line:column` format.
    /// A fix is filled the same way, except where it shows lines on purpose (``fixShowsLines``).
    static func visible(_ argument: String) -> String {
        guard argument.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return argument }
        var text = ""
        for scalar in argument.unicodeScalars {
            switch scalar {
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: text += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    static let reasonMarker = "\u{1}"

    /// Messages whose fix writes out lines to paste (K5033: the table in `|` form).
    static let fixShowsLines: Set<MessageKey> = [.tabSeparatedTable]

    /// An argument that prints as the `reason.…` sentence `key` in the message's language.
    public static func reason(_ key: MessageKey) -> String { reasonMarker + key.rawValue }

    /// The `reason.…` key an argument stands for, if it is one.
    public static func reasonKey(in argument: String) -> MessageKey? {
        argument.hasPrefix(reasonMarker) ? MessageKey(rawValue: String(argument.dropFirst())) : nil
    }

    /// The catalog's standard advice for this message, if it has one.
    public func standardFix(in language: Language) -> String? {
        MessageCatalog.entry(key, language).fix.map { MessageCatalog.fill($0, Self.fixShowsLines.contains(key) ? arguments : arguments.map(Self.visible)) }
    }
}
