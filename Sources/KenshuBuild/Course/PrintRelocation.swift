#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KenshuCore

/// Moves one page's body HTML into `print.html` at the site root: relative URLs are resolved from
/// the page's folder, and every id (and each reference to one) gets the page's prefix, so that two
/// pages' 「まとめ」 headings stay distinct and `#まとめ` still leads to the right one.
///
/// The attributes are found by a byte scan (`<white space>name="value"`, the white space as ICU's
/// `\s`, Unicode's White_Space), as one pass over the UTF-8; print.html holds
/// every page of the course, so this runs over the whole site's HTML.
enum PrintRelocation {
    static let names: [[UInt8]] = ["href", "src", "id", "for", "aria-describedby", "aria-labelledby", "aria-controls"].map { Array($0.utf8) }

    static func relocate(_ html: String, from page: SitePath, prefix: String) -> String {
        var html = html
        // Where each value to rewrite lies (UTF-8 offsets) and what replaces it; the page is then put
        // together from slices of itself, which need no second UTF-8 check.
        let edits = html.withUTF8 { bytes -> [(range: Range<Int>, text: String)] in
            var edits: [(range: Range<Int>, text: String)] = []
            var copied = 0
            var index = 0
            // Each `="` is looked at once, from its end backwards (one of ``names``, White_Space before it):
            // far fewer places than every byte, and the same attributes in the same order as a scan
            // forwards, since a name and its separator hold no `="` themselves.
            while let equals = nextValueStart(bytes, from: index) {
                index = equals + 2
                guard let name = attributeName(bytes, endingAt: equals, notBefore: copied),
                      let close = bytes[index...].firstIndex(of: UInt8(ascii: "\"")) else { continue }
                let value = String(decoding: bytes[index..<close], as: UTF8.self)
                edits.append((index..<close, rewrite(value, attribute: name, from: page, prefix: prefix)))
                copied = close
                index = close + 1
            }
            return edits
        }
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 16)
        let view = html.utf8
        var copied = view.startIndex
        for edit in edits {
            // Offsets next to `"`, so on scalar boundaries.
            let start = view.index(view.startIndex, offsetBy: edit.range.lowerBound)
            out += html[copied..<start]
            out += edit.text
            copied = view.index(view.startIndex, offsetBy: edit.range.upperBound)
        }
        out += html[copied...]
        return out
    }

    /// The position of the next `="` at or after `start`.
    private static func nextValueStart(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count, let base = bytes.baseAddress {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "=")), bytes.count - index) else { return nil }
            let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") { return position }
            index = position + 1
        }
        return nil
    }

    /// The one of ``names`` that ends just before `end` and has White_Space before it, starting at or
    /// after `floor` (text already rewritten is not looked at again).
    private static func attributeName(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, notBefore floor: Int) -> String? {
        for name in names where end - name.count - 1 >= floor {
            let start = end - name.count
            guard zip(name.indices, name).allSatisfy({ bytes[start + $0] == $1 }), endsWithSeparator(bytes, before: start, notBefore: floor)
            else { continue }
            return String(decoding: name, as: UTF8.self)
        }
        return nil
    }

    /// Whether a White_Space character ends just before `end` (and starts at or after `floor`).
    private static func endsWithSeparator(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int, notBefore floor: Int) -> Bool {
        for length in 1...3 where end - length >= floor {
            if separatorLength(bytes, at: end - length) == length { return true }
        }
        return false
    }

    /// The byte length of the White_Space character at `index` (what ICU's `\s` matches), if it is one.
    static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        switch byte {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2: return index + 1 < bytes.count && (bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0) ? 2 : nil  // U+0085, U+00A0
        case 0xE1, 0xE2, 0xE3:
            guard index + 2 < bytes.count else { return nil }
            let scalar = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
            switch scalar {
            case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return 3
            default: return nil
            }
        default: return nil
        }
    }

    static func rewrite(_ value: String, attribute: String, from page: SitePath, prefix: String) -> String {
        switch attribute {
        case "href", "src":
            if value.hasUTF8Prefix("#") { return value.utf8.count > 1 ? "#" + prefix + "-" + Substring(value.utf8.dropFirst()) : value }
            return resolve(value, from: page)
        default:
            return value.split(separator: " ").map { prefix + "-" + $0 }.joined(separator: " ")
        }
    }

    /// `value` (relative to `page`'s folder) as a URL relative to the site root; others unchanged.
    static func resolve(_ value: String, from page: SitePath) -> String {
        if value.isEmpty || value.hasUTF8Prefix("/") { return value }
        // A scheme: a `:` before any `/` or `#` (bytes, as a browser reads them).
        if let colon = value.utf8.firstIndex(of: UInt8(ascii: ":")),
           !value.utf8[..<colon].contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "#") }) { return value }
        var parts = page.components.dropLast().map { PercentEncoding.encodePathSegment(String($0)) }
        var rest = Substring(value)
        while rest.hasUTF8Prefix("../") || rest.hasUTF8Prefix("./") {
            if rest.hasUTF8Prefix("../") {
                if !parts.isEmpty { parts.removeLast() }
                rest = Substring(rest.utf8.dropFirst(3))
            } else {
                rest = Substring(rest.utf8.dropFirst(2))
            }
        }
        return (parts + [String(rest)]).joined(separator: "/")
    }
}
