extension String {
    /// The UTF-8 offsets of the first exact (byte for byte) occurrence of `needle` at or after `offset`.
    ///
    /// For markup Kenshu wrote itself, where Foundation's `range(of:)` (canonical comparison through
    /// UTF-16 on Linux) does far more work than needed.
    public func utf8Range(of needle: String, from offset: Int = 0) -> Range<Int>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return offset..<offset }
        var text = self
        return text.withUTF8 { bytes -> Range<Int>? in
            guard bytes.count >= pattern.count else { return nil }
            var index = max(0, offset)
            let last = bytes.count - pattern.count
            while index <= last {
                guard let found = bytes[index...last].firstIndex(of: first) else { return nil }
                var matched = true
                for (position, byte) in pattern.enumerated().dropFirst() where bytes[found + position] != byte {
                    matched = false
                    break
                }
                if matched { return found..<(found + pattern.count) }
                index = found + 1
            }
            return nil
        }
    }

    /// This string with the bytes at UTF-8 offsets `range` replaced by `replacement`; `range` must come from this string
    /// and fall on character boundaries (as ``utf8Range(of:from:)`` ranges of valid UTF-8 needles do).
    public func replacingUTF8(_ range: Range<Int>, with replacement: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count - range.count + replacement.utf8.count)
        let view = utf8
        bytes.append(contentsOf: view[view.startIndex..<view.index(view.startIndex, offsetBy: range.lowerBound)])
        bytes.append(contentsOf: replacement.utf8)
        bytes.append(contentsOf: view[view.index(view.startIndex, offsetBy: range.upperBound)...])
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension StringProtocol {
    /// `hasPrefix` by UTF-8 bytes: a URL's `/`, `#` or `:` counts even when a combining mark follows it,
    /// as in a browser (`String.hasPrefix` compares whole characters).
    @inlinable
    public func hasUTF8Prefix(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    /// `hasSuffix` by UTF-8 bytes (see ``hasUTF8Prefix(_:)``).
    @inlinable
    public func hasUTF8Suffix(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && utf8.reversed().starts(with: suffix.utf8.reversed())
    }
}

extension String {
    /// Every exact (byte for byte) occurrence of `needle` replaced by `replacement`, left to right, as
    /// Foundation's `replacingOccurrences(of:with:)` does for text Kenshu itself fills in (`{n}` in the
    /// theme's words), without its lookups through UTF-16.
    public func replacingUTF8Occurrences(of needle: String, with replacement: String) -> String {
        guard !needle.isEmpty, var found = utf8Range(of: needle) else { return self }
        var pieces: [Substring] = []
        let view = utf8
        var copied = view.startIndex
        while true {
            let start = view.index(view.startIndex, offsetBy: found.lowerBound)
            pieces.append(self[copied..<start])
            copied = view.index(view.startIndex, offsetBy: found.upperBound)
            guard let next = utf8Range(of: needle, from: found.upperBound) else { break }
            found = next
        }
        pieces.append(self[copied...])
        return pieces.joined(separator: replacement)
    }
}
