/// URL escaping for `href` and `src`, byte for byte as libcmark's renderer does it.
enum HrefEscaping {
    /// Characters kept as they are: alphanumerics and `-_.+!*'(),%#@?=;:/,+&$~`.
    private static let safe: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
        for char in "-_.+!*'(),%#@?=;:/,+&$~".utf8 { table[Int(char)] = true }
        return table
    }()

    static func escape(_ url: String) -> String {
        // Most hrefs need nothing escaped: hand them back without building a new string.
        if url.utf8.allSatisfy({ $0 < 128 && safe[Int($0)] && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "'") }) { return url }
        var out: [UInt8] = []
        out.reserveCapacity(url.utf8.count + 16)
        for byte in url.utf8 {
            if byte < 128, safe[Int(byte)] {
                switch byte {
                case UInt8(ascii: "&"): out += "&amp;".utf8
                case UInt8(ascii: "'"): out += "&#x27;".utf8
                default: out.append(byte)
                }
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0x0F))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `0`–`9`, `A`–`F`.
    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10 }
}
