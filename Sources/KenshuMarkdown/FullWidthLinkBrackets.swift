/// Finds links typed with a Japanese input method's full-width brackets (`［資料］（02-概要.md）`,
/// `[資料]（02-概要.md）`, `[資料](02-概要.md）`), which Markdown leaves as text without a word.
///
/// Only a target that looks like a link (a URL, a `#fragment`, a relative path or a file name with an
/// extension) is reported, so prose such as `［注］（2024年）` stays quiet. The line's characters are
/// read as an editor counts them, for the column.
enum FullWidthLinkBrackets {
    /// One link written with a full-width bracket: where it starts, as written, and as it should be.
    struct Finding: Equatable {
        let column: Int
        let written: String
        let suggested: String
    }

    /// Whether a line's bytes may hold such a link: a `［` or `］`, a `]（`, or a `](` with a `）` after it.
    /// Most lines hold none of these and need no look at their characters.
    static func mayHold<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
        var openedWithASCII = false
        for byte in bytes {
            previous = (previous.1, previous.2, byte)
            switch previous {
            case (0xEF, 0xBC, 0xBB), (0xEF, 0xBC, 0xBD): return true
            case (UInt8(ascii: "]"), 0xEF, 0xBC): return true
            case (0xEF, 0xBC, 0x89) where openedWithASCII: return true
            case (_, UInt8(ascii: "]"), UInt8(ascii: "(")): openedWithASCII = true
            default: break
            }
        }
        return false
    }

    /// Each link in `line` with a full-width bracket, outside code spans.
    static func find(in line: [Character]) -> [Finding] {
        var findings: [Finding] = []
        var inCode = false
        var opening: Int?
        var index = 0
        while index < line.count {
            let character = line[index]
            if character == "`" { inCode.toggle() }
            if inCode {
                index += 1
                continue
            }
            if character == "[" || character == "［" { opening = index }
            let closesText = character == "]" || character == "］"
            guard let open = opening, closesText, index + 1 < line.count, line[index + 1] == "(" || line[index + 1] == "（" else {
                // A bracket pair inside a link's text (`[第1条［定義］](a.md)`) is the text's own.
                if closesText { opening = nil }
                index += 1
                continue
            }
            let targetStart = index + 2
            guard let close = line[targetStart...].firstIndex(where: { $0 == ")" || $0 == "）" }) else { break }
            let brackets = [line[open], character, line[index + 1], line[close]]
            let target = String(line[targetStart..<close])
            if brackets.contains(where: { $0.utf8.count > 1 }), looksLikeTarget(target) {
                let text = String(line[(open + 1)..<index])
                // An image keeps its `!`.
                let start = open > 0 && (line[open - 1] == "!" || line[open - 1] == "！") ? open - 1 : open
                let bang = start < open ? "!" : ""
                findings.append(Finding(column: start + 1, written: String(line[start...close]), suggested: "\(bang)[\(text)](\(target))"))
            }
            opening = nil
            index = close + 1
        }
        return findings
    }

    /// A URL, a fragment, a relative path, or a file name with an extension authors link to (`概要.md`,
    /// `図1.png`), without blanks. A mail address or a name such as `Node.js` is prose, not a target.
    static func looksLikeTarget(_ target: String) -> Bool {
        guard !target.isEmpty, !target.contains(where: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }) else { return false }
        if target.contains("://") || target.hasPrefix("mailto:") { return true }
        if target.hasPrefix("#") || target.hasPrefix("./") || target.hasPrefix("../") || target.hasPrefix("/") { return true }
        let path = target.prefix { $0 != "#" && $0 != "?" }
        guard !path.contains("@"), let dot = path.lastIndex(of: ".") else { return false }
        return linkedExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    static let linkedExtensions: Set<String> = [
        "md", "html", "htm", "pdf", "png", "jpg", "jpeg", "gif", "svg", "webp",
        "xlsx", "xls", "docx", "doc", "pptx", "ppt", "csv", "txt", "zip", "mp4", "mp3",
    ]
}
