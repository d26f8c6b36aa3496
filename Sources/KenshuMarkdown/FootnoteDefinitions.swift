/// One GFM footnote definition, `[^label]: text`, taken out of the page's source.
struct FootnoteDefinition {
    /// The label as written between `[^` and `]`.
    var label: String
    /// The definition's Markdown: the first line's text and its indented continuation, unindented.
    var body: String
    /// The body's first line and byte column in the page body (1-based).
    var line: Int
    var column: Int
}

/// Finds footnote definitions in a page's source, which libcmark 0.30 does not know (it reads
/// `[^1]: text` as a link reference definition or a paragraph).
///
/// libcmark still decides the structure: a first parse says which lines are code or raw HTML
/// (never definitions), and whether a line after the first continues the definition's paragraph.
/// The definitions' lines are then replaced (an empty HTML comment where a definition started,
/// blank lines below it), so the page parses as cmark-gfm would parse it without them, with every
/// other line at its place.
enum FootnoteDefinitions {
    static func extract(from source: String) -> (source: String, definitions: [FootnoteDefinition]) {
        guard mayHoldDefinition(source) else { return (source, []) }
        // Split on the byte, not on Characters: "\r\n" is one Character and would hide every line break.
        var lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let excluded = linesInCodeOrHTML(source)
        var definitions: [FootnoteDefinition] = []
        var index = 0
        while index < lines.count {
            guard !excluded.contains(index + 1), let start = definitionStart(lines[index]) else {
                index += 1
                continue
            }
            let firstLine = lines[index]
            let restStart = firstLine.utf8.index(firstLine.utf8.startIndex, offsetBy: start.bodyOffset)
            var body = [String(firstLine[restStart...])]
            var end = index + 1
            var pendingBlank = 0
            while end < lines.count {
                let line = lines[end]
                if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                    pendingBlank += 1
                } else if let unindented = unindent(line) {
                    body += Array(repeating: "", count: pendingBlank) + [unindented]
                    pendingBlank = 0
                } else if pendingBlank == 0, definitionStart(line) == nil, continuesParagraph(body, with: line) {
                    body.append(line)
                } else {
                    break
                }
                end += 1
            }
            let last = end - 1 - pendingBlank
            definitions.append(FootnoteDefinition(
                label: start.label, body: body.joined(separator: "\n") + "\n", line: index + 1, column: start.bodyOffset + 1))
            let indent = String(firstLine.prefix { $0 == " " })
            lines[index] = indent + "<!---->"
            if last > index {
                for blank in (index + 1)...last { lines[blank] = "" }
            }
            index = last + 1
        }
        return (lines.joined(separator: "\n"), definitions)
    }

    /// Whether some line starts (after up to three spaces) with `[^`: a quick look before any parsing.
    private static func mayHoldDefinition(_ source: String) -> Bool {
        var leading = 0  // spaces at the start of the line so far; -1 past them
        var bracket = false
        for byte in source.utf8 {
            if byte == UInt8(ascii: "\n") {
                (leading, bracket) = (0, false)
            } else if leading < 0 {
                continue
            } else if bracket {
                if byte == UInt8(ascii: "^") { return true }
                leading = -1
            } else if byte == 0x20, leading < 3 {
                leading += 1
            } else if byte == UInt8(ascii: "[") {
                bracket = true
            } else {
                leading = -1
            }
        }
        return false
    }

    /// `[^label]:` at the start of a line (up to three spaces in): the label and the byte offset of the text after it.
    static func definitionStart(_ line: String) -> (label: String, bodyOffset: Int)? {
        let bytes = Array(line.utf8)
        var i = 0
        while i < bytes.count, i < 3, bytes[i] == 0x20 { i += 1 }
        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "^") else { return nil }
        let labelStart = i + 2
        var j = labelStart
        while j < bytes.count, bytes[j] != UInt8(ascii: "]"), bytes[j] > 0x20 { j += 1 }
        guard j > labelStart, j + 1 < bytes.count, bytes[j] == UInt8(ascii: "]"), bytes[j + 1] == UInt8(ascii: ":") else {
            return nil
        }
        var body = j + 2
        while body < bytes.count, bytes[body] == 0x20 || bytes[body] == 0x09 { body += 1 }
        return (String(decoding: bytes[labelStart..<j], as: UTF8.self), body)
    }

    /// A continuation line without its four columns of indentation; `nil` when indented less.
    private static func unindent(_ line: String) -> String? {
        var columns = 0
        var index = line.startIndex
        while index < line.endIndex, columns < 4 {
            switch line[index] {
            case " ": columns += 1
            case "\t": columns += 4 - columns % 4
            default: return nil
            }
            index = line.index(after: index)
        }
        return columns >= 4 ? String(repeating: " ", count: columns - 4) + line[index...] : nil
    }

    /// Whether `line` is a lazy continuation of the paragraph that ends `body`, as libcmark reads it.
    private static func continuesParagraph(_ body: [String], with line: String) -> Bool {
        guard let last = body.last, !last.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
        let document = CMarkDocument((body + [line]).joined(separator: "\n") + "\n")
        return withExtendedLifetime(document) {
            guard let final = document.document.children.last else { return false }
            return final.kind == .paragraph && final.startLine < body.count + 1 && final.endLine == body.count + 1
        }
    }

    /// Lines (1-based) inside code blocks and HTML blocks, anywhere in the page.
    private static func linesInCodeOrHTML(_ source: String) -> Set<Int> {
        var lines: Set<Int> = []
        let document = CMarkDocument(source)
        withExtendedLifetime(document) {
            document.document.walk { node, entering in
                if entering, node.kind == .codeBlock || node.kind == .htmlBlock {
                    lines.formUnion(node.startLine...max(node.startLine, node.endLine))
                }
                return .visitChildren
            }
        }
        return lines
    }
}

import Foundation
