import Foundation

/// The comparison rules of the CommonMark spec's own runner (`normalize.py`), in short:
/// whitespace between block tags and at line ends does not count, and `<br />` equals `<br>`.
enum HTMLNormaliser {
    /// Removes the heading ids and permalinks that Kenshu adds on purpose.
    static func stripKenshuAdditions(_ html: String) -> String {
        html.replacing(/<a class="permalink" href="[^"]*" aria-label="[^"]*">#<\/a>/, with: "")
            .replacing(/<(h[1-6]) id="[^"]*">/) { "<\($0.1)>" }
    }

    static func normalise(_ html: String) -> String {
        var text = html.replacingOccurrences(of: " />", with: ">").replacingOccurrences(of: "/>", with: ">")
        text = text.replacing(/\s+(?=<\/?(p|li|ul|ol|blockquote|h[1-6]|pre|hr|table|thead|tbody|tr|th|td|div)\b)/, with: "")
        text = text.replacing(/(<\/?(p|li|ul|ol|blockquote|h[1-6]|hr|table|thead|tbody|tr|th|td|div)\b[^>]*>)\s+/) { $0.1 }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
