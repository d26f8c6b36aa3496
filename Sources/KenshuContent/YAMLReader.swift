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
    /// The lines of the YAML last parsed, to tell a value that a ` #` comment cut short.
    private var sourceLines: [Substring] = []

    init(path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    /// Parses `yaml` into a top-level mapping, or records why it can't.
    /// - Parameter asWritten: the text as the author wrote it, when `yaml` was adjusted before parsing (same lines).
    mutating func mapping(from yaml: String, asWritten: String? = nil) -> [(key: String, keyMark: Mark?, value: Node)]? {
        guard let root = root(from: yaml, asWritten: asWritten) else { return nil }
        guard let node = root else { return [] }
        guard let mapping = node.mapping else {
            // `title:研修` alone is one text to YAML, not a mapping: name the missing space.
            let japaneseKeys = TypingMistakes.find(in: yaml, path: path, lineOffset: lineOffset, japaneseKeys: true)
            diagnostics += japaneseKeys.isEmpty
                ? [YAMLProblems.slip(in: yaml, lines: nil, path: path, lineOffset: lineOffset) ?? .error(.yamlNotMapping, at: location(node.mark))]
                : japaneseKeys
            return nil
        }
        return mapping.map { pair in (pair.key.string ?? "", pair.key.mark, pair.value) }
    }

    /// Parses `yaml` into its root node after checking for typing mistakes; `nil` after a reported problem.
    mutating func root(from yaml: String, asWritten: String? = nil) -> Node?? {
        let written = asWritten ?? yaml
        sourceLines = written.hasUTF8Byte(UInt8(ascii: "#")) ? written.split(separator: "\n", omittingEmptySubsequences: false) : []
        let typingMistakes = TypingMistakes.find(in: yaml, path: path, lineOffset: lineOffset)
        guard typingMistakes.isEmpty else {
            diagnostics += typingMistakes
            return nil
        }
        do {
            // UTF-8 named here: Yams works the default out from the environment on every call.
            // The basic resolver: Kenshu reads every value as text and decides its type itself, and the
            // default one ran seven regular expressions over every key (to compare keys for duplicates).
            return .some(try Yams.compose(yaml: yaml, .basic, .default, .utf8))
        } catch let error as YamlError {
            // `担当課："総務課"` breaks the mapping a line later: name the colon instead of what YAML saw.
            let parsed = YAMLProblems.diagnose(error, yaml: yaml, path: path, lineOffset: lineOffset) ?? Self.describe(error, path: path, lineOffset: lineOffset)
            // Only a colon on the line of the error or the two before it caused it; any other is left alone.
            let errorLine = parsed.location?.line ?? 0
            let japaneseKeys = TypingMistakes.find(in: yaml, path: path, lineOffset: lineOffset, japaneseKeys: true)
                .filter { (0...2).contains(errorLine - ($0.location?.line ?? 0)) }
            diagnostics += japaneseKeys.isEmpty ? [parsed] : japaneseKeys
        } catch {
            diagnostics.append(.error(.yamlInvalid, "\(error)", at: location(nil)))
        }
        return nil
    }

    mutating func string(_ node: Node, key: String) -> String? {
        guard let scalar = node.scalar else {
            diagnostics.append(.error(.yamlNotText, key, at: location(node.mark)))
            return nil
        }
        noteCommentCut(scalar, at: node.mark, key: key)
        return scalar.string
    }

    /// `title: 窓口対応 #2 電話` is `窓口対応` to YAML (a comment starts at ` #`), and the page's title silently loses
    /// the rest. Told at the `#` for an unquoted value on one line, with the quoted value to write; a comment set
    /// apart as comments are (`#` after two blanks or before one) is left alone.
    private mutating func noteCommentCut(_ scalar: Node.Scalar, at mark: Mark?, key: String) {
        // A quoted value too; `title: {{自治体名}} #研修` reaches YAML quoted (``FrontMatter/quotingLeadingVariables(_:)``)
        // and is read here as written.
        let quote: Character?
        switch scalar.style {
        case .plain: quote = nil
        case .doubleQuoted: quote = "\""
        case .singleQuoted: quote = "'"
        default: return
        }
        guard !sourceLines.isEmpty, !scalar.string.isEmpty, let mark,
              sourceLines.indices.contains(mark.line - 1) else { return }
        let line = sourceLines[mark.line - 1]
        // Yams' columns count characters from 1, as libyaml's marks do.
        let start = line.index(line.startIndex, offsetBy: max(0, mark.column - 1), limitedBy: line.endIndex) ?? line.endIndex
        guard let found = line[start...].range(of: scalar.string) else { return }
        var value = found
        // A quoted value as written ends at its closing quote (escapes inside are not found as written: left alone); a
        // value quoted only on its way to YAML has none.
        if let quote, found.upperBound < line.endIndex, line[found.upperBound] == quote {
            value = found.lowerBound..<line.index(after: found.upperBound)
        }
        let after = line[value.upperBound...]
        let blanks = after.prefix { $0 == " " || $0 == "\t" }
        let comment = after.dropFirst(blanks.count)
        // A comment meant as one is set apart (`title: 研修    # 必須`, as the README writes them): one blank before
        // a `#` that runs on into the words (`#2 電話`) is text the author meant to keep.
        guard blanks.count == 1, comment.first == "#", let next = comment.dropFirst().first, next != " ", next != "\t" else { return }
        let whole = scalar.string + blanks + comment.trimmingCharacters(in: .whitespaces)
        let quoted = "\"" + whole.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        // A list item (`- 手順 #3`) is written again as an item, a value after its key.
        let isItem = line[..<value.lowerBound].trimmingCharacters(in: .whitespaces).hasSuffix("-")
        let column = line.distance(from: line.startIndex, to: comment.startIndex) + 1
        diagnostics.append(.warning(
            .yamlCommentCutValue, key, scalar.string, (isItem ? "- " : key + ": ") + quoted,
            at: SourceLocation(path: path, line: mark.line + lineOffset, column: column)))
    }

    mutating func integer(_ node: Node, key: String, range: ClosedRange<Int>) -> Int? {
        guard let text = node.scalar?.string, let value = Int(text), range.contains(value) else {
            diagnostics.append(.error(
                .yamlNotInteger, key, String(range.lowerBound), String(range.upperBound), String(range.lowerBound + 9),
                at: location(node.mark)))
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(.error(.yamlNotBool, key, at: location(node.mark)))
            return nil
        }
    }

    /// A calendar date written `YYYY-MM-DD`, kept as text so that no time zone can shift it.
    mutating func date(_ node: Node, key: String) -> String? {
        guard let text = node.scalar?.string, let date = CalendarDate(text) else {
            diagnostics.append(.error(.yamlNotDate, key, at: location(node.mark)))
            return nil
        }
        guard date.exists else {
            diagnostics.append(.error(.yamlNoSuchDay, key, text, at: location(node.mark)))
            return nil
        }
        return text
    }

    mutating func stringList(_ node: Node, key: String) -> [String]? {
        if node.scalar != nil { return string(node, key: key).map { [$0] } }
        guard let sequence = node.sequence else {
            diagnostics.append(.error(.yamlNotList, key, at: location(node.mark)))
            return nil
        }
        return sequence.compactMap { string($0, key: key) }
    }

    /// Keys other tools write in front matter (Docusaurus, Hugo, Jekyll, Obsidian, Zenn …): never a guess at
    /// one of Kenshu's (`id` is not a slip for `kind`, nor `sidebar_position` for `description`).
    static let otherToolsKeys: Set<String> = [
        "id", "slug", "sidebar_position", "sidebar_label", "sidebar_class_name", "tags", "aliases", "cssclass", "cssclasses",
        "weight", "draft", "date", "lastmod", "author", "authors", "layout", "permalink", "categories", "keywords",
        "hide_title", "hide_table_of_contents", "custom_edit_url", "toc", "image", "nav_order", "parent", "has_children",
        "publish", "published", "emoji", "topics", "private", "cover", "banner",
    ]

    mutating func unknownKey(_ key: String, mark: Mark?, known: [String]) {
        if Self.otherToolsKeys.contains(key) {
            diagnostics.append(.warning(.yamlUnknownKey, key, at: location(mark), fix: Message(.fixOtherToolsKey, known.joined(separator: ", "))))
            return
        }
        let hint = ClosestMatch.find(key, among: known).map { Message(.fixDidYouMean, $0) }
            ?? Message(.fixKnownKeys, known.joined(separator: ", "))
        diagnostics.append(.warning(.yamlUnknownKey, key, at: location(mark), fix: hint))
    }

    static func describe(_ error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .error(.yamlInvalid, problem, at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(.yamlDuplicateKey, duplicates.joined(separator: "', '"), at: at(context.mark))
        default:
            return .error(.yamlInvalid, "\(error)", at: SourceLocation(path: path, line: 1 + lineOffset, column: 1))
        }
    }
}
