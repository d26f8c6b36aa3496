/// JSON string literals written by hand, where JSONSerialization is too slow (source maps and
/// search indexes of 10,000 pages) or too unpredictable (byte-identical exports); also safe inside
/// a classic `<script>` (`<`, U+2028 and U+2029 escaped). The one place these rules live.
public enum JSONText {
    public static func string(_ text: String) -> String {
        // Most text needs no escape: then the literal is the text between quotes, with no bytes
        // copied one at a time and no UTF-8 check of a rebuilt string.
        var text = text
        let plain = text.withUTF8 { firstEscape(in: $0, from: 0) == $0.count }
        if plain { return "\"" + text + "\"" }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal to a byte buffer (large files are written as bytes).
    public static func append(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                // The run up to the next byte that needs an escape, copied at once.
                let stop = firstEscape(in: bytes, from: index)
                if stop > index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<stop])) }
                guard stop < bytes.count else { break }
                let byte = bytes[stop]
                index = stop + 1
                switch byte {
                case UInt8(ascii: "\""): out += #"\""#.utf8
                case UInt8(ascii: "\\"): out += #"\\"#.utf8
                case 0x0A: out += #"\n"#.utf8
                case 0x0D: out += #"\r"#.utf8
                case 0x09: out += #"\t"#.utf8
                case UInt8(ascii: "<"): out += #"\u003c"#.utf8
                case 0xE2:
                    // U+2028 and U+2029 end a line in JavaScript before ES2019 (`firstEscape` stops only there).
                    out += (bytes[index + 1] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
                    index += 2
                default:
                    out += "\\u00".utf8
                    out.append(hexDigit(byte >> 4))
                    out.append(hexDigit(byte & 0x0F))
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The position of the first byte at or after `start` that is written escaped: a control
    /// character, `"`, `\`, `<`, or the first byte of U+2028 or U+2029; `bytes.count` if none.
    private static func firstEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case ..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"): return index
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                return index
            default: index += 1
            }
        }
        return index
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
