extension String {
    /// Exactly `split(separator: "/", omittingEmptySubsequences: omittingEmpty)`, cut by bytes when
    /// every `/` stands between ASCII bytes (or at an end): only a non-ASCII neighbour (a combining
    /// mark after it, a prepended concatenation mark before it) can make a `/` part of a larger
    /// character. Paths are cut for every link on every page.
    public func slashSegments(omittingEmpty: Bool = true) -> [Substring] {
        // One pass over the string's own bytes, noting where segments start and end.
        let ranges = utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>]? in
            var ranges: [Range<Int>] = []
            var start = 0
            for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "/") {
                if index > 0, bytes[index - 1] >= 0x80 { return nil }
                if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return nil }
                if !(omittingEmpty && index == start) { ranges.append(start..<index) }
                start = index + 1
            }
            if !(omittingEmpty && start == bytes.count) { ranges.append(start..<bytes.count) }
            return ranges
        }
        guard let found = ranges ?? nil else { return split(separator: "/", omittingEmptySubsequences: omittingEmpty) }
        let view = utf8
        return found.map { range in
            self[view.index(view.startIndex, offsetBy: range.lowerBound)..<view.index(view.startIndex, offsetBy: range.upperBound)]
        }
    }
}
