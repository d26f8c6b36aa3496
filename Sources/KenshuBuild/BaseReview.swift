import Foundation
import KenshuContent
import KenshuCore

/// `kenshu base status` and `kenshu base accept`: what changed in the course this one is built on
/// since its authors last reviewed it, and recording that they have.
public enum BaseReview {
    /// The base's changes as one overlay sees them.
    public struct Status: Sendable {
        /// `base:` as site.yml writes it.
        public var base: String
        /// The last accepted record, `nil` when there is none.
        public var recorded: BaseRecord?
        /// The base as it is now.
        public var current: BaseRecord
        /// Content paths this course replaces with its own file.
        public var replacedHere: Set<String>
        /// Content paths this course hides.
        public var hiddenHere: Set<String>
        /// For each path this course replaces that the base still has: where to open the base's file and the
        /// course's own, to compare them (a zip base's file in its unpacked copy).
        public var comparePaths: [String: (base: String, own: String)] = [:]

        public var changes: BaseRecord.Changes? { recorded?.changes(to: current) }
    }

    public static func status(contentDirectory: String, today: CalendarDate) throws -> Status {
        let tree = try ContentLoader.load(contentDirectory: contentDirectory)
        if let problem = baseProblem(in: tree) { throw problem }
        guard let top = tree.layers.last, let reference = tree.config.base,
              var current = tree.base else {
            throw ToolFailure(.notAnOverlay, contentDirectory)
        }
        var ignored: [Diagnostic] = []
        let own = Set(ContentLoader.merge([ContentLayer(root: top.root, display: top.display)], diagnostics: &ignored).keys)
        current.accepted = today.description
        let recorded = try BaseRecord.read(contentRoot: top.root)
        let all = Set(current.files.keys).union(recorded?.files.keys ?? [:].keys)
        var status = Status(
            base: reference.path, recorded: recorded, current: current,
            replacedHere: own.intersection(all), hiddenHere: Set(all.filter { top.hides($0) }))
        for path in status.replacedHere {
            guard let layer = tree.layers.dropLast().last(where: { FileManager.default.fileExists(atPath: $0.root + "/" + path) }) else { continue }
            let base = layer.archive == nil ? layer.display + "/" + path : layer.root + "/" + path
            status.comparePaths[path] = (base, top.display + "/" + path)
        }
        return status
    }

    /// The first problem with `base:` itself (missing, not a course, a loop), as a failure to report.
    static func baseProblem(in tree: ContentTree) -> ToolFailure? {
        guard tree.config.base != nil else { return nil }
        let baseCodes: Set<MessageKey> = [
            .baseNotFound, .baseWithoutSite, .baseLoop, .baseTooDeep, .baseArchiveUnreadable, .baseArchiveWithoutSite, .baseArchiveTooLarge,
            .baseArchiveHoldsZip, .baseArchiveUnsupported,
        ]
        guard let problem = tree.diagnostics.first(where: { $0.severity == .error && baseCodes.contains($0.message.key) }) else { return nil }
        return ToolFailure(problem.message)
    }

    /// Records the base as it is now as reviewed; returns the record and the file written.
    @discardableResult
    public static func accept(contentDirectory: String, today: CalendarDate, language: Language = .ja) throws -> (BaseRecord, String) {
        let status = try status(contentDirectory: contentDirectory, today: today)
        let root = URL(fileURLWithPath: contentDirectory).standardizedFileURL.resolvingSymlinksInPath().path
        let path = root + "/" + BaseRecord.fileName
        try Data(status.current.yaml(in: language).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        let shown = (contentDirectory.hasSuffix("/") ? String(contentDirectory.dropLast()) : contentDirectory) + "/" + BaseRecord.fileName
        return (status.current, shown)
    }

    /// The report `kenshu base status` prints, one line each.
    public static func report(_ status: Status, printer: DiagnosticPrinter) -> [String] {
        guard let recorded = status.recorded, let changes = status.changes else {
            return [printer.say(.cliBaseNeverAccepted, status.base), printer.say(.cliBaseAcceptHint)]
        }
        guard !changes.isEmpty else { return [printer.say(.cliBaseUnchanged, status.base, recorded.accepted)] }
        func lines(_ key: MessageKey, _ path: String) -> [String] {
            var text = printer.say(key, path)
            if status.hiddenHere.contains(path) {
                text += printer.say(.cliBaseHiddenHere)
            } else if status.replacedHere.contains(path) {
                // A file the base removed is no longer replaced: the course's own stays as a page of its own.
                guard key != .cliBaseRemoved else { return [text + printer.say(.cliBaseRemovedKeptHere)] }
                text += printer.say(.cliBaseReplacedHere)
                if let paths = status.comparePaths[path] { return [text, printer.say(.cliBaseCompare, paths.base, paths.own)] }
            }
            return [text]
        }
        return [printer.say(.cliBaseChangesHeader, status.base, recorded.accepted)]
            + changes.changed.flatMap { lines(.cliBaseChanged, $0) }
            + changes.added.flatMap { lines(.cliBaseAdded, $0) }
            + changes.removed.flatMap { lines(.cliBaseRemoved, $0) }
            + [printer.say(.cliBaseAcceptHint)]
    }
}
