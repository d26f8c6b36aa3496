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
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 16)
            var copied = 0
            var index = 0
            while index < bytes.count {
                guard let spaceLength = separatorLength(bytes, at: index),
                      let (name, valueStart, valueEnd) = attribute(bytes, at: index + spaceLength)
                else {
                    index += 1
                    continue
                }
                out.append(contentsOf: bytes[copied..<valueStart])
                let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                out.append(contentsOf: rewrite(value, attribute: name, from: page, prefix: prefix).utf8)
                copied = valueEnd
                index = valueEnd + 1
            }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `name="value"` at `start` with one of ``names``: the name and the value's byte range.
    private static func attribute(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (String, Int, Int)? {
        for name in names where bytes.count - start >= name.count + 2 {
            guard bytes[start] == name[0], zip(name.indices, name).allSatisfy({ bytes[start + $0] == $1 }),
                  bytes[start + name.count] == UInt8(ascii: "="), bytes[start + name.count + 1] == UInt8(ascii: "\"")
            else { continue }
            let valueStart = start + name.count + 2
            guard let close = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            return (String(decoding: name, as: UTF8.self), valueStart, close)
        }
        return nil
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
            if value.hasPrefix("#") { return value.count > 1 ? "#" + prefix + "-" + value.dropFirst() : value }
            return resolve(value, from: page)
        default:
            return value.split(separator: " ").map { prefix + "-" + $0 }.joined(separator: " ")
        }
    }

    /// `value` (relative to `page`'s folder) as a URL relative to the site root; others unchanged.
    static func resolve(_ value: String, from page: SitePath) -> String {
        if value.isEmpty || value.hasPrefix("/") || value.hasPrefix("//") { return value }
        if let colon = value.firstIndex(of: ":"), !value[..<colon].contains("/"), !value[..<colon].contains("#") { return value }
        var parts = page.components.dropLast().map { PercentEncoding.encodePathSegment(String($0)) }
        var rest = Substring(value)
        while rest.hasPrefix("../") || rest.hasPrefix("./") {
            if rest.hasPrefix("../") {
                if !parts.isEmpty { parts.removeLast() }
                rest = rest.dropFirst(3)
            } else {
                rest = rest.dropFirst(2)
            }
        }
        return (parts + [String(rest)]).joined(separator: "/")
    }
}
