import KenshuCore

/// GFM pipe tables, found in the source lines of a paragraph and rendered cell by cell
/// through libcmark, so cells hold the same inline Markdown as everywhere else.
extension HTMLWriter {
    /// Renders `paragraph` as a table (with any lines before the header as a paragraph) and returns `true`,
    /// or returns `false` when the paragraph holds no table.
    func renderTableIfAny(_ paragraph: MarkdownNode) -> Bool {
        let first = paragraph.startLine, last = paragraph.endLine
        guard first >= 1, last <= lines.count, last > first else { return false }
        containerWidth = paragraph.startColumn - 1
        let body = stripContainerPrefixes((first...last).compactMap { lines.line($0) }, column: paragraph.startColumn)
        let table: PipeTable
        if body.contains(where: { $0.contains("|") }), let pipes = PipeTable.find(in: body) {
            table = pipes
            // Pandoc's caption `: 説明` on the table's last line: GFM reads it as one more row.
            if let caption = body.last, !caption.contains("|"),
               let written = ForeignBlockSyntax.definitionLine(caption.trimmingBlanks()) {
                diagnostics.append(.warning(.otherToolSyntax, written, "Pandoc", at: location(line: last, column: paragraph.startColumn)))
            }
        } else if let tabs = TabSeparatedTable.find(in: body) {
            table = tabs
            diagnostics.append(.warning(.tabSeparatedTable, TabSeparatedTable.pipeSpelling(of: tabs), at: location(line: first, column: paragraph.startColumn)))
        } else {
            return false
        }
        // Search indexes the words before the table and in its cells (as written on the page, variables
        // filled), not the pipes and the delimiter row.
        var searchLines: [String] = []
        defer { searchOverrides[paragraph] = searchLines.joined(separator: "\n") }

        if table.headerLineIndex > 0 {
            let text = body[0..<table.headerLineIndex].joined(separator: "\n")
            newline()
            out += "<p>"
            searchLines.append(renderInline(text, line: first, column: paragraph.startColumn))
            out += "</p>\n"
        }
        let headerLine = first + table.headerLineIndex
        newline()
        out += "<table>\n<thead>\n<tr>\n"
        searchLines.append(table.header.enumerated().map { index, cell in
            renderCell(cell, tag: "th", alignment: table.alignments[index], line: headerLine)
        }.filter { !$0.isEmpty }.joined(separator: " "))
        out += "</tr>\n</thead>\n"
        if !table.rows.isEmpty {
            out += "<tbody>\n"
            for (rowIndex, row) in table.rows.enumerated() {
                out += "<tr>\n"
                searchLines.append(row.enumerated().map { index, cell in
                    renderCell(cell, tag: "td", alignment: table.alignments[index], line: headerLine + 2 + rowIndex)
                }.filter { !$0.isEmpty }.joined(separator: " "))
                out += "</tr>\n"
            }
            out += "</tbody>\n"
        }
        out += "</table>\n"
        return true
    }

    /// Writes a cell and returns its plain text, for search.
    private func renderCell(_ cell: PipeTable.Cell, tag: String, alignment: PipeTable.Alignment?, line: Int) -> String {
        out += "<\(tag)"
        if let alignment { out += " style=\"text-align: \(alignment.rawValue)\"" }
        out += ">"
        let text = renderInline(cell.text, line: line, column: cell.column + containerWidth)
        out += "</\(tag)>\n"
        return text
    }

    /// Renders `text` as inline Markdown, recording links at their place in the page's source, and returns
    /// its plain text as the page shows it (variables filled, markup and raw HTML left out).
    @discardableResult
    func renderInline(_ text: String, line: Int, column: Int) -> String {
        guard !text.isEmpty else { return "" }
        var plain = ""
        atSourcePosition(line: line, column: column) {
            var document = CMarkDocument(text)
            if let block = document.document.firstChild, block.kind == .htmlBlock, block.next == nil {
                // A cell holding only a tag (`<img src="x.svg"/>`) is read as an HTML block; it is inline here.
                var literal = block.literal
                while literal.hasSuffix("\n") { literal.removeLast() }
                renderRawHTML(literal, at: block)
                return
            }
            if !Self.isSingleParagraph(document.document) {
                document = CMarkDocument(Self.escapeBlockStart(text))
            }
            applyExtensions(to: document.document)
            guard let paragraph = document.document.firstChild, paragraph.kind == .paragraph else {
                out += HTMLEscaping.escape(text)
                plain = text
                return
            }
            plain = plainText(of: paragraph, includingHTML: false)
            var child = paragraph.firstChild
            while let node = child {
                render(node)
                child = node.next
            }
        }
        return plain
    }

    private static func isSingleParagraph(_ document: MarkdownNode) -> Bool {
        guard let first = document.firstChild else { return false }
        return first.kind == .paragraph && first.next == nil
    }

    /// Keeps a cell such as `# 1` or `1. a` from being read as a heading or list: a backslash
    /// before the punctuation that starts a block leaves the same text.
    private static func escapeBlockStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if first.isASCII, first.isPunctuation || first.isSymbol { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = text.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }

    /// Removes the block-quote markers or list indentation in front of each line of a paragraph.
    private func stripContainerPrefixes(_ slice: [Substring], column: Int) -> [Substring] {
        let width = column - 1
        return slice.enumerated().map { index, line in
            var line = line
            if line.hasSuffix("\r") { line = line.dropLast() }
            let bytes = line.utf8
            if width > 0, bytes.count >= width {
                let prefixEnd = bytes.index(bytes.startIndex, offsetBy: width)
                let prefix = line.utf8[bytes.startIndex..<prefixEnd]
                if index == 0 || prefix.allSatisfy({ $0 == 0x20 || $0 == UInt8(ascii: ">") || $0 == 0x09 }) {
                    return Substring(line[prefixEnd...])
                }
            }
            return Substring(line.drop { $0 == " " || $0 == "\t" })
        }
    }
}
