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

    public static func encodePathSegment(_ segment: String) -> String {
        if segment.utf8.allSatisfy(isPlainPathByte) { return segment }
        return segment.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? segment
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
        return fragment.addingPercentEncoding(withAllowedCharacters: fragmentAllowed) ?? fragment
    }

    /// Decodes `%XX` sequences and normalises to NFC; malformed sequences are kept as they are.
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text.nfc }
        return (text.removingPercentEncoding ?? text).nfc
    }
}
