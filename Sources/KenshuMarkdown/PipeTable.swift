/// A GitHub-style pipe table found in the lines of a paragraph (libcmark 0.30 has no tables).
struct PipeTable: Equatable {
    enum Alignment: String { case left, center, right }

    struct Cell: Equatable {
        /// The cell's Markdown, trimmed, with `\|` turned into `|`.
        var text: String
        /// 1-based UTF-8 column of the cell's text within its line.
        var column: Int
    }

    var header: [Cell]
    var alignments: [Alignment?]
    /// Body rows, each padded or cut to the header's width.
    var rows: [[Cell]]
    /// Index of the header line within the lines searched; lines before it are an ordinary paragraph.
    var headerLineIndex: Int

    /// Finds the first header row + delimiter row in `lines`; every later line is a body row,
    /// as in GFM, where a table ends only with the paragraph.
    static func find(in lines: [Substring]) -> PipeTable? {
        guard lines.count >= 2 else { return nil }
        for index in 1..<lines.count {
            guard let alignments = delimiterAlignments(lines[index]) else { continue }
            let header = splitRow(lines[index - 1])
            guard header.count == alignments.count else { continue }
            let rows = lines[(index + 1)...].map { line in
                let cells = splitRow(line)
                return (0..<header.count).map { $0 < cells.count ? cells[$0] : Cell(text: "", column: 1) }
            }
            return PipeTable(header: header, alignments: alignments, rows: rows, headerLineIndex: index - 1)
        }
        return nil
    }

    /// The alignments of a delimiter row such as `| :-- | --: |`, or `nil` when the line is not one.
    static func delimiterAlignments(_ line: Substring) -> [Alignment?]? {
        guard line.contains("|") || line.contains(":") else { return nil }
        let cells = splitRow(line)
        guard !cells.isEmpty else { return nil }
        var result: [Alignment?] = []
        for cell in cells {
            let text = cell.text
            let left = text.hasPrefix(":"), right = text.hasSuffix(":")
            let dashes = text.dropFirst(left ? 1 : 0).dropLast(right && text.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (left, right) {
            case (true, true): result.append(.center)
            case (false, true): result.append(.right)
            case (true, false): result.append(.left)
            case (false, false): result.append(nil)
            }
        }
        return result
    }

    /// Splits a row on unescaped pipes, dropping an optional leading and trailing pipe.
    static func splitRow(_ line: Substring) -> [Cell] {
        let bytes = Array(line.utf8)
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start < end, bytes[start] == UInt8(ascii: "|") { start += 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "|"), !(end - 2 >= start && bytes[end - 2] == UInt8(ascii: "\\")) {
            end -= 1
        }
        var cells: [Cell] = []
        var current: [UInt8] = []
        var cellStart = start
        var i = start
        func finish() {
            var s = 0, e = current.count
            while s < e, current[s] == 0x20 || current[s] == 0x09 { s += 1 }
            while e > s, current[e - 1] == 0x20 || current[e - 1] == 0x09 { e -= 1 }
            cells.append(Cell(text: String(decoding: current[s..<e], as: UTF8.self), column: cellStart + s + 1))
            current = []
        }
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\"), i + 1 < end {
                if bytes[i + 1] == UInt8(ascii: "|") {
                    current.append(UInt8(ascii: "|"))
                } else {
                    current.append(byte)
                    current.append(bytes[i + 1])
                }
                i += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                finish()
                cellStart = i + 1
            } else {
                current.append(byte)
            }
            i += 1
        }
        if start < end || cells.isEmpty { finish() }
        return cells
    }
}
