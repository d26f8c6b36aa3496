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
        var out = ""
        out.reserveCapacity(url.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            if byte < 128, safe[Int(byte)] {
                switch byte {
                case UInt8(ascii: "&"): out += "&amp;"
                case UInt8(ascii: "'"): out += "&#x27;"
                default: out.unicodeScalars.append(Unicode.Scalar(byte))
                }
            } else {
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        return out
    }
}
