import KenshuCore
import Yams

/// Says in the author's language what went wrong in YAML that libyaml could not read.
///
/// libyaml reports in English, and often lines after the slip (`title:研修` without a space is reported
/// as "mapping values are not allowed" on the next line). So what Japanese keyboards slip in is looked for
/// first: a full-width space in the indentation of any line up to the reported one, outside `|` and `>`
/// blocks (K2013); on the reported line and the one before, a full-width space after a list's `-` (K2013)
/// and a key without a space after its colon (K2014). Otherwise the common problems are named from the
/// catalog; any other keeps libyaml's words.
enum YAMLProblems {
    static func diagnose(_ error: YamlError, yaml: String, path: String, lineOffset: Int) -> Diagnostic? {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column) }
        let context: YamlError.Context?, problem: String, mark: Mark
        switch error {
        case let .scanner(foundContext, foundProblem, foundMark, _), let .parser(foundContext, foundProblem, foundMark, _),
             let .composer(foundContext, foundProblem, foundMark, _):
            (context, problem, mark) = (foundContext, foundProblem, foundMark)
        default:
            return nil
        }
        // A full-width space in an indentation anywhere before the reported line (libyaml may stop lines later),
        // outside the text of `|` and `>` blocks, where it is the author's text.
        if let line = fullWidthIndentOutsideBlocks(in: yaml, through: mark.line) {
            return .error(.yamlFullWidthIndent, at: SourceLocation(path: path, line: line.number + lineOffset, column: line.column))
        }
        // Only the reported line and the one before: an earlier line may be text (a `|` block, a list item).
        if let slip = slip(in: yaml, lines: max(1, mark.line - 1)...max(1, mark.line), path: path, lineOffset: lineOffset) { return slip }
        if problem.hasPrefix("mapping values are not allowed"), let indent = overIndentedKey(in: yaml, line: mark.line) {
            return .error(.yamlOverIndented, String(indent), at: SourceLocation(path: path, line: mark.line + lineOffset, column: 1))
        }
        guard let reason = reason(for: problem) else { return .error(.yamlInvalid, problem, at: at(mark)) }
        // An unclosed quote is reported where the text ends; its context is where the quote opens.
        let place = reason == .reasonYAMLEndOfStream ? context?.mark ?? mark : mark
        return .error(.yamlInvalid, Message.reason(reason), at: at(place))
    }

    /// The first slip on `lines` (1-based within `yaml`; every line when `nil`).
    static func slip(in yaml: String, lines: ClosedRange<Int>?, path: String, lineOffset: Int) -> Diagnostic? {
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let lines, index + 1 < lines.lowerBound { continue }
            if let lines, index + 1 > lines.upperBound { break }
            let at = { (column: Int) in SourceLocation(path: path, line: index + 1 + lineOffset, column: column) }
            let indent = line.prefix { $0 == " " || $0 == "-" || $0 == "\u{3000}" }
            if let fullWidth = indent.firstIndex(of: "\u{3000}") {
                return .error(.yamlFullWidthIndent, at: at(line.distance(from: line.startIndex, to: fullWidth) + 1))
            }
            let rest = line.dropFirst(indent.count)
            let key = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            guard let first = key.first, first.isLetter || first == "_" else { continue }
            let afterKey = rest.dropFirst(key.count)
            guard afterKey.first == ":", let next = afterKey.dropFirst().first, next != " ", next != "/", next != ":" else { continue }
            return .error(.yamlNoSpaceAfterColon, String(key), at: at(line.distance(from: line.startIndex, to: afterKey.startIndex) + 2))
        }
        return nil
    }

    /// `description: …` indented under a `title: 研修` line: libyaml takes it for more of the title and stops at
    /// its colon ("mapping values are not allowed"), which reads like a colon to quote. The indentation (in
    /// spaces) of `line` when it is a `key: value` line indented deeper than the key line before it, whose
    /// value is plain text on that line (not `|`, `>`, a list or a mapping under it).
    static func overIndentedKey(in yaml: String, line: Int) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 2, line <= lines.count else { return nil }
        let here = lines[line - 1]
        let indent = here.prefix { $0 == " " }.count
        // A key as Kenshu's files name them (`minutes`, `review_by`); Japanese text before `: ` is a value's continuation.
        let key = here.dropFirst(indent).prefix { $0 != ":" }
        guard indent > 0, key.first?.isLetter == true,
              key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else { return nil }
        guard let previous = lines[..<(line - 1)].last(where: { !$0.trimmingBlanks().isEmpty }) else { return nil }
        let previousIndent = previous.prefix { $0 == " " }.count
        let body = previous.dropFirst(previousIndent)
        guard previousIndent < indent, !body.hasPrefix("-"), let colon = body.firstRange(of: ": ") else { return nil }
        let value = body[colon.upperBound...].trimmingBlanks()
        guard let first = value.first, first != "|", first != ">", !value.hasPrefix("#") else { return nil }
        return indent
    }

    /// The first line (1-based) up to `last` whose indentation holds U+3000, and the column of that space;
    /// lines inside a block scalar (`description: |` and the lines indented under it) are text and skipped.
    static func fullWidthIndentOutsideBlocks(in yaml: String, through last: Int) -> (number: Int, column: Int)? {
        var blockParentIndent: Int?
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).prefix(max(0, last)).enumerated() {
            let spaces = line.prefix { $0 == " " }.count
            if let parent = blockParentIndent {
                if line.trimmingBlanks().isEmpty || spaces > parent { continue }
                blockParentIndent = nil
            }
            // Only the indentation itself: after a list's `- ` a full-width space is the item's text (`- 　目的`).
            let indent = line.prefix { $0 == " " || $0 == "\u{3000}" }
            if let fullWidth = indent.firstIndex(of: "\u{3000}") {
                return (index + 1, line.distance(from: line.startIndex, to: fullWidth) + 1)
            }
            if startsBlockScalar(line) { blockParentIndent = spaces }
        }
        return nil
    }

    /// `description: |`, `- >-`, `|2`: a line whose lines under it are a block of text.
    static func startsBlockScalar(_ line: Substring) -> Bool {
        let text = line.trimmingBlanks()
        let withoutModifiers = text.reversed().drop { $0 == "-" || $0 == "+" || $0.isNumber }
        guard let indicator = withoutModifiers.first, indicator == "|" || indicator == ">" else { return false }
        let before = String(withoutModifiers.dropFirst().reversed())
        return before.isEmpty || before.hasSuffix(": ") || before.hasSuffix("- ")
    }

    /// libyaml's problem texts that authors meet, and what each means.
    static func reason(for problem: String) -> MessageKey? {
        let reasons: [(String, MessageKey)] = [
            ("mapping values are not allowed", .reasonYAMLMappingValues),
            ("could not find expected ':'", .reasonYAMLExpectedColon),
            ("found unexpected end of stream", .reasonYAMLEndOfStream),
            ("did not find expected key", .reasonYAMLExpectedKey),
            ("found character that cannot start any token", .reasonYAMLReservedStart),
            ("found unknown escape character", .reasonYAMLUnknownEscape),
            ("did not find expected hexdecimal number", .reasonYAMLUnknownEscape),
            ("block sequence entries are not allowed", .reasonYAMLListIndent),
            ("did not find expected '-' indicator", .reasonYAMLListIndent),
            ("did not find expected node content", .reasonYAMLMissingValue),
            ("did not find expected ',' or", .reasonYAMLFlowUnclosed),
        ]
        return reasons.first { problem.hasPrefix($0.0) }?.1
    }
}
