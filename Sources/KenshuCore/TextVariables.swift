/// `{{name}}` in an author's text, replaced by the value `vars:` in site.yml gives it, so that one
/// course serves every municipality (`{{自治体名}}` → 架空町).
///
/// Names are letters (kana and kanji included), digits, `_`, `-` and `・`, with optional spaces
/// inside the braces. Anything else between double braces (`{{< shortcode >}}`, `{{ page.title }}`)
/// is another tool's syntax and stays text.
public enum TextVariables {
    /// One `{{name}}` in a text.
    public struct Occurrence: Sendable, Equatable {
        public var name: String
        /// UTF-8 offset of the opening braces in the text.
        public var byteOffset: Int
        public var byteLength: Int
    }

    public static func isValidName<S: StringProtocol>(_ name: S) -> Bool {
        !name.isEmpty && name.unicodeScalars.count <= 64 && name.allSatisfy { character in
            character.isLetter || character.isNumber || character == "_" || character == "-" || character == "・"
        }
    }

    /// Whether `text` has two opening braces in a row (most text has none, and is left alone).
    public static func mayContain(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "{") { return true }
            previous = byte
        }
        return false
    }

    /// Every `{{name}}` of `text`, in order.
    public static func occurrences(in text: String) -> [Occurrence] {
        guard mayContain(text) else { return [] }
        let bytes = Array(text.utf8)
        var found: [Occurrence] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            // `{{{name}}}`: the last two opening braces are the variable's.
            var open = index
            while open + 2 < bytes.count, bytes[open + 2] == UInt8(ascii: "{") { open += 1 }
            var close = open + 2
            while close + 1 < bytes.count, !(bytes[close] == UInt8(ascii: "}") && bytes[close + 1] == UInt8(ascii: "}")) {
                if bytes[close] == UInt8(ascii: "{") || bytes[close] == UInt8(ascii: "\n") { break }
                close += 1
            }
            guard close + 1 < bytes.count, bytes[close] == UInt8(ascii: "}"), bytes[close + 1] == UInt8(ascii: "}") else {
                index = open + 2
                continue
            }
            let inner = String(decoding: bytes[(open + 2)..<close], as: UTF8.self)
            let name = inner.trimmingSpaces
            if isValidName(name) {
                found.append(Occurrence(name: name, byteOffset: open, byteLength: close + 2 - open))
            }
            index = close + 2
        }
        return found
    }

    /// Plain text (a front-matter title) with every known name replaced; `\{{name}}` becomes
    /// `{{name}}` as written, the way Markdown text escapes it.
    public static func substitutePlain(_ text: String, values: [String: String]) -> (text: String, unknown: [Occurrence]) {
        let found = occurrences(in: text)
        guard !found.isEmpty else { return (text, []) }
        var bytes = Array(text.utf8)
        var unknown: [Occurrence] = []
        for occurrence in found.reversed() {
            let start = occurrence.byteOffset
            if start > 0, bytes[start - 1] == UInt8(ascii: "\\") {
                bytes.remove(at: start - 1)
            } else if let value = values[occurrence.name] {
                bytes.replaceSubrange(start..<(start + occurrence.byteLength), with: Array(value.utf8))
            } else {
                unknown.insert(occurrence, at: 0)
            }
        }
        return (String(decoding: bytes, as: UTF8.self), unknown)
    }

    /// `text` with every known name replaced, and the occurrences whose name `values` lacks.
    /// - Parameter keeping: byte offsets of occurrences to leave as written (the author escaped their braces).
    public static func substitute(_ text: String, values: [String: String], keeping: Set<Int> = []) -> (text: String, unknown: [Occurrence]) {
        let found = occurrences(in: text).filter { !keeping.contains($0.byteOffset) }
        guard !found.isEmpty else { return (text, []) }
        var bytes = Array(text.utf8)
        var unknown: [Occurrence] = []
        for occurrence in found.reversed() {
            guard let value = values[occurrence.name] else {
                unknown.insert(occurrence, at: 0)
                continue
            }
            bytes.replaceSubrange(occurrence.byteOffset..<(occurrence.byteOffset + occurrence.byteLength), with: Array(value.utf8))
        }
        return (String(decoding: bytes, as: UTF8.self), unknown)
    }
}

extension Diagnostic {
    /// `{{name}}` that `vars:` lacks: an error at `location`, suggesting the closest known name.
    public static func unknownVariable(_ name: String, at location: SourceLocation, known: [String: String]) -> Diagnostic {
        let hint = ClosestMatch.find(name, among: known.keys.sorted()).map { Message(.fixDidYouMean, "{{" + $0 + "}}") }
        return .error(.unknownVariable, name, at: location, fix: hint)
    }
}

extension String {
    /// Without leading and trailing ASCII and ideographic spaces.
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
