import KenshuCore

/// Finds what Japanese keyboards and Windows editors slip into YAML, before the YAML parser
/// reports them as something else: a full-width colon after a key (`title：研修`, which YAML
/// reads as one long text) and a tab in the indentation (which YAML forbids).
enum TypingMistakes {
    static func find(in yaml: String, path: String, lineOffset: Int) -> [Diagnostic] {
        // Both mistakes need a tab or a U+FF1A in the text: most front matter holds neither.
        guard yaml.hasUTF8Byte(UInt8(ascii: "\t")) || containsFullWidthColon(yaml.utf8) else { return [] }
        var found: [Diagnostic] = []
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let at = { (column: Int) in SourceLocation(path: path, line: index + 1 + lineOffset, column: column) }
            let indent = line.prefix { $0 == " " || $0 == "\t" || $0 == "-" }
            if let tab = indent.firstIndex(of: "\t") {
                found.append(.error(.yamlTab, at: at(line.distance(from: line.startIndex, to: tab) + 1)))
                continue
            }
            let rest = line.dropFirst(indent.count)
            let key = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            guard !key.isEmpty, let first = key.first, first.isLetter else { continue }
            let afterKey = rest.dropFirst(key.count).drop { $0 == " " }
            if afterKey.first == "：" {
                let column = line.distance(from: line.startIndex, to: afterKey.startIndex) + 1
                found.append(.error(.yamlFullWidthColon, String(key), at: at(column)))
            }
        }
        return found
    }

    /// Whether the bytes hold U+FF1A (EF BC 9A).
    static func containsFullWidthColon(_ bytes: String.UTF8View) -> Bool {
        var index = bytes.startIndex
        while let lead = bytes[index...].firstIndex(of: 0xEF) {
            let next = bytes.index(after: lead)
            if bytes[next...].starts(with: [0xBC, 0x9A]) { return true }
            index = next
        }
        return false
    }
}
