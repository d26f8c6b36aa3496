/// The one place diagnostics become words: text lines for the terminal, JSON objects for tools,
/// and the same fields for the preview's error page.
public struct DiagnosticPrinter: Sendable {
    public var language: Language

    public init(language: Language) { self.language = language }

    /// `path:line:column: error: message — fix [K1002]`: the form editors and CI logs recognise.
    public func line(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.location.map { "\($0): " } ?? "kenshu: "
        let advice = diagnostic.fix(in: language).map { " — \($0)" } ?? ""
        return "\(place)\(severityWord(diagnostic.severity)): \(diagnostic.text(in: language))\(advice) [\(diagnostic.code)]"
    }

    /// `kenshu: エラー: … — advice [K0012]` for an error that stops a command (``Message/failure(_:)``).
    public func failureLine(_ error: any Error) -> String {
        line(Diagnostic(.error, Message.failure(error), at: nil))
    }

    public func severityWord(_ severity: Diagnostic.Severity) -> String {
        Message(severity == .error ? .cliSeverityError : .cliSeverityWarning).text(in: language)
    }

    /// A JSON-ready record: code, severity, file, line, column, message and fix.
    public func record(_ diagnostic: Diagnostic) -> DiagnosticRecord {
        DiagnosticRecord(
            code: diagnostic.code, severity: diagnostic.severity.rawValue, file: diagnostic.location?.path,
            line: diagnostic.location?.line, column: diagnostic.location?.column,
            message: diagnostic.text(in: language), fix: diagnostic.fix(in: language))
    }

    /// Words of command output in this printer's language.
    public func say(_ key: MessageKey, _ arguments: String...) -> String {
        Message(key, arguments: arguments).text(in: language)
    }
}

/// A diagnostic as `--format json` prints it.
public struct DiagnosticRecord: Sendable, Codable, Equatable {
    public var code: String
    public var severity: String
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String
    public var fix: String?

    public init(code: String, severity: String, file: String?, line: Int?, column: Int?, message: String, fix: String?) {
        self.code = code
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.fix = fix
    }
}
