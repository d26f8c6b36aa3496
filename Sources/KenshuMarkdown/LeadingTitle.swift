import KenshuCore

/// The `# 題名` that opens a page written for mdBook, GitHub or MkDocs, which name a page by its first
/// heading rather than by front matter.
///
/// Without front matter, the heading becomes the page's title and leaves the body (with a warning that
/// says how to write front matter); with front matter whose title says the same, the heading stays (links
/// may point at its id) and a warning says the page shows its title twice.
public enum LeadingTitle {
    /// The first line of `body` when it is an ATX level-1 heading (after blank lines): its plain text, the line
    /// as written (for the page to render as its title), the body after it, and how many lines were taken.
    /// `nil` when the body starts otherwise.
    public static func take(from body: String) -> (title: String, line: String, rest: String, lines: Int)? {
        var rest = Substring(body)
        var lines = 0
        while !rest.isEmpty {
            // The last line may have no line break after it (a file of one heading).
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let line = rest[..<end]
            rest = end == rest.endIndex ? rest[end...] : rest[rest.utf8.index(after: end)...]
            lines += 1
            if line.trimmingBlanks().isEmpty { continue }
            guard line.hasPrefix("# ") || line.hasPrefix("#\t") else { return nil }
            let title = plainText(ofHeading: String(line))
            return title.isEmpty ? nil : (title, String(line), String(rest), lines)
        }
        return nil
    }

    /// The text of a one-line Markdown heading without its markup (`# **重要**な話` → `重要な話`), as
    /// heading ids are made from it.
    static func plainText(ofHeading line: String) -> String {
        let document = CMarkDocument(line)
        guard let heading = document.document.firstChild, heading.kind == .heading, heading.headingLevel == 1 else { return "" }
        _ = ExplicitHeadingID.take(from: heading)  // `# はじめに {#intro}` is titled はじめに
        return heading.plainText(includingHTML: false).trimmingBlanks()
    }
}
