import Foundation
import KenshuCore

/// Finds what Japanese keyboards and Windows editors slip into YAML, before the YAML parser
/// reports them as something else: a full-width colon after a key (`title：研修`, which YAML
/// reads as one long text) and a tab in the indentation (which YAML forbids).
enum TypingMistakes {
    /// - Parameter japaneseKeys: also read keys written in Japanese (`担当課：総務課`). Only once the YAML has
    ///   failed to parse: in a block of text or a list, `目的：…` is a sentence, not a slip.
    static func find(in yaml: String, path: String, lineOffset: Int, japaneseKeys: Bool = false) -> [Diagnostic] {
        // Both mistakes need a tab or a U+FF1A in the text: most front matter holds neither.
        guard yaml.hasUTF8Byte(UInt8(ascii: "\t")) || containsFullWidthColon(yaml.utf8) else { return [] }
        var found: [Diagnostic] = []
        // The indentation of the key whose block of text (`|`, `>`) the lines now are in: text, not keys.
        var blockOwnerIndent: Int?
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let at = { (column: Int) in SourceLocation(path: path, line: index + 1 + lineOffset, column: column) }
            let spaces = line.prefix { $0 == " " }.count
            if let owner = blockOwnerIndent {
                if line.allSatisfy({ $0 == " " || $0 == "\r" }) || spaces > owner { continue }
                blockOwnerIndent = nil
            }
            if Self.opensBlockText(line) { blockOwnerIndent = spaces }
            let indent = line.prefix { $0 == " " || $0 == "\t" || $0 == "-" }
            if let tab = indent.firstIndex(of: "\t") {
                found.append(.error(.yamlTab, at: at(line.distance(from: line.startIndex, to: tab) + 1)))
                continue
            }
            let rest = line.dropFirst(indent.count)
            let key = rest.prefix { ($0.isASCII || japaneseKeys) && ($0.isLetter || $0.isNumber || $0 == "_") }
            guard !key.isEmpty, let first = key.first, first.isLetter else { continue }
            let afterKey = rest.dropFirst(key.count).drop { $0 == " " }
            if afterKey.first == "：" {
                let column = line.distance(from: line.startIndex, to: afterKey.startIndex) + 1
                found.append(.error(.yamlFullWidthColon, String(key), at: at(column)))
            }
        }
        return found
    }

    /// Whether the line ends with a block text indicator (`key: |`, `- >-`, `key: |2 # note`).
    static func opensBlockText(_ line: Substring) -> Bool {
        let code = line.range(of: " #").map { line[..<$0.lowerBound] } ?? line
        let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
        let indicator = trimmed.reversed().prefix { $0 == "-" || $0 == "+" || $0.isASCII && $0.isNumber }
        let rest = trimmed.dropLast(indicator.count)
        guard let last = rest.last, last == "|" || last == ">" else { return false }
        let before = rest.dropLast()
        return before.isEmpty || before.hasSuffix(":") || before.hasSuffix(" ") || before.hasSuffix("-")
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
