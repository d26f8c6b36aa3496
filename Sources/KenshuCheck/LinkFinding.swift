import KenshuCore

/// One broken or doubtful link: a (source file, target) pair with every place it occurs.
public struct LinkFinding: Sendable, Equatable {
    public enum Reason: String, Sendable {
        case noSuchFile = "no such file"
        case noSuchFragment = "no such fragment"
        case directoryWithoutIndex = "directory without index.html"
        case outsideSite = "outside the site"
        case orphan = "no page links here"
        case insecure = "http:// where https:// is used elsewhere"
        case emptyText = "link has no text"
        case httpError = "the server answered"
        case unreachable = "could not be checked"
    }

    public var severity: Diagnostic.Severity
    /// The HTML file, relative to the checked folder.
    public var file: String
    /// The target as written in the page.
    public var target: String
    public var reason: Reason
    /// Every (line, column) in the HTML file where this target is used.
    public var occurrences: [(line: Int, column: Int)]
    /// Where the author wrote the link, when the site was built by Kenshu.
    public var source: SourceLocation?
    /// More about the reason (`HTTP 404`, `timed out`).
    public var detail: String?
    /// A remark after the message (that a `check: ignore` pattern let the link through).
    public var note: Message?
    /// For a missing file, the name of the file beside it that was probably meant.
    public var guess: String?

    public static func == (a: LinkFinding, b: LinkFinding) -> Bool {
        a.file == b.file && a.target == b.target && a.reason == b.reason && a.severity == b.severity
    }

    /// The catalog key for each reason.
    var key: MessageKey {
        switch reason {
        case .noSuchFile: .checkNoSuchFile
        case .noSuchFragment: .checkNoSuchFragment
        case .directoryWithoutIndex: .checkDirectoryWithoutIndex
        case .outsideSite: .checkOutsideSite
        case .orphan: .checkOrphan
        case .insecure: .checkInsecure
        case .emptyText: .checkEmptyText
        case .httpError: .checkHTTPError
        case .unreachable: .checkUnreachable
        }
    }

    /// What is wrong, with the target (and the server's answer for external links).
    public var message: Message { Message(key, target, detail ?? "") }

    /// How to fix it: the file probably meant, else the catalog's advice.
    public func fix(in language: Language) -> String? {
        guess.map { Message(.fixDidYouMean, $0).text(in: language) } ?? message.standardFix(in: language)
    }

    /// `file:line:column: error: broken link 'target': reason [K9001]`, at the Markdown source when known.
    public func describe(root: String, printer: DiagnosticPrinter = DiagnosticPrinter(language: .en)) -> String {
        let first = occurrences.first ?? (1, 1)
        let place = source?.description ?? "\(root.isEmpty ? "" : root + "/")\(file):\(first.line):\(first.column)"
        var text = "\(place): \(printer.severityWord(severity)): \(message.text(in: printer.language))"
        if let note { text += " (" + note.text(in: printer.language) + ")" }
        if source != nil { text += " (" + printer.say(.cliInFile, "\(file):\(first.line)") + ")" }
        if occurrences.count > 1 {
            text += " (" + printer.say(.cliAlsoAtLines, occurrences.dropFirst().map { String($0.line) }.joined(separator: ", ")) + ")"
        }
        if let fix = fix(in: printer.language) { text += " — " + fix }
        return text + " [\(key.rawValue)]"
    }
}
