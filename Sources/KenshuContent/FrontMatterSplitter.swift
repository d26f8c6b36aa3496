import KenshuCore

/// Separates the YAML front matter between `---` lines from the Markdown body.
public struct SplitDocument: Sendable {
    /// The YAML text without its fences, or `nil` when the file has none.
    public var yaml: String?
    /// The Markdown after the front matter.
    public var body: String
    /// How many lines of the file come before `body`, so body line N is file line N + offset.
    public var bodyLineOffset: Int
    /// Set when a front matter starts but never ends: the file line of the opening `---`.
    public var unterminatedAt: Int?
}

public enum FrontMatterSplitter {
    /// - Parameter text: any text; CR and CRLF line ends and a BOM are accepted (normally
    ///   ``AuthorText`` has removed them already).
    public static func split(_ text: String) -> SplitDocument {
        var text = Substring(text.hasUTF8Byte(UInt8(ascii: "\r")) ? AuthorText.normaliseLineEnds(text) : text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        guard text.hasPrefix("---\n") else {
            return SplitDocument(yaml: nil, body: String(text), bodyLineOffset: 0)
        }
        var lineNumber = 1
        var yamlLines: [Substring] = []
        var rest = text.dropFirst(4)
        while !rest.isEmpty {
            lineNumber += 1
            // Byte search: no grapheme breaking over the file (LF is always a character of its own here).
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let line = rest[..<end]
            rest = end == rest.endIndex ? rest[end...] : rest[rest.utf8.index(after: end)...]
            if line == "---" || line == "..." {
                return SplitDocument(
                    yaml: yamlLines.joined(separator: "\n") + "\n", body: String(rest), bodyLineOffset: lineNumber)
            }
            yamlLines.append(line)
        }
        return SplitDocument(yaml: nil, body: String(text), bodyLineOffset: 0, unterminatedAt: 1)
    }
}
