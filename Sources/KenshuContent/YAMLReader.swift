import KenshuCore
import Yams

/// Reads typed values out of a YAML mapping and reports problems at the line of the offending key.
///
/// We read YAML node by node instead of decoding `Codable` so that every message can point at the
/// author's line, and so that YAML 1.1 surprises (`no` → false, `0123` → octal) never reach our values.
struct YAMLReader {
    let path: String
    /// The file line of the YAML's first line, minus one.
    let lineOffset: Int
    var diagnostics: [Diagnostic] = []

    init(path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    /// Parses `yaml` into a top-level mapping, or records why it can't.
    mutating func mapping(from yaml: String) -> [(key: String, keyMark: Mark?, value: Node)]? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            diagnostics.append(Self.describe(error, path: path, lineOffset: lineOffset))
            return nil
        } catch {
            diagnostics.append(.error(at: location(nil), "cannot read YAML: \(error)"))
            return nil
        }
        guard let node else { return [] }
        guard let mapping = node.mapping else {
            diagnostics.append(.error(
                at: location(node.mark), "YAML must be a list of 'key: value' lines",
                fix: "write one setting per line, for example 'title: はじめに'"))
            return nil
        }
        return mapping.map { pair in (pair.key.string ?? "", pair.key.mark, pair.value) }
    }

    mutating func string(_ node: Node, key: String) -> String? {
        guard let scalar = node.scalar else {
            diagnostics.append(.error(at: location(node.mark), "'\(key)' must be a single text value"))
            return nil
        }
        return scalar.string
    }

    mutating func integer(_ node: Node, key: String, range: ClosedRange<Int>) -> Int? {
        guard let text = node.scalar?.string, let value = Int(text), range.contains(value) else {
            diagnostics.append(.error(
                at: location(node.mark), "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                fix: "write for example '\(key): \(range.lowerBound + 9)'"))
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(.error(at: location(node.mark), "'\(key)' must be true or false"))
            return nil
        }
    }

    /// A calendar date written `YYYY-MM-DD`, kept as text so that no time zone can shift it.
    mutating func date(_ node: Node, key: String) -> String? {
        guard let text = node.scalar?.string, Self.isDate(text) else {
            diagnostics.append(.error(
                at: location(node.mark), "'\(key)' must be a date written YYYY-MM-DD", fix: "for example '\(key): 2025-04-01'"))
            return nil
        }
        return text
    }

    mutating func stringList(_ node: Node, key: String) -> [String]? {
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else {
            diagnostics.append(.error(at: location(node.mark), "'\(key)' must be a list of '- text' lines"))
            return nil
        }
        return sequence.compactMap { string($0, key: key) }
    }

    mutating func unknownKey(_ key: String, mark: Mark?, known: [String]) {
        let hint = ClosestMatch.find(key, among: known).map { "did you mean '\($0)'?" }
            ?? "known keys: \(known.joined(separator: ", "))"
        diagnostics.append(.warning(at: location(mark), "unknown key '\(key)' is ignored", fix: hint))
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let m = Int(parts[1]), let d = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(m) && (1...31).contains(d)
    }

    static func describe(_ error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        let fix = "check the indentation and quote values that contain ':' or '#'"
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .error(at: at(mark), "invalid YAML: \(problem)", fix: fix)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(at: at(context.mark), "key '\(duplicates.joined(separator: "', '"))' appears twice", fix: "keep one of them")
        default:
            return .error(at: SourceLocation(path: path, line: 1 + lineOffset, column: 1), "invalid YAML: \(error)", fix: fix)
        }
    }
}
