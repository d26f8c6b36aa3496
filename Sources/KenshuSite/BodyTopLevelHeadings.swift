import KenshuCore
import KenshuMarkdown

/// The theme writes a page's title as its one `<h1>`; a `# heading` in the body becomes a second one.
/// Material written for GitHub, or converted from Word by pandoc, uses `#` for its sections, and a
/// screen reader's list of main headings then mixes the page with its parts (JIS X 8341-3, WCAG 1.3.1).
enum BodyTopLevelHeadings {
    /// One warning at the first body heading of level 1, counting the others; the heading that repeats
    /// the title is left to K3010.
    static func warning(_ headings: [Heading], title: String) -> Diagnostic? {
        var topLevel = headings.filter { $0.level == 1 }
        if let first = topLevel.first, first.text == title, headings.first == first { topLevel.removeFirst() }
        guard let first = topLevel.first else { return nil }
        return .warning(.bodyTopLevelHeading, first.text, String(topLevel.count), at: first.location)
    }
}
