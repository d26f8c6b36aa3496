/// Escaping for text placed in HTML, shared by the Markdown renderer and the theme.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` exactly as libcmark does, so rendered Markdown matches the spec.
    public static func escape(_ text: String) -> String {
        var contiguous = text
        return contiguous.withUTF8 { bytes in bytes.contains(where: needsEscape) ? escaped(bytes) : nil } ?? text
    }

    /// The same for a substring or other text, through its UTF-8.
    public static func escape(_ text: some StringProtocol) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: needsEscape) else { return String(text) }
        return escaped(utf8)
    }

    private static func escaped(_ utf8: some Sequence<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.underestimatedCount + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
    }
}
