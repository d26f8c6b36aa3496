import Foundation
import KenshuCore
import Yams

/// Where `base:` points, as the author wrote it (relative to the folder holding site.yml).
public struct BaseReference: Sendable, Hashable {
    public var path: String
    public var location: SourceLocation

    public init(path: String, location: SourceLocation) {
        self.path = path
        self.location = location
    }
}

/// A course that another is built on, as the modified course must name it (CC BY 4.0 and PDL1.0
/// both require saying that a work was changed and what it came from).
public struct UpstreamCourse: Sendable, Hashable {
    public var title: String
    public var organisation: String?
    public var version: String?
    public var storageID: String
    /// The base's own licence, named beside it: an overlay may license its changes differently,
    /// but the original's terms stay visible.
    public var licence: Licence?
}

extension SiteConfig {
    /// What an overlay starts from before its own site.yml is read: the base's settings, with the
    /// base's variables as defaults and its licence and attribution carried over, but never the
    /// base's id, organisation, version or themes (those belong to the course that sets them).
    public func inheritedByOverlay() -> SiteConfig {
        var child = self
        child.id = nil
        child.organisation = nil
        child.version = nil
        child.themes = ["default"]
        child.base = nil
        child.hidden = []
        child.hiddenAt = []
        child.upstream = [UpstreamCourse(title: title, organisation: organisation, version: version, storageID: storageID, licence: licenceTerms)] + upstream
        if attribution == nil, let organisation { child.attribution = Attribution(author: organisation) }
        return child
    }

    /// `hide:` entries as content paths (`\` and a leading `./` as Windows and shells write them), each with its line.
    static func readHidden(_ node: Node, into config: inout SiteConfig, reader: inout YAMLReader) {
        let items = node.sequence.map(Array.init) ?? [node]
        config.hidden = []
        config.hiddenAt = []
        for item in items {
            guard let text = reader.string(item, key: "hide") else { continue }
            var path = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\", with: "/")
            while path.hasPrefix("./") { path.removeFirst(2) }
            config.hidden.append(path.precomposedStringWithCanonicalMapping)
            config.hiddenAt.append(reader.location(item.mark))
        }
    }

    static func readVariables(_ node: Node, into config: inout SiteConfig, reader: inout YAMLReader) {
        guard let fields = node.mapping else {
            reader.diagnostics.append(fullWidthColonInVariable(node, reader: reader) ?? .error(.varsNotMapping, at: reader.location(node.mark)))
            return
        }
        var unchanged: [(name: String, value: String, mark: Mark?)] = []
        for (key, value) in fields {
            let name = key.string ?? ""
            guard TextVariables.isValidName(name) else {
                reader.diagnostics.append(.error(.variableNameInvalid, name, at: reader.location(key.mark)))
                continue
            }
            guard let text = reader.string(value, key: name) else { continue }
            if !config.upstream.isEmpty, config.variables[name] == text { unchanged.append((name, text, key.mark)) }
            config.variables[name] = text
        }
        // `kenshu new --base` copies the base's values for the author to adapt: those left as they were are told
        // once, at the first, with every name (one warning for a base with twenty variables).
        if let first = unchanged.first {
            let names = unchanged.map { "\($0.name): '\($0.value)'" }.joined(separator: ", ")
            reader.diagnostics.append(.warning(.variableSameAsBase, String(unchanged.count), names, at: reader.location(first.mark)))
        }
    }

    /// `担当課：総務課` alone under `vars:`: YAML reads one text, not a name and a value. Told at the colon, as
    /// ``TypingMistakes`` tells it for a key among others.
    static func fullWidthColonInVariable(_ node: Node, reader: YAMLReader) -> Diagnostic? {
        guard let text = node.scalar?.string, let colon = text.firstIndex(of: "\u{FF1A}") else { return nil }
        let name = text[..<colon].trimmingCharacters(in: .whitespaces)
        guard TextVariables.isValidName(name) else { return nil }
        let start = reader.location(node.mark)
        let quoted = node.scalar?.style == .singleQuoted || node.scalar?.style == .doubleQuoted
        let column = start.column + (quoted ? 1 : 0) + text.distance(from: text.startIndex, to: colon)
        return .error(.yamlFullWidthColon, name, at: SourceLocation(path: start.path, line: start.line, column: column))
    }
}

extension SiteConfig {
    /// The line (from 1) where site.yml writes the top-level `key` (`id: …`, `id : …`, after a BOM); 1 when
    /// it does not: for a problem found in the parsed settings, at the line the author wrote.
    public static func line(ofKey key: String, in yaml: String) -> Int {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { line in
            let bare = line.hasPrefix("\u{FEFF}") ? line.dropFirst() : line
            return bare.hasPrefix(key + ":") || bare.hasPrefix(key + " :")
        }.map { $0 + 1 } ?? 1
    }
}
