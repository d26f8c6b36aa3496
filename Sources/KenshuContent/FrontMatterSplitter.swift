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
    /// Fence lines typed with look-alike dashes (`ーーー`, `－－－`), taken as fences: their file line and text.
    public var lookAlikeFences: [(line: Int, text: String)] = []
}

public enum FrontMatterSplitter {
    /// - Parameter text: any text; CR and CRLF line ends and a BOM are accepted (normally
    ///   ``AuthorText`` has removed them already).
    public static func split(_ text: String) -> SplitDocument {
        var text = Substring(text.hasUTF8Byte(UInt8(ascii: "\r")) ? AuthorText.normaliseLineEnds(text) : text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        var lookAlikes: [(line: Int, text: String)] = []
        let firstEnd = text.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
        guard firstEnd != text.endIndex, isFence(text[..<firstEnd], line: 1, lookAlikes: &lookAlikes),
              lookAlikes.isEmpty || opensYAML(text[text.utf8.index(after: firstEnd)...]) else {
            return SplitDocument(yaml: nil, body: String(text), bodyLineOffset: 0)
        }
        var lineNumber = 1
        var yamlLines: [Substring] = []
        var rest = text[text.utf8.index(after: firstEnd)...]
        while !rest.isEmpty {
            lineNumber += 1
            // Byte search: no grapheme breaking over the file (LF is always a character of its own here).
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let line = rest[..<end]
            rest = end == rest.endIndex ? rest[end...] : rest[rest.utf8.index(after: end)...]
            if line == "..." || isFence(line, line: lineNumber, lookAlikes: &lookAlikes) {
                return SplitDocument(
                    yaml: yamlLines.joined(separator: "\n") + "\n", body: String(rest), bodyLineOffset: lineNumber,
                    lookAlikeFences: lookAlikes)
            }
            yamlLines.append(line)
        }
        // A line of long-vowel marks that opens no front matter is the author's text (a separator), not a slip.
        if lookAlikes.first?.line == 1 { return SplitDocument(yaml: nil, body: String(text), bodyLineOffset: 0) }
        return SplitDocument(yaml: nil, body: String(text), bodyLineOffset: 0, unterminatedAt: 1)
    }

    /// Whether `line` is a fence: `---`, with blanks after it as Windows editors leave them, or three or
    /// more dashes of which some were typed through a Japanese input method (`ーーー`, `－－－`, `―――`),
    /// which are recorded in `lookAlikes` for a warning. Plain lines are told apart by their first byte.
    static func isFence(_ line: Substring, line number: Int, lookAlikes: inout [(line: Int, text: String)]) -> Bool {
        guard let first = line.utf8.first, first == UInt8(ascii: "-") || first >= 0xE2 else { return false }
        let dashes = line.trimmingBlanks()
        guard dashes.count >= 3, !line.hasPrefix(" "), dashes.allSatisfy(lookAlikeDashes.contains) else { return false }
        if dashes == "---" { return true }
        guard dashes.contains(where: { $0 != "-" }) else { return false }
        lookAlikes.append((number, line.trimmingBlanks()))
        return true
    }

    /// Whether the text after a look-alike opening fence starts like front matter: its first line a key and a
    /// colon (`title: …`, `title：…`). A row of `ー` above a heading is the author's decoration, not a fence.
    static func opensYAML(_ rest: Substring) -> Bool {
        let line = rest.prefix { $0 != "\n" }
        let key = line.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        guard let first = key.first, first.isLetter else { return false }
        let after = line.dropFirst(key.count).first
        return after == ":" || after == "："
    }

    /// A hyphen and the dashes and long-vowel marks a Japanese keyboard gives for it.
    static let lookAlikeDashes: Set<Character> = ["-", "ー", "－", "―", "‐", "—", "─", "ｰ", "−", "–"]
}
