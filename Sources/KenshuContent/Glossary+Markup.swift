extension GlossaryTerm {
    /// The first Markdown mark an author wrote in a definition, as written: a link `[text](url)`, an autolink
    /// `<https://…>`, `**bold**` or `` `code` ``. A definition is shown as text (on the glossary page and in the
    /// pages' tooltips), so these would show their brackets and stars; `nil` when there is none.
    static func markupWritten(_ definition: String) -> String? {
        var found: [(start: String.Index, written: Substring)] = []
        if let middle = definition.range(of: "]("), let open = definition[..<middle.lowerBound].lastIndex(of: "["),
           let close = definition[middle.upperBound...].firstIndex(of: ")") {
            found.append((open, definition[open...close]))
        }
        for scheme in ["<https://", "<http://"] {
            if let open = definition.range(of: scheme), let close = definition[open.upperBound...].firstIndex(of: ">") {
                found.append((open.lowerBound, definition[open.lowerBound...close]))
            }
        }
        for mark in ["**", "`"] {
            if let open = definition.range(of: mark), let close = definition[open.upperBound...].range(of: mark),
               close.lowerBound > open.upperBound {
                found.append((open.lowerBound, definition[open.lowerBound..<close.upperBound]))
            }
        }
        guard let first = found.min(by: { $0.start < $1.start })?.written else { return nil }
        return first.count > 40 ? String(first.prefix(40)) + "\u{2026}" : String(first)
    }
}
