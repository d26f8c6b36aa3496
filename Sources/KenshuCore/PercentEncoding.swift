import Foundation

/// Percent-encoding of URL parts, so Japanese file names and heading ids survive every browser and file share.
public enum PercentEncoding {
    private static let segmentAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/;?#")
        return set
    }()

    private static let fragmentAllowed: CharacterSet = {
        var set = CharacterSet.urlFragmentAllowed
        set.remove(charactersIn: "#")
        return set
    }()

    public static func encodePathSegment(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? segment
    }

    public static func encodeFragment(_ fragment: String) -> String {
        fragment.addingPercentEncoding(withAllowedCharacters: fragmentAllowed) ?? fragment
    }

    /// Decodes `%XX` sequences and normalises to NFC; malformed sequences are kept as they are.
    public static func decode(_ text: String) -> String {
        (text.removingPercentEncoding ?? text).precomposedStringWithCanonicalMapping
    }
}
