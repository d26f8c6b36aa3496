/// Decodes `&amp;`, `&#x41;` and the other character references in HTML text and attribute values,
/// following the WHATWG rules (numeric replacements, names without semicolons, attribute exceptions).
public enum CharacterReferences {
    /// Windows-1252 meanings that browsers give to numeric references 0x80–0x9F.
    private static let c1: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    /// - Parameter inAttribute: in attribute values, a name without `;` followed by `=` or an
    ///   alphanumeric stays as written (`?a=1&copy=2` keeps `&copy`).
    public static func decode(_ text: String, inAttribute: Bool) -> String {
        guard text.hasUTF8Byte(UInt8(ascii: "&")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "&" else {
                out.append(scalars[i])
                i += 1
                continue
            }
            if let (replacement, length) = reference(in: scalars, at: i, inAttribute: inAttribute) {
                out.append(contentsOf: replacement.unicodeScalars)
                i += length
            } else {
                out.append("&")
                i += 1
            }
        }
        return String(out)
    }

    /// The replacement and the number of scalars consumed for a reference starting at `start` (`&`).
    private static func reference(in s: [Unicode.Scalar], at start: Int, inAttribute: Bool) -> (String, Int)? {
        var i = start + 1
        guard i < s.count else { return nil }
        if s[i] == "#" {
            i += 1
            var hex = false
            if i < s.count, s[i] == "x" || s[i] == "X" {
                hex = true
                i += 1
            }
            let digitsStart = i
            var value: UInt32 = 0
            while i < s.count, let digit = digitValue(s[i], hex: hex) {
                value = value > 0x10FFFF ? value : value * (hex ? 16 : 10) + digit
                i += 1
            }
            guard i > digitsStart else { return nil }
            if i < s.count, s[i] == ";" { i += 1 }
            return (String(Character(numeric(value))), i - start)
        }
        // Named: the longest name in the table that matches here.
        var best: (String, Int)?
        var name = ""
        var j = i
        while j < s.count, j - i < NamedCharacterReferences.longestName {
            let scalar = s[j]
            guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == ";" else { break }
            name.unicodeScalars.append(scalar)
            j += 1
            if let value = NamedCharacterReferences.table[name] { best = (value, j - start) }
            if scalar == ";" { break }
        }
        guard let (value, length) = best else { return nil }
        let endsWithSemicolon = s[start + length - 1] == ";"
        if inAttribute, !endsWithSemicolon, start + length < s.count {
            let next = s[start + length]
            if next == "=" || next.properties.isAlphabetic || ("0"..."9").contains(next) { return nil }
        }
        return (value, length)
    }

    private static func digitValue(_ scalar: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 48
        case "a"..."f" where hex: scalar.value - 87
        case "A"..."F" where hex: scalar.value - 55
        default: nil
        }
    }

    private static func numeric(_ value: UInt32) -> Unicode.Scalar {
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return "\u{FFFD}" }
        if let mapped = c1[value] { return Unicode.Scalar(mapped)! }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
