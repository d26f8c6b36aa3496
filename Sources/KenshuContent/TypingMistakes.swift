import Foundation
import KenshuCore

/// Finds what Japanese keyboards and Windows editors slip into YAML, before the YAML parser
/// reports them as something else: a full-width colon after a key (`title：研修`, which YAML
/// reads as one long text) and a tab in the indentation (which YAML forbids).
enum TypingMistakes {
    /// - Parameter japaneseKeys: only keys written in Japanese (`担当課：総務課`), once the YAML has failed to parse
    ///   (``YAMLReader`` keeps a finding only near the parser's own error); list items and lines inside a block of
    ///   text or a quoted text are sentences (`- 目的：…`), not keys.
    static func find(in yaml: String, path: String, lineOffset: Int, japaneseKeys: Bool = false) -> [Diagnostic] {
        // Both mistakes need a tab or a U+FF1A in the text: most front matter holds neither.
        guard yaml.hasUTF8Byte(UInt8(ascii: "\t")) || containsFullWidthColon(yaml.utf8) else { return [] }
        var found: [Diagnostic] = []
        // The indentation of the key whose block of text (`|`, `>`) the lines now are in: text, not keys.
        var blockOwnerIndent: Int?
        // The quote a text spanning lines is open with (`description: "説明` … `注意：続き"`).
        var openQuote: Character?
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let quote = openQuote {
                if Self.closes(line[...], quote: quote) { openQuote = nil }
                continue
            }
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
            if let quote = Self.quoteLeftOpen(rest) { openQuote = quote }
            if japaneseKeys, indent.contains("-") { continue }
            let key = rest.prefix { (japaneseKeys ? !$0.isASCII : $0.isASCII) && ($0.isLetter || $0.isNumber || $0 == "_") }
            guard !key.isEmpty, let first = key.first, first.isLetter else { continue }
            let afterKey = rest.dropFirst(key.count).drop { $0 == " " }
            if afterKey.first == "：" {
                let column = line.distance(from: line.startIndex, to: afterKey.startIndex) + 1
                found.append(.error(.yamlFullWidthColon, String(key), at: at(column)))
            }
        }
        return found
    }

    /// The quote of a value that opens on this line and does not close on it (`key: "説明`), if any.
    static func quoteLeftOpen(_ rest: Substring) -> Character? {
        guard let colon = rest.range(of: ": ") ?? rest.range(of: ":\t") else { return nil }
        let value = rest[colon.upperBound...].drop { $0 == " " || $0 == "\t" }
        guard let quote = value.first, quote == "\"" || quote == "'" else { return nil }
        return closes(value.dropFirst(), quote: quote) ? nil : quote
    }

    /// Whether `text` holds the quote that ends a quoted text: `"` not after a backslash; `'` not doubled.
    static func closes(_ text: Substring, quote: Character) -> Bool {
        var previous: Character?
        var characters = text.makeIterator()
        while let character = characters.next() {
            if character == quote {
                if quote == "\"", previous != "\\" { return true }
                if quote == "'" {
                    guard let next = characters.next() else { return true }
                    if next != "'" { return true }
                    previous = next
                    continue
                }
            }
            previous = previous == "\\" && character == "\\" ? nil : character
        }
        return false
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
