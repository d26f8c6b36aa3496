/// One problem found in the author's input, with where it is and how to fix it.
///
/// Content problems never throw: each stage appends them to ``Diagnostics`` and carries on,
/// so the author sees every problem of a build at once, not only the first.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning, error
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    /// Where the problem is; `nil` only for problems of the whole build (a missing folder).
    public var location: SourceLocation?
    /// What is wrong, in lower case, naming the offending thing in quotes.
    public var message: String
    /// How to fix it, when we can tell.
    public var fix: String?

    public init(_ severity: Severity, at location: SourceLocation?, _ message: String, fix: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.fix = fix
    }

    public static func error(at location: SourceLocation?, _ message: String, fix: String? = nil) -> Self {
        Self(.error, at: location, message, fix: fix)
    }

    public static func warning(at location: SourceLocation?, _ message: String, fix: String? = nil) -> Self {
        Self(.warning, at: location, message, fix: fix)
    }

    /// `path:line:column: error: message (fix)`, the form editors and CI logs recognise.
    public var description: String {
        let place = location.map { "\($0): " } ?? "kenshu: "
        let advice = fix.map { " — \($0)" } ?? ""
        return "\(place)\(severity.rawValue): \(message)\(advice)"
    }
}
