import Foundation

/// Percent-encoding of URL parts, so Japanese file names and heading ids survive every browser and file share.
public enum PercentEncoding {
    private static let segmentAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        // `:` too: a file named `javascript:x.md` must never become a URL with a scheme.
        set.remove(charactersIn: "/;?#:")
        return set
    }()

    private static let fragmentAllowed: CharacterSet = {
        var set = CharacterSet.urlFragmentAllowed
        set.remove(charactersIn: "#")
        return set
    }()

    /// Which ASCII bytes each set keeps as they are, read from Foundation's sets once; both sets are
    /// ASCII-only, so every other byte is encoded, as `addingPercentEncoding` does.
    private static let segmentBytes = asciiTable(segmentAllowed)
    private static let fragmentBytes = asciiTable(fragmentAllowed)

    private static func asciiTable(_ set: CharacterSet) -> [Bool] {
        (0..<128).map { set.contains(Unicode.Scalar(UInt8($0))) }
    }

    /// `addingPercentEncoding` over the bytes: upper-case hex, as Foundation writes it.
    private static func encode(_ text: String, keeping allowed: [Bool]) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if byte < 0x80, allowed[Int(byte)] {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A path of `/`-separated segments with each segment encoded (`a/b c` → `a/b%20c`).
    public static func encodePath(_ path: String) -> String {
        path.split(separator: "/").map { encodePathSegment(String($0)) }.joined(separator: "/")
    }

    public static func encodePathSegment(_ segment: String) -> String {
        if segment.utf8.allSatisfy(isPlainPathByte) { return segment }
        return encode(segment, keeping: segmentBytes)
    }

    /// Letters, digits and `-._~`: never encoded, so the common ASCII file name skips Foundation.
    private static func isPlainPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    public static func encodeFragment(_ fragment: String) -> String {
        if fragment.utf8.allSatisfy(isPlainPathByte) { return fragment }
        return encode(fragment, keeping: fragmentBytes)
    }

    /// Decodes `%XX` sequences and normalises to NFC; malformed sequences are kept as they are.
    public static func decode(_ text: String) -> String {
        guard text.hasUTF8Byte(UInt8(ascii: "%")) else { return text.nfc }
        return (removingPercentEncoding(text) ?? text).nfc
    }

    /// Foundation's `removingPercentEncoding` over the bytes: `nil` when a `%` is not followed by two
    /// hex digits or the decoded bytes are not UTF-8; a leading byte order mark is dropped, as there.
    public static func removingPercentEncoding(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "%") else {
                out.append(bytes[index])
                index += 1
                continue
            }
            guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else { return nil }
            out.append(high << 4 | low)
            index += 3
        }
        // Foundation decodes the result as UTF-8 data, which drops a leading byte order mark.
        if out.starts(with: [0xEF, 0xBB, 0xBF]) { out.removeFirst(3) }
        return String(validating: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
