import KenshuCore

/// Paragraphs that are another tool's block syntax, which CommonMark leaves as text: a table-of-contents
/// marker (`[TOC]`, `[[_TOC_]]`, `${toc}`) and a `:::note` / `:::message` container (Zenn, Qiita,
/// Docusaurus, VitePress). Material brought from those tools gets a located word instead of stray text.
enum ForeignBlockSyntax {
    enum Finding: Equatable {
        /// A table-of-contents marker, as written: the paragraph is left out.
        case tocMarker(String)
        /// `:::name`: the container's name (`note`, `message`, `details`); the text stays.
        case container(String)
        /// `$$ … $$`: a LaTeX formula (Obsidian, Typora, Zenn, Qiita), which no one typesets offline.
        case math
    }

    static let tocMarkers: Set<String> = ["[toc]", "[[_toc_]]", "${toc}", "[[toc]]", "{:toc}", "[_toc_]", "{{toc}}", "{{>toc}}", "{{<toc}}"]

    /// What `paragraph` is, or `nil` for an ordinary one. Looks only at paragraphs that start with `[`, `$`, `{` or `:`.
    static func find(in paragraph: MarkdownNode, plainText: (MarkdownNode) -> String) -> Finding? {
        guard let first = paragraph.firstChild, first.kind == .text, let lead = first.literal.utf8.first,
              lead == UInt8(ascii: "[") || lead == UInt8(ascii: "$") || lead == UInt8(ascii: "{") || lead == UInt8(ascii: ":") else { return nil }
        if lead == UInt8(ascii: ":") {
            let line = first.literal
            guard line.hasPrefix(":::") else { return nil }
            // VuePress and markdown-it write a blank after the colons (`::: tip 題`).
            let name = line.drop { $0 == ":" }.drop { $0 == " " }.prefix { $0.isLetter || $0 == "-" || $0 == "_" }
            return name.isEmpty ? nil : .container(String(name))
        }
        if lead == UInt8(ascii: "$"), first.literal.hasPrefix("$$") { return .math }
        let text = plainText(paragraph).trimmingBlanks()
        return tocMarkers.contains(text.lowercased()) ? .tocMarker(text) : nil
    }
}
