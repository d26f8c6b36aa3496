extension HTMLWriter {
    /// Text between a raw `<a …>` and `</a>` the author wrote (sites with `raw_html: true`) is link
    /// text, not prose: later stages must not put a link inside it.
    func noteRawInline(_ literal: String) {
        let tag = literal.lowercased()
        if tag.hasPrefix("<a ") || tag.hasPrefix("<a>") {
            proseBlocked += 1
        } else if tag.hasPrefix("</a"), proseBlocked > 0 {
            proseBlocked -= 1
        }
    }
}
