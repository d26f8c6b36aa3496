/// GFM's extended autolinks in plain text: `www.` domains, `http://`, `https://` and `ftp://`
/// URLs, and e-mail addresses, with GFM's rules for where they start and which trailing
/// punctuation is left outside. One deliberate difference: a URL also ends at Japanese punctuation
/// and full-width forms (`、。「」（）`, U+3000–U+303F and U+FF00–U+FFEF), which Japanese text puts
/// right after a URL without a space and which no URL contains unencoded.
enum ExtendedAutolinks {
    struct Match: Equatable {
        var range: Range<Int>
        var url: String
    }

    /// Every autolink in `text` (UTF-8 bytes), in order.
    static func find(in text: [UInt8]) -> [Match] {
        var matches: [Match] = []
        var i = 0
        while i < text.count {
            if let match = www(text, at: i) ?? url(text, at: i) ?? email(text, at: i) {
                matches.append(match)
                i = match.range.upperBound
            } else {
                i += 1
            }
        }
        return matches
    }

    /// Quick test before any work: only text with one of these can hold an autolink.
    static func mayContain(_ text: [UInt8]) -> Bool {
        var previous: UInt8 = 0
        for byte in text {
            // `://`, `www.` and `a@b` all have one of these pairs.
            if byte == UInt8(ascii: "/") && previous == UInt8(ascii: ":") || byte == UInt8(ascii: ".") && previous == UInt8(ascii: "w")
                || byte == UInt8(ascii: "@") { return true }
            previous = byte
        }
        return false
    }

    // MARK: - Kinds

    private static func www(_ text: [UInt8], at start: Int) -> Match? {
        guard text[start] == UInt8(ascii: "w"), start + 4 <= text.count, Array(text[start..<start + 4]) == Array("www.".utf8) else {
            return nil
        }
        if start > 0 {
            let before = text[start - 1]
            guard isSpace(before) || "*_~([".utf8.contains(before) else { return nil }
        }
        guard let domainEnd = domainEnd(text, from: start, requireDot: true) else { return nil }
        let end = trimmed(text, start: start, end: pathEnd(text, from: domainEnd))
        guard end > start else { return nil }
        return Match(range: start..<end, url: "http://" + string(text[start..<end]))
    }

    private static func url(_ text: [UInt8], at start: Int) -> Match? {
        guard isAlpha(text[start]), start == 0 || !isAlpha(text[start - 1]) else { return nil }
        var schemeEnd = start
        while schemeEnd < text.count, isAlpha(text[schemeEnd]) { schemeEnd += 1 }
        let scheme = string(text[start..<schemeEnd]).lowercased()
        guard ["http", "https", "ftp"].contains(scheme), schemeEnd + 3 < text.count,
              Array(text[schemeEnd..<schemeEnd + 3]) == Array("://".utf8), isAlphanumeric(text[schemeEnd + 3]),
              let domainEnd = domainEnd(text, from: schemeEnd + 3, requireDot: false) else { return nil }
        let end = trimmed(text, start: start, end: pathEnd(text, from: domainEnd))
        guard end > schemeEnd + 3 else { return nil }
        return Match(range: start..<end, url: string(text[start..<end]))
    }

    private static func email(_ text: [UInt8], at start: Int) -> Match? {
        guard isLocalPart(text[start]), start == 0 || !isLocalPart(text[start - 1]) && text[start - 1] != UInt8(ascii: "/") else {
            return nil
        }
        var at = start
        while at < text.count, isLocalPart(text[at]) { at += 1 }
        guard at < text.count, text[at] == UInt8(ascii: "@"), at > start else { return nil }
        var end = at + 1, dots = 0
        while end < text.count {
            let byte = text[end]
            if isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                end += 1
            } else if byte == UInt8(ascii: "."), end + 1 < text.count, isAlphanumeric(text[end + 1]) || "-_".utf8.contains(text[end + 1]) {
                dots += 1
                end += 1
            } else {
                break
            }
        }
        guard dots > 0, end > at + 1, isAlpha(text[end - 1]) else { return nil }
        return Match(range: start..<end, url: "mailto:" + string(text[start..<end]))
    }

    // MARK: - Pieces

    /// The end of a valid domain starting at `start`: letters, digits, `-`, `_` in dot-separated
    /// segments, no `_` in the last two segments; with `requireDot`, at least one dot.
    private static func domainEnd(_ text: [UInt8], from start: Int, requireDot: Bool) -> Int? {
        var end = start, dots = 0
        var underscores: (last: Int, current: Int) = (0, 0)
        while end < text.count {
            let byte = text[end]
            if byte == UInt8(ascii: "_") {
                underscores.current += 1
            } else if byte == UInt8(ascii: ".") {
                guard end + 1 < text.count, isAlphanumeric(text[end + 1]) || "-_".utf8.contains(text[end + 1]) else { break }
                underscores = (underscores.current, 0)
                dots += 1
            } else if !isAlphanumeric(byte) && byte != UInt8(ascii: "-") {
                break
            }
            end += 1
        }
        guard underscores.last == 0, underscores.current == 0, end > start, !requireDot || dots > 0 else { return nil }
        return end
    }

    /// Where the path after the domain ends: at whitespace, or at Japanese punctuation.
    private static func pathEnd(_ text: [UInt8], from start: Int) -> Int {
        var end = start
        while end < text.count, !isSpace(text[end]) {
            // U+3000–U+303F are E3 80 80–E3 80 BF; U+FF00–U+FFEF are EF BC 80–EF BF AF.
            if end + 2 < text.count, text[end] == 0xE3, text[end + 1] == 0x80 { break }
            if end + 2 < text.count, text[end] == 0xEF, text[end + 1] >= 0xBC, text[end + 1] <= 0xBF { break }
            end += 1
        }
        return end
    }

    /// GFM's path validation: `<` ends the link; trailing `?!.,:*_~` are dropped; a trailing `)`
    /// is dropped while unbalanced; `;` after `&word` drops the entity-like tail.
    private static func trimmed(_ text: [UInt8], start: Int, end: Int) -> Int {
        var end = end
        if let less = text[start..<end].firstIndex(of: UInt8(ascii: "<")) { end = less }
        while end > start {
            let last = text[end - 1]
            if "?!.,:*_~".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ";") {
                var word = end - 2
                while word > start, isAlpha(text[word]) || isDigit(text[word]) { word -= 1 }
                if word < end - 2, word >= start, text[word] == UInt8(ascii: "&") { end = word } else { end -= 1 }
            } else if last == UInt8(ascii: ")") {
                let opening = text[start..<end].filter { $0 == UInt8(ascii: "(") }.count
                let closing = text[start..<end].filter { $0 == UInt8(ascii: ")") }.count
                guard closing > opening else { break }
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    private static func isAlpha(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isAlpha(byte) || isDigit(byte) }
    private static func isLocalPart(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || ".+-_".utf8.contains(byte) }
}
