/// The problems a build collected, in the order the author should read them.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init(_ all: [Diagnostic] = []) { self.all = all }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    /// Whether the build must fail; with `strict`, warnings count as errors.
    public func failsBuild(strict: Bool) -> Bool {
        all.contains { $0.severity == .error || strict }
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
