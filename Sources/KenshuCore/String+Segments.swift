extension String {
    /// Exactly `split(separator: "/", omittingEmptySubsequences: omittingEmpty)`, cut by bytes when
    /// every `/` stands between ASCII bytes (or at an end): only a non-ASCII neighbour (a combining
    /// mark after it, a prepended concatenation mark before it) can make a `/` part of a larger
    /// character. Paths are cut for every link on every page.
    public func slashSegments(omittingEmpty: Bool = true) -> [Substring] {
        var previous: UInt8 = 0
        var afterSlash = false
        for byte in utf8 {
            if byte >= 0x80, afterSlash { return split(separator: "/", omittingEmptySubsequences: omittingEmpty) }
            if byte == UInt8(ascii: "/"), previous >= 0x80 { return split(separator: "/", omittingEmptySubsequences: omittingEmpty) }
            afterSlash = byte == UInt8(ascii: "/")
            previous = byte
        }
        return utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }
}
