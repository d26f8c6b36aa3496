import Foundation
import KenshuCore
import Yams

/// Which version of its base a course built on another was last reviewed against: each base
/// file's SHA-256, written to `base-accepted.yml` by `kenshu base accept`. Comparing it with the
/// base as it is now tells a municipality which of the original's pages changed, appeared or
/// vanished since, so they know what to re-review (`kenshu base status`, and a build warning).
public struct BaseRecord: Sendable, Equatable {
    public static let fileName = "base-accepted.yml"

    /// `base:` as site.yml wrote it when recorded.
    public var base: String
    /// The day it was recorded (`YYYY-MM-DD`).
    public var accepted: String
    /// The base's own `version:`, when it has one.
    public var version: String?
    /// Content path → SHA-256 of every file of the base course (pages, images, site.yml, glossary.yml).
    public var files: [String: String]

    public init(base: String, accepted: String, version: String?, files: [String: String]) {
        self.base = base
        self.accepted = accepted
        self.version = version
        self.files = files
    }

    /// What changed between a recorded base and the base as it is now.
    public struct Changes: Sendable, Equatable {
        public var changed: [String] = []
        public var added: [String] = []
        public var removed: [String] = []
        public var isEmpty: Bool { changed.isEmpty && added.isEmpty && removed.isEmpty }
    }

    public func changes(to now: BaseRecord) -> Changes {
        var result = Changes()
        for (path, hash) in now.files {
            if let old = files[path] {
                if old != hash { result.changed.append(path) }
            } else {
                result.added.append(path)
            }
        }
        result.removed = files.keys.filter { now.files[$0] == nil }
        result.changed.sort()
        result.added.sort()
        result.removed.sort()
        return result
    }

    /// The base of `tree` as it is now (not yet accepted: `accepted` is empty); `nil` when the
    /// course is not built on another. ``ContentLoader`` works it out once per load (``ContentTree/base``).
    static func current(of tree: ContentTree) -> BaseRecord? {
        guard tree.layers.count > 1, let reference = tree.config.base else { return nil }
        var ignored: [Diagnostic] = []
        let files = ContentLoader.merge(Array(tree.layers.dropLast()), diagnostics: &ignored)
        var hashes: [String: String] = [:]
        for (path, file) in files where path != fileName {
            if let hash = fingerprint(file.absolutePath) { hashes[path] = hash }
        }
        return BaseRecord(base: reference.path, accepted: "", version: tree.config.upstream.first?.version, files: hashes)
    }

    /// A file's SHA-256; for text Kenshu reads (Markdown, YAML) that of the text as Kenshu reads it,
    /// so that a checkout converting line ends (CRLF) or adding a BOM does not count as a change.
    static func fingerprint(_ path: String) -> String? {
        let lower = path.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".yml") || lower.hasSuffix(".yaml"),
           let data = FileManager.default.contents(atPath: path), case .success(let text) = AuthorText.decode(data) {
            return SHA256.hex(Data(text.utf8))
        }
        return SHA256.hex(fileAt: path)
    }

    /// The record in `contentRoot`, `nil` when there is none yet.
    public static func read(contentRoot: String) throws(ToolFailure) -> BaseRecord? {
        let path = contentRoot + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        do {
            guard let fields = try Yams.compose(yaml: text)?.mapping else { throw ToolFailure(.baseRecordUnreadable, "YAML") }
            var record = BaseRecord(base: "", accepted: "", version: nil, files: [:])
            for (key, value) in fields {
                switch key.string {
                case "base": record.base = value.string ?? ""
                case "accepted": record.accepted = value.string ?? ""
                case "version": record.version = value.string
                case "files":
                    for (path, hash) in value.mapping ?? [:] {
                        if let path = path.string, let hash = hash.string { record.files[path] = hash }
                    }
                default: continue
                }
            }
            return record
        } catch let failure as ToolFailure {
            throw failure
        } catch {
            throw ToolFailure(.baseRecordUnreadable, "\(error)")
        }
    }

    /// The file's text: YAML with every string double-quoted and files in path order, so that
    /// recording the same base twice gives the same bytes (and a clean diff in version control).
    /// - Parameter language: the language of the comment at the top, which says what the file is.
    public func yaml(in language: Language = .ja) -> String {
        var out = Message(.baseRecordHeader).text(in: language).split(separator: "\n").map { "# " + $0 + "\n" }.joined()
        out += "base: \(JSONText.string(base))\naccepted: \(JSONText.string(accepted))\n"
        if let version { out += "version: \(JSONText.string(version))\n" }
        out += "files:\n"
        for path in files.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            out += "  \(JSONText.string(path)): \(JSONText.string(files[path] ?? ""))\n"
        }
        return out
    }

    /// The warning a build gives when the base changed since it was last accepted, or was never accepted.
    public static func warnings(for tree: ContentTree) -> [Diagnostic] {
        guard let reference = tree.config.base, let top = tree.layers.last, let now = tree.base else { return [] }
        let recorded: BaseRecord?
        do {
            recorded = try read(contentRoot: top.root)
        } catch {
            return [Diagnostic(.warning, error.message, at: SourceLocation(path: top.display + "/" + fileName, line: 1, column: 1))]
        }
        guard let recorded else { return [.warning(.baseNeverAccepted, at: reference.location)] }
        let changes = recorded.changes(to: now)
        guard !changes.isEmpty else { return [] }
        return [.warning(
            .baseChangedSinceAccepted, recorded.accepted, String(changes.changed.count), String(changes.added.count),
            String(changes.removed.count), at: reference.location)]
    }
}
