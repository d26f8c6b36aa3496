/// The pieces of a URL as written in a page, shared by the Markdown stage and the link checker.
public enum URLParts {
    /// Whether the URL starts with a scheme (`https:`, `mailto:`); one-letter "schemes" are Windows drives.
    public static func hasScheme(_ url: String) -> Bool {
        // A scheme starts with an ASCII letter: `../x`, `#y` and Japanese names are answered from one byte.
        // By bytes, as a browser reads it: the `:` ends the scheme even when a combining mark follows it.
        guard let byte = url.utf8.first, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") else { return false }
        guard let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = url.utf8[..<colon]
        guard scheme.count >= 2 else { return false }
        return scheme.allSatisfy { byte in
            let lower = byte | 0x20
            return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
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
