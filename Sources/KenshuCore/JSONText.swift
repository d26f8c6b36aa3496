/// JSON string literals written by hand, where JSONSerialization is too slow (source maps and
/// search indexes of 10,000 pages) or too unpredictable (byte-identical exports); also safe inside
/// a classic `<script>` (`<`, U+2028 and U+2029 escaped). The one place these rules live.
public enum JSONText {
    public static func string(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
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
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""): out += #"\""#.utf8
                case UInt8(ascii: "\\"): out += #"\\"#.utf8
                case 0x0A: out += #"\n"#.utf8
                case 0x0D: out += #"\r"#.utf8
                case 0x09: out += #"\t"#.utf8
                case UInt8(ascii: "<"): out += #"\u003c"#.utf8
                case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                    // U+2028 and U+2029 end a line in JavaScript before ES2019.
                    out += (bytes[index + 1] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
                    index += 2
                case ..<0x20: out += "\\u00".utf8 + hexDigits(byte)
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func hexDigits(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
