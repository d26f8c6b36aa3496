/// The pieces of a URL as written in a page, shared by the Markdown stage and the link checker.
public enum URLParts {
    /// Whether the URL starts with a scheme (`https:`, `mailto:`); one-letter "schemes" are Windows drives.
    public static func hasScheme(_ url: String) -> Bool {
        // A scheme starts with an ASCII letter: `../x`, `#y` and Japanese names are answered from one byte.
        guard let byte = url.utf8.first, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") else { return false }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter, scheme.count >= 2 else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// The path without query, and the decoded (NFC) fragment, of a relative URL.
    public static func split(_ url: String) -> (path: Substring, fragment: String?) {
        // By bytes, as a browser splits: a `#` or `?` is found even before a combining mark, and
        // no grapheme breaking is done for every link of the site.
        var rest = Substring(url)
        var fragment: String?
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = PercentEncoding.decode(String(rest[rest.utf8.index(after: hash)...]))
            rest = rest[..<hash]
        }
        if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<question] }
        return (rest, fragment)
    }
}
