/// The problems a build collected, in the order the author should read them.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init(_ all: [Diagnostic] = []) { self.all = all }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    /// Whether the build must fail; with `strict`, warnings count as errors, except those in a base's files
    /// (``Diagnostic/inBase``), which this course cannot mend.
    public func failsBuild(strict: Bool) -> Bool {
        all.contains { $0.severity == .error || (strict && !$0.inBase) }
    }

    /// Warnings that `--strict` does not count: those in files of a course this one is built on.
    public var baseWarnings: Int { all.count { $0.severity == .warning && $0.inBase } }

    /// Marks the diagnostics located in a base's files (``Diagnostic/inBase``).
    /// - Parameter folders: how messages name each layer's content folder (``ContentLayer/display``), base
    ///   first and the course itself last. A file belongs to the layer whose folder holds it most closely.
    /// - Parameter causedHere: diagnostics located in a base's file that this course causes (and can mend) itself.
    public func markingBase(layers folders: [String], causedHere: (Diagnostic) -> Bool = { _ in false }) -> Diagnostics {
        guard folders.count > 1 else { return self }
        let prefixes = folders.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        let own = prefixes.count - 1
        return Diagnostics(all.map { diagnostic in
            guard let path = diagnostic.location?.path,
                  let layer = prefixes.indices.filter({ path.hasPrefix(prefixes[$0]) }).max(by: { prefixes[$0].count < prefixes[$1].count }),
                  layer != own, !causedHere(diagnostic) else { return diagnostic }
            var marked = diagnostic
            marked.inBase = true
            return marked
        })
    }

    /// Only the problems in the course's settings (any layer's `site.yml`) when one of them is an error,
    /// and files that cannot be read as text.
    ///
    /// Everything else depends on site.yml: a YAML slip, a moved `base:` or a file saved as Shift_JIS
    /// leaves no base pages, no variables and no settings, and each page's resulting "missing page" or
    /// "unknown variable" would send the author to mend files that are fine. The cause is then the whole
    /// report; the rest is found again once it is mended.
    public var settingsFirst: Diagnostics {
        func inSettings(_ diagnostic: Diagnostic) -> Bool {
            guard let path = diagnostic.location?.path else { return false }
            return path == "site.yml" || path.hasSuffix("/site.yml")
        }
        // A file that cannot be read as text is that file's problem, whatever the settings: all are told at once.
        let unreadable: Set<MessageKey> = [.fileUnreadable, .notUTF8, .looksShiftJIS]
        guard all.contains(where: { $0.severity == .error && inSettings($0) }) else { return self }
        return Diagnostics(all.filter { inSettings($0) || unreadable.contains($0.message.key) })
    }

    /// Sorted by file, line and column, so that a report reads top to bottom through each file.
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { a, b in
            let l = a.element.location, r = b.element.location
            switch (l, r) {
            case let (l?, r?):
                if l.path != r.path { return l.path < r.path }
                if l.line != r.line { return l.line < r.line }
                if l.column != r.column { return l.column < r.column }
                return a.offset < b.offset
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
