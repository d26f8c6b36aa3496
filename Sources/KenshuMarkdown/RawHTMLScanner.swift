/// Splits raw HTML that an author wrote in Markdown (one inline tag, or an HTML block) into
/// text, tags, comments and other markup, keeping each piece's byte range for escaping it as written.
///
/// Lenient where browsers are lenient, strict where it matters: a tag is a tag only when it is
/// complete (`<` name attributes `>`); anything else starting with `<` is text to be escaped.
enum RawHTMLScanner {
    struct Attribute: Equatable {
        /// Lower-cased, as browsers read it.
        var name: String
        /// With character references decoded; `nil` for a bare attribute (`<details open>`).
        var value: String?
    }

    enum Kind: Equatable {
        case text
        case comment(closed: Bool)
        case startTag(name: String, attributes: [Attribute], selfClosing: Bool)
        case endTag(name: String)
        /// `<!DOCTYPE …>`, `<![CDATA[ … ]]>`, `<? … ?>`: never passed in safe mode.
        case declaration
        /// A `<` that starts no markup.
        case lessThan
    }

    struct Token: Equatable {
        var kind: Kind
        var range: Range<Int>
    }

    static func tokens(_ html: String) -> [Token] {
        let bytes = Array(html.utf8)
        var tokens: [Token] = []
        var textStart = 0
        var i = 0
        func flushText(_ end: Int) {
            if end > textStart { tokens.append(Token(kind: .text, range: textStart..<end)) }
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            flushText(i)
            let token = markup(bytes, at: i)
            tokens.append(token)
            i = token.range.upperBound
            textStart = i
        }
        flushText(bytes.count)
        return tokens
    }

    // MARK: - Markup

    private static func markup(_ b: [UInt8], at start: Int) -> Token {
        let next = start + 1 < b.count ? b[start + 1] : 0
        if hasPrefix(b, at: start, "<!--") {
            let bodyStart = start + 4
            // `<!-->` and `<!--->` are empty comments, as in browsers.
            if hasPrefix(b, at: bodyStart, ">") { return Token(kind: .comment(closed: true), range: start..<(bodyStart + 1)) }
            if hasPrefix(b, at: bodyStart, "->") { return Token(kind: .comment(closed: true), range: start..<(bodyStart + 2)) }
            var j = bodyStart
            while j < b.count {
                if hasPrefix(b, at: j, "-->") { return Token(kind: .comment(closed: true), range: start..<(j + 3)) }
                if hasPrefix(b, at: j, "--!>") { return Token(kind: .comment(closed: true), range: start..<(j + 4)) }
                j += 1
            }
            return Token(kind: .comment(closed: false), range: start..<b.count)
        }
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            let terminator = hasPrefix(b, at: start, "<![CDATA[") ? Array("]]>".utf8) : [UInt8(ascii: ">")]
            var j = start + 2
            while j < b.count, !hasPrefix(b, at: j, terminator) { j += 1 }
            return Token(kind: .declaration, range: start..<min(b.count, j + terminator.count))
        }
        if next == UInt8(ascii: "/"), start + 2 < b.count, isAlpha(b[start + 2]) {
            var j = start + 2
            while j < b.count, isNameByte(b[j]) { j += 1 }
            let name = lowercased(b[(start + 2)..<j])
            while j < b.count, isSpace(b[j]) { j += 1 }
            guard j < b.count, b[j] == UInt8(ascii: ">") else { return Token(kind: .lessThan, range: start..<(start + 1)) }
            return Token(kind: .endTag(name: name), range: start..<(j + 1))
        }
        if isAlpha(next) { return startTag(b, at: start) ?? Token(kind: .lessThan, range: start..<(start + 1)) }
        return Token(kind: .lessThan, range: start..<(start + 1))
    }

    private static func startTag(_ b: [UInt8], at start: Int) -> Token? {
        var j = start + 1
        while j < b.count, isNameByte(b[j]) { j += 1 }
        let name = lowercased(b[(start + 1)..<j])
        var attributes: [Attribute] = []
        while true {
            let beforeSpace = j
            while j < b.count, isSpace(b[j]) { j += 1 }
            guard j < b.count else { return nil }
            if b[j] == UInt8(ascii: ">") {
                return Token(kind: .startTag(name: name, attributes: attributes, selfClosing: false), range: start..<(j + 1))
            }
            if b[j] == UInt8(ascii: "/"), j + 1 < b.count, b[j + 1] == UInt8(ascii: ">") {
                return Token(kind: .startTag(name: name, attributes: attributes, selfClosing: true), range: start..<(j + 2))
            }
            // Attributes are separated by whitespace: `<a href="x"onclick=…>` is not a tag we pass.
            guard j > beforeSpace else { return nil }
            let nameStart = j
            while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: "/"), b[j] != UInt8(ascii: ">"), b[j] != UInt8(ascii: "=") { j += 1 }
            guard j > nameStart else { return nil }
            let attributeName = lowercased(b[nameStart..<j])
            var k = j
            while k < b.count, isSpace(b[k]) { k += 1 }
            var value: String?
            if k < b.count, b[k] == UInt8(ascii: "=") {
                k += 1
                while k < b.count, isSpace(b[k]) { k += 1 }
                guard k < b.count else { return nil }
                let valueStart: Int, valueEnd: Int
                if b[k] == UInt8(ascii: "\"") || b[k] == UInt8(ascii: "'") {
                    let quote = b[k]
                    valueStart = k + 1
                    var e = valueStart
                    while e < b.count, b[e] != quote { e += 1 }
                    guard e < b.count else { return nil }
                    valueEnd = e
                    j = e + 1
                } else {
                    valueStart = k
                    var e = k
                    while e < b.count, !isSpace(b[e]), b[e] != UInt8(ascii: ">") { e += 1 }
                    valueEnd = e
                    j = e
                }
                value = CharacterReferences.decode(String(decoding: b[valueStart..<valueEnd], as: UTF8.self), inAttribute: true)
            }
            attributes.append(Attribute(name: attributeName, value: value))
        }
    }

    // MARK: - Bytes

    private static func hasPrefix(_ b: [UInt8], at i: Int, _ text: String) -> Bool { hasPrefix(b, at: i, Array(text.utf8)) }

    private static func hasPrefix(_ b: [UInt8], at i: Int, _ prefix: [UInt8]) -> Bool {
        guard i + prefix.count <= b.count else { return false }
        for (offset, byte) in prefix.enumerated() where b[i + offset] != byte { return false }
        return true
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    private static func isAlpha(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
    private static func isNameByte(_ b: UInt8) -> Bool { isAlpha(b) || (0x30...0x39).contains(b) || b == UInt8(ascii: "-") }
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
}

import KenshuCore
