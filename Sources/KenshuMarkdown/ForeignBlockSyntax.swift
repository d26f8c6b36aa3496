import KenshuCore

/// Paragraphs that are another tool's block syntax, which CommonMark leaves as text: a table-of-contents
/// marker (`[TOC]`, `[[_TOC_]]`, `${toc}`), a `:::note` / `:::message` container (Zenn, Qiita,
/// Docusaurus, VitePress), a definition list's `: definition` (Pandoc, PHP Markdown Extra, MkDocs) and a
/// grid table (`+---+---+`, Pandoc, reStructuredText). Material brought from those tools gets a located word
/// instead of stray text.
enum ForeignBlockSyntax {
    enum Finding: Equatable {
        /// A table-of-contents marker, as written: the paragraph is left out.
        case tocMarker(String)
        /// `:::name`: the container's name (`note`, `message`, `details`); the text stays.
        case container(String)
        /// `$$ … $$`: a LaTeX formula (Obsidian, Typora, Zenn, Qiita), which no one typesets offline.
        case math
        /// `: definition` opening a paragraph (the term is the paragraph before, a blank line apart): its first line.
        case definition(String)
        /// `+---+---+`: a grid table's first line.
        case gridTable(String)
        /// Another tool's block as written (its first words), and the tool: MkDocs' admonitions (`!!! note`,
        /// `??? tip`), content tabs (`=== "タブ"`), snippets (`--8<--`) and abbreviations (`*[HTML]: …`),
        /// Pandoc's and Quarto's fenced divs (`::: {.callout-note}`) and table captions (`: 説明` beside a table).
        case otherTool(String, tool: String)
    }

    static let tocMarkers: Set<String> = ["[toc]", "[[_toc_]]", "${toc}", "[[toc]]", "{:toc}", "[_toc_]", "{{toc}}", "{{>toc}}", "{{<toc}}"]

    /// What `paragraph` is, or `nil` for an ordinary one. Looks only at paragraphs that start with one of `[$\{:+!?=-*`.
    static func find(in paragraph: MarkdownNode, plainText: (MarkdownNode) -> String) -> Finding? {
        guard let first = paragraph.firstChild, first.kind == .text, let lead = first.literal.utf8.first,
              leads.contains(lead) else { return nil }
        if let found = mkDocsBlock(firstLine(of: paragraph), lead: lead) { return found }
        if lead == UInt8(ascii: "+") {
            return isGridTableBorder(first.literal) && first.next?.kind == .softBreak ? .gridTable(first.literal) : nil
        }
        if lead == UInt8(ascii: ":") {
            if let definition = definitionLine(first) {
                // Pandoc's table caption is `: 説明` just before or after the table.
                let besideTable = [paragraph.previous, paragraph.next].contains { $0.map(startsTableRow) ?? false }
                return besideTable ? .otherTool(definition, tool: "Pandoc") : .definition(definition)
            }
            let line = first.literal
            guard line.hasPrefix(":::") else { return nil }
            // VuePress and markdown-it write a blank after the colons (`::: tip 題`).
            let rest = line.drop { $0 == ":" }.drop { $0 == " " }
            if rest.hasPrefix("{") { return .otherTool(shortened(line), tool: "Pandoc / Quarto") }
            let name = rest.prefix { $0.isLetter || $0 == "-" || $0 == "_" }
            return name.isEmpty ? nil : .container(String(name))
        }
        if lead == UInt8(ascii: "$"), first.literal.hasPrefix("$$") { return .math }
        let text = plainText(paragraph).trimmingBlanks()
        return tocMarkers.contains(text.lowercased()) ? .tocMarker(text) : nil
    }

    private static let leads: Set<UInt8> = Set("[${:+!?=-*".utf8)

    /// MkDocs' (Material's) blocks: `!!! note`, `??? tip`, `???+ tip`, `=== "タブ"`, `--8<-- "file"`, `*[HTML]: …`.
    private static func mkDocsBlock(_ line: String, lead: UInt8) -> Finding? {
        let firstLine = line.prefix { $0 != "\n" }
        func word(after prefix: String) -> Bool {
            // MkDocs' kinds and tab titles: `note`, `"タブ"` (an ASCII letter or a quote).
            firstLine.hasPrefix(prefix) && firstLine.dropFirst(prefix.count).first.map { ($0.isASCII && $0.isLetter) || $0 == "\"" } == true
        }
        switch lead {
        case UInt8(ascii: "!"), UInt8(ascii: "?"):
            guard word(after: "!!! ") || word(after: "??? ") || word(after: "???+ ") else { return nil }
        case UInt8(ascii: "="):
            // MediaWiki's headings are `== 見出し ==`.
            let marks = firstLine.prefix { $0 == "=" }
            if (2...6).contains(marks.count), firstLine.dropFirst(marks.count).first == " ", firstLine.hasSuffix(" " + marks) {
                return .otherTool(shortened(String(firstLine)), tool: "MediaWiki")
            }
            guard word(after: "=== ") else { return nil }
        case UInt8(ascii: "-"):
            guard firstLine.hasPrefix("--8<--") else { return nil }
        case UInt8(ascii: "*"):
            guard firstLine.hasPrefix("*["), let close = firstLine.firstIndex(of: "]"),
                  firstLine[firstLine.index(after: close)...].hasPrefix(": ") else { return nil }
        default:
            return nil
        }
        return .otherTool(shortened(String(firstLine)), tool: "MkDocs")
    }

    /// The paragraph's first line as its text nodes hold it (the `==` highlight's pass may have cut one text in
    /// several), up to its first line break.
    private static func firstLine(of paragraph: MarkdownNode) -> String {
        var line = "", node = paragraph.firstChild
        while let current = node, current.kind == .text {
            line += current.literal
            node = current.next
        }
        return line
    }

    private static func shortened(_ line: String) -> String {
        let first = line.prefix { $0 != "\n" }
        return first.count > 40 ? String(first.prefix(40)) + "\u{2026}" : String(first)
    }

    /// Whether `node` is a paragraph whose first line starts with `|` (a pipe table, made from the paragraph later).
    private static func startsTableRow(_ node: MarkdownNode) -> Bool {
        node.kind == .paragraph && node.firstChild?.literal.utf8.first == UInt8(ascii: "|")
    }

    /// `text`'s line when it is a definition's (`: 説明`, `:   説明`): a colon, a blank, then words. A colon alone,
    /// `:::`, `:warning:` or `: ` with nothing after is not one.
    static func definitionLine(_ text: MarkdownNode) -> String? {
        definitionLine(text.literal)
    }

    /// ``definitionLine(_:)`` of a line as written.
    static func definitionLine(_ line: String) -> String? {
        let bytes = line.utf8
        guard bytes.count > 2, bytes.first == UInt8(ascii: ":"),
              let blank = bytes.dropFirst().first, blank == UInt8(ascii: " ") || blank == UInt8(ascii: "\t"),
              bytes.dropFirst(2).contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return nil }
        return line.count > 40 ? String(line.prefix(40)) + "\u{2026}" : line
    }

    /// A grid table's border line: `+`, then runs of `-`, `=` or `:` each closed by `+` (at least one column).
    static func isGridTableBorder(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes.first == UInt8(ascii: "+"), bytes.last == UInt8(ascii: "+") else { return false }
        var cell = 0
        for byte in bytes.dropFirst() {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: ":"): cell += 1
            case UInt8(ascii: "+"):
                guard cell > 0 else { return false }
                cell = 0
            default: return false
            }
        }
        return true
    }
}
