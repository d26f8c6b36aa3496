import Foundation

extension String {
    /// Exactly `trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)`; see the
    /// `Substring` version.
    public func trimmingBlanks(newlines: Bool = false) -> String { self[...].trimmingBlanks(newlines: newlines) }

    /// A superset of the non-ASCII scalars in Foundation's whitespace and newline sets (every scalar
    /// that is or was Unicode category Zs, Zl or Zp, NEL, U+180E, U+200B, U+FEFF).
    public static func mayBeFoundationBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }
}

extension Substring {
    /// Exactly `trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)`, without
    /// NSString's UTF-16 round trip in the usual case.
    ///
    /// ASCII blanks are dropped byte by byte; Foundation is asked only when a scalar left at either
    /// end might be one of its non-ASCII blanks (U+3000, no-break spaces, U+2028…), so the result is
    /// Foundation's to the byte. For the quiz parser's per-line work.
    public func trimmingBlanks(newlines: Bool = false) -> String {
        let bytes = utf8
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || (newlines && byte >= 0x0A && byte <= 0x0D) }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) })
        else { return "" }
        let end = bytes.index(after: last)
        // `first` and `end` border ASCII bytes (or the ends), so both are scalar boundaries.
        if bytes[first] >= 0x80, String.mayBeFoundationBlank(unicodeScalars[first]) {
            return trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
        }
        if bytes[last] >= 0x80, String.mayBeFoundationBlank(unicodeScalars[unicodeScalars.index(before: end)]) {
            return trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
        }
        if first == bytes.startIndex, end == bytes.endIndex { return String(self) }
        return String(decoding: bytes[first..<end], as: UTF8.self)
    }
}
