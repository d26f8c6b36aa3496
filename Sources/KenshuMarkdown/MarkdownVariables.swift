import KenshuCore

/// Fills `vars:` into Markdown that travels as written (a quiz's question in a GIFT export, its
/// text in the search index): `{{name}}` in text is replaced, while code spans, code blocks, link
/// destinations and escaped braces (`\{{`) keep what the author wrote. (A page also fills link
/// destinations, in ``HTMLWriter``; Markdown that travels keeps them as written.)
///
/// libcmark finds the text; the replacement is made in the source, so the rest stays byte for byte.
public enum MarkdownVariables {
    public static func fill(_ markdown: String, values: [String: String]) -> String {
        guard TextVariables.mayContain(markdown), !values.isEmpty else { return markdown }
        var options = MarkdownOptions(path: "")
        options.variables = values
        let writer = HTMLWriter(source: markdown, options: options)
        let document = CMarkDocument(markdown)
        var edits: [(line: Int, start: Int, length: Int, value: String)] = []
        document.document.walk { node, entering in
            guard entering, node.kind == .text, node.textHints.contains(.variable) else { return .visitChildren }
            let literal = node.literal
            let source = writer.sourceMap(of: node, literal: literal)
            for occurrence in TextVariables.occurrences(in: literal) where !source.escaped.contains(occurrence.byteOffset) {
                guard let value = values[occurrence.name], let offset = source.offsets[occurrence.byteOffset] else { continue }
                edits.append((node.startLine, node.startColumn - 1 + offset, occurrence.byteLength, escaped(value)))
            }
            return .visitChildren
        }
        guard !edits.isEmpty else { return markdown }
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        for edit in edits.sorted(by: { ($0.line, $0.start) > ($1.line, $1.start) }) where lines.indices.contains(edit.line - 1) {
            let end = edit.start + edit.length
            guard edit.start >= 0, end <= lines[edit.line - 1].count, lines[edit.line - 1][edit.start] == UInt8(ascii: "{") else { continue }
            lines[edit.line - 1].replaceSubrange(edit.start..<end, with: Array(edit.value.utf8))
        }
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    /// The characters CommonMark lets a backslash escape.
    static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    /// A value as Markdown text: ASCII punctuation backslash-escaped, so `*北町*` stays words.
    static func escaped(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            if asciiPunctuation.contains(scalar) { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
