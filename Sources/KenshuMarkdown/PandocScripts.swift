/// Pandoc's superscript and subscript (`m^2^`, `H~2~O`), which CommonMark shows as written: material brought
/// from Pandoc or Quarto gets a located word with the `<sup>`/`<sub>` to write instead of stray marks.
///
/// Only the unambiguous form is found: the marks follow a letter, digit or `)`, and enclose 1 to 10 ASCII
/// letters, digits, `+` or `-` (no blank, as Pandoc requires). So emoticons (`(^_^)`, `(^o^)`), ranges
/// (`5~10分`), `~~strikethrough~~` and `2^10` stay the author's text.
enum PandocScripts {
    /// One run found: UTF-8 offsets of its opening and closing mark, and whether it is a superscript.
    struct Finding: Equatable {
        var open: Int
        var close: Int
        var isSuperscript: Bool

        /// What to write instead, for `bytes` the finding was made in: `<sup>2</sup>`.
        func replacement(in bytes: [UInt8]) -> String {
            let inner = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
            return isSuperscript ? "<sup>\(inner)</sup>" : "<sub>\(inner)</sub>"
        }
    }

    static let maximumLength = 10

    /// The runs in `bytes` (a text node's literal), skipping marks at the offsets in `escaped`.
    static func find(in bytes: [UInt8], escaped: Set<Int> = []) -> [Finding] {
        var found: [Finding] = []
        var index = 1
        while index + 2 < bytes.count {
            let mark = bytes[index]
            guard mark == UInt8(ascii: "^") || mark == UInt8(ascii: "~"), !escaped.contains(index),
                  mayPrecedeMark(bytes[index - 1]), bytes[index - 1] != mark else {
                index += 1
                continue
            }
            var close = index + 1
            while close < bytes.count, close - index - 1 <= maximumLength, isInner(bytes[close]) { close += 1 }
            let length = close - index - 1
            guard close < bytes.count, bytes[close] == mark, (1...maximumLength).contains(length), !escaped.contains(close),
                  close + 1 == bytes.count || bytes[close + 1] != mark else {
                index += 1
                continue
            }
            found.append(Finding(open: index, close: close, isSuperscript: mark == UInt8(ascii: "^")))
            index = close + 1
        }
        return found
    }

    /// Whether a `^`/`~` after `byte` may open a run (also the text scan's hint, so both agree).
    static func mayPrecedeMark(_ byte: UInt8) -> Bool {
        isASCIIAlphanumeric(byte) || byte == UInt8(ascii: ")")
    }

    private static func isInner(_ byte: UInt8) -> Bool {
        isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
