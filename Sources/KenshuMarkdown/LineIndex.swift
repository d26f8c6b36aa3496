/// The byte offsets where each line of a source text starts, for turning cmark's
/// (line, byte column) into an editor's (line, character column) and for re-reading lines.
struct LineIndex {
    let bytes: [UInt8]
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        self.starts = starts
    }

    var count: Int { starts.count }

    /// The byte offset of a 1-based (line, byte column), as libcmark gives positions; `nil` outside the text.
    func offset(line number: Int, byteColumn: Int) -> Int? {
        guard number >= 1, number <= starts.count, byteColumn >= 1 else { return nil }
        let offset = starts[number - 1] + byteColumn - 1
        return offset <= bytes.count ? offset : nil
    }

    /// Line `number` (1-based) without its line break; `nil` past the end.
    func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Substring(String(decoding: bytes[start..<max(start, end)], as: UTF8.self))
    }

    /// The 1-based character column (UTF-16 units, as editors count) of a 1-based byte column.
    ///
    /// Counting continues from the last position asked for on the same line, so a line with
    /// thousands of links is counted once, not once per link (linear time in the line's length).
    func characterColumn(line number: Int, byteColumn: Int) -> Int {
        guard number >= 1, number <= starts.count, byteColumn > 1 else { return byteColumn }
        let start = starts[number - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        var (from, units) = (start, 0)
        if let last = memo.last, last.line == number, last.offset <= end {
            (from, units) = (last.offset, last.units)
        }
        var offset = from
        while offset < end {
            let byte = bytes[offset]
            if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
            offset += 1
        }
        memo.last = (number, end, units)
        return units + 1
    }

    /// The last (line, byte offset, UTF-16 units so far) counted; a reference so that lookups stay non-mutating.
    private let memo = ColumnMemo()
}

/// Holds the last column lookup of one ``LineIndex``; used by one writer on one thread.
private final class ColumnMemo {
    var last: (line: Int, offset: Int, units: Int)?
}
