import Foundation

/// Rows copied from Excel or another spreadsheet: cells separated by tabs, one row a line. CommonMark
/// joins them into one paragraph, which runs the rows together; Kenshu shows them as the table they
/// were (the first row as its header) and names the pipe-table spelling that other tools also read.
enum TabSeparatedTable {
    /// The table in a paragraph's `lines`, or `nil` unless there are at least two lines, every line holds
    /// a tab, and the first has two cells or more.
    static func find(in lines: [Substring]) -> PipeTable? {
        guard lines.count >= 2, lines.allSatisfy({ $0.utf8.contains(0x09) }) else { return nil }
        let rows = lines.map(cells)
        guard let header = rows.first, header.count >= 2 else { return nil }
        let body = rows.dropFirst().map { row in
            (0..<header.count).map { $0 < row.count ? row[$0] : PipeTable.Cell(text: "", column: 1) }
        }
        return PipeTable(header: header, alignments: Array(repeating: nil, count: header.count), rows: Array(body), headerLineIndex: 0)
    }

    /// The pipe-table lines for `table`'s header (`| 課名 | 職員数 |` and `| --- | --- |`), for the warning.
    static func pipeSpelling(of table: PipeTable) -> String {
        let header = "| " + table.header.map { $0.text.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        return header + "\n|" + String(repeating: " --- |", count: table.header.count)
    }

    /// A line's cells split on tabs, each trimmed of spaces, with its 1-based UTF-8 column.
    private static func cells(_ line: Substring) -> [PipeTable.Cell] {
        var cells: [PipeTable.Cell] = []
        var column = 1
        for piece in line.utf8.split(separator: 0x09, omittingEmptySubsequences: false) {
            let leading = piece.prefix { $0 == 0x20 }.count
            let text = String(decoding: piece.dropFirst(leading), as: UTF8.self)
            var trimmed = Substring(text)
            while trimmed.last == " " { trimmed.removeLast() }
            cells.append(PipeTable.Cell(text: String(trimmed), column: column + leading))
            column += piece.count + 1
        }
        // A trailing tab leaves an empty last cell: the row ends there.
        while cells.count > 1, cells.last?.text.isEmpty == true, line.hasSuffix("\t") { cells.removeLast() }
        return cells
    }
}
