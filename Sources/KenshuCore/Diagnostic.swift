/// One problem found in the author's input, with where it is and how to fix it.
///
/// Content problems never throw: each stage appends them to ``Diagnostics`` and carries on,
/// so the author sees every problem of a build at once, not only the first. A diagnostic holds
/// a ``Message`` (catalog key and arguments), not words: ``DiagnosticPrinter`` picks the language.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable, Codable {
        case warning, error
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    /// Where the problem is; `nil` only for problems of the whole build (a missing folder).
    public var location: SourceLocation?
    /// What is wrong.
    public var message: Message
    /// How to fix it, when it depends on the case; otherwise the catalog's advice for `message`.
    public var fixOverride: Message?
    /// A remark printed after the message, in parentheses (that a `check: ignore` pattern let a link through).
    public var note: Message?
    /// Located in a file of a course this one is built on (`base:`), which this course's authors cannot
    /// mend where it is: the fix adds how to get round it, and `--strict` does not count it (a warning).
    public var inBase = false

    public init(_ severity: Severity, _ message: Message, at location: SourceLocation?, fix: Message? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.fixOverride = fix
    }

    public static func error(_ key: MessageKey, _ arguments: String..., at location: SourceLocation?, fix: Message? = nil) -> Self {
        Self(.error, Message(key, arguments: arguments), at: location, fix: fix)
    }

    public static func warning(_ key: MessageKey, _ arguments: String..., at location: SourceLocation?, fix: Message? = nil) -> Self {
        Self(.warning, Message(key, arguments: arguments), at: location, fix: fix)
    }

    /// The stable code (`K1002`) of this kind of problem.
    public var code: String { message.key.code ?? message.key.rawValue }

    public func text(in language: Language) -> String {
        message.text(in: language) + (note.map { Message(.noteInParentheses, $0.text(in: language)).text(in: language) } ?? "")
    }

    public func fix(in language: Language) -> String? {
        let fix = fixOverride.map { $0.text(in: language) } ?? message.standardFix(in: language)
        guard inBase else { return fix }
        let around = Message(.fixInBase).text(in: language)
        guard let fix else { return around }
        // After a question (`'…' のことですか？`) or a full stop, the sentence is ended already.
        let endsSentence = fix.unicodeScalars.last.map { Self.sentenceEnds.contains($0) } ?? false
        return fix + Message(endsSentence ? .fixInBaseJoinerAfterStop : .fixInBaseJoiner).text(in: language) + around
    }

    /// `.`, `?`, `!` and their full-width forms.
    private static let sentenceEnds: Set<Unicode.Scalar> = [".", "?", "!", "\u{3002}", "\u{FF1F}", "\u{FF01}"]

    /// The English line, for logs and debugging; authors see ``DiagnosticPrinter``'s lines.
    public var description: String { DiagnosticPrinter(language: .en).line(self) }
}
