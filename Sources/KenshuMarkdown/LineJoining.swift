/// Japanese is written without spaces, but browsers show a line break inside a paragraph as one.
/// A soft break between two Japanese characters is therefore dropped, so that wrapped source
/// lines read as one sentence (as Japanese authors expect from their editors' previews).
enum LineJoining {
    static func joinsWithoutSpace(_ softBreak: MarkdownNode) -> Bool {
        guard let before = lastScalar(before: softBreak), let after = firstScalar(after: softBreak) else { return false }
        return isWide(before) && isWide(after)
    }

    /// Han, kana, CJK punctuation and full-width forms: characters that sit side by side without spaces.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xF900...0xFAFF, 0xFF01...0xFF60, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }

    private static func lastScalar(before node: MarkdownNode) -> Unicode.Scalar? {
        guard let previous = node.previous, previous.kind == .text || previous.kind == .code else { return nil }
        return previous.literal.unicodeScalars.last
    }

    private static func firstScalar(after node: MarkdownNode) -> Unicode.Scalar? {
        guard let next = node.next, next.kind == .text || next.kind == .code else { return nil }
        return next.literal.unicodeScalars.first
    }
}
