/// Which lines of a Markdown body are code, for the checks that read lines rather than the tree
/// (``LinkTypos``, ``WikiLinks``): a fence line, a line inside a fence, or an indented line.
enum CodeLines {
    /// Whether `rawLine` is code; `fence` carries the open fence (its backticks or tildes) from line to line.
    static func isCode(_ rawLine: Substring, fence: inout Substring?) -> Bool {
        let trimmed = rawLine.drop { $0 == " " }
        if let open = fence {
            if trimmed.hasPrefix(open) { fence = nil }
            return true
        }
        if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
            fence = trimmed.prefix { $0 == "`" || $0 == "~" }
            return true
        }
        return rawLine.hasPrefix("    ") || rawLine.hasPrefix("\t")
    }
}
