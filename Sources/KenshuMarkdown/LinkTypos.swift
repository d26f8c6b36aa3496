import KenshuCore

/// Finds links that Markdown silently leaves as text because their target holds a space
/// (`[資料](02-標的型 メール.md)`), a common result of Windows file names with spaces, or because
/// a bracket was typed full-width (`[資料]（02-概要.md）`, see ``FullWidthLinkBrackets``).
///
/// CommonMark allows no space in a bare link destination, so the author sees the brackets in the
/// page and no error; this names the line and suggests `<…>` or `%20`. Code blocks and code spans
/// are skipped, and `(url "title")` (a destination followed by a title) is left alone.
enum LinkTypos {
    static func find(in markdown: String, path: String, lineOffset: Int) -> [Diagnostic] {
        var text = markdown
        let candidates = text.withUTF8(candidateLines)
        var found: [Diagnostic] = []
        var fence: Substring?
        let view = text.utf8
        for (index, bytes) in candidates {
            let line = view.index(view.startIndex, offsetBy: bytes.lowerBound)..<view.index(view.startIndex, offsetBy: bytes.upperBound)
            check(text[line], line: index + 1 + lineOffset, path: path, fence: &fence, into: &found)
        }
        return found
    }

    /// Each line (its number from 0 and its bytes) that may open or close a fence, hold a `](` with a space
    /// or a link with a full-width bracket,
    /// split on LF bytes (the text's line ends are LF already) without grapheme breaking. The other lines,
    /// most of them, need no look at their characters: one inside a fence can end it only by starting like one.
    static func candidateLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [(Int, Range<Int>)] {
        var candidates: [(Int, Range<Int>)] = []
        var lineStart = 0, index = 0
        while true {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            if mayStartFence(line) || mayHoldSpacedTarget(line) || FullWidthLinkBrackets.mayHold(line) { candidates.append((index, lineStart..<lineEnd)) }
            guard lineEnd < bytes.count else { break }
            lineStart = lineEnd + 1
            index += 1
        }
        return candidates
    }

    private static func check(_ rawLine: Substring, line: Int, path: String, fence: inout Substring?, into found: inout [Diagnostic]) {
        if CodeLines.isCode(rawLine, fence: &fence) { return }
        let spaced = mayHoldSpacedTarget(rawLine.utf8), fullWidth = FullWidthLinkBrackets.mayHold(rawLine.utf8)
        guard spaced || fullWidth else { return }
        let characters = Array(rawLine)
        if spaced {
            // `[次]({{< ref "02-x.md" >}})`: another tool's template tag, not a path with spaces (K5038 says so).
            for (column, target) in spacedTargets(in: characters) where !OtherToolSyntax.isTemplateTag(target) {
                // A Windows path's `\` is no separator in a URL: the fix spells it with `/`.
                found.append(.warning(
                    .linkWithSpace, target, target.replacingOccurrences(of: "\\", with: "/"), at: SourceLocation(path: path, line: line, column: column)))
            }
        }
        if fullWidth {
            for finding in FullWidthLinkBrackets.find(in: characters) {
                found.append(.warning(.linkFullWidthBracket, finding.written, finding.suggested,
                                      at: SourceLocation(path: path, line: line, column: finding.column)))
            }
        }
    }

    /// Whether the first byte after leading spaces may begin a fence: `` ` ``, `~`, or the lead byte of
    /// U+1FEF, which `hasPrefix` takes for a backtick (its canonical decomposition).
    static func mayStartFence<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first(where: { $0 != UInt8(ascii: " ") }) else { return false }
        return first == UInt8(ascii: "`") || first == UInt8(ascii: "~") || first == 0xE1
    }

    /// Whether a space follows a `](`: without one no target can hold a space, and most lines
    /// (with or without links) need no look at their characters.
    static func mayHoldSpacedTarget<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var previous: UInt8 = 0
        var opened = false
        for byte in bytes {
            if opened, byte == UInt8(ascii: " ") { return true }
            if byte == UInt8(ascii: "("), previous == UInt8(ascii: "]") { opened = true }
            previous = byte
        }
        return false
    }

    /// `(column of the target, target)` for each `](target with space)` outside code spans.
    static func spacedTargets(in line: [Character]) -> [(Int, String)] {
        var results: [(Int, String)] = []
        var index = 0
        var inCode = false
        while index < line.count {
            let character = line[index]
            if character == "`" { inCode.toggle() }
            guard !inCode, character == "]", index + 1 < line.count, line[index + 1] == "(" else {
                index += 1
                continue
            }
            let start = index + 2
            guard let close = line[start...].firstIndex(of: ")") else { break }
            let target = String(line[start..<close])
            if isSpacedPath(target) { results.append((start + 1, target)) }
            index = close + 1
        }
        return results
    }

    /// A target with a space that is not `url "title"` and not already `<…>`.
    static func isSpacedPath(_ target: String) -> Bool {
        guard target.contains(" "), !target.hasPrefix("<"), !target.contains("("), let space = target.firstIndex(of: " ") else { return false }
        let afterSpace = target[target.index(after: space)...].drop { $0 == " " }
        if let first = afterSpace.first, first == "\"" || first == "'" { return false }
        return !target.hasPrefix(" ")
    }
}
