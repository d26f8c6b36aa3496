import KenshuCore

/// Links written the way Obsidian, Redmine and Backlog wikis write them (`[[手順]]`, `[[手順|移行の手順]]`,
/// `![[図.png]]`, `[[表示名>https://…]]`), which Markdown shows as the brackets and words they are.
///
/// Each is a located warning that gives the Markdown link to write instead. Code blocks, indented code and
/// code spans are skipped, and `[[_TOC_]]` is left to ``ForeignBlockSyntax`` (K5031).
enum WikiLinks {
    static func find(in markdown: String, path: String, lineOffset: Int) -> [Diagnostic] {
        guard mayHold(markdown.utf8) else { return [] }
        var found: [Diagnostic] = []
        var fence: Substring?
        for (index, rawLine) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if CodeLines.isCode(rawLine, fence: &fence) || !mayHold(rawLine.utf8) { continue }
            for (column, written, markdownLink) in links(in: Array(rawLine)) {
                found.append(.warning(.wikiLink, written, markdownLink, at: SourceLocation(path: path, line: index + 1 + lineOffset, column: column)))
            }
        }
        return found
    }

    /// Whether `[[` occurs at all: most pages and lines need no closer look.
    static func mayHold<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "["), previous == UInt8(ascii: "[") { return true }
            previous = byte
        }
        return false
    }

    /// `(column, as written, the Markdown link)` for each `[[…]]` of a line outside code spans.
    static func links(in line: [Character]) -> [(Int, String, String)] {
        var results: [(Int, String, String)] = []
        var index = 0
        var inCode = false
        while index + 1 < line.count {
            if line[index] == "`" { inCode.toggle() }
            guard !inCode, line[index] == "[", line[index + 1] == "[" else {
                index += 1
                continue
            }
            let start = index + 2
            var close: Int?
            var probe = start
            while probe + 1 < line.count {
                if line[probe] == "]", line[probe + 1] == "]" { close = probe; break }
                if line[probe] == "[" { break }
                probe += 1
            }
            guard let close else {
                index += 2
                continue
            }
            let inner = String(line[start..<close]).trimmingBlanks()
            let isEmbed = index > 0 && line[index - 1] == "!"
            let first = isEmbed ? index - 1 : index
            let written = String(line[first..<(close + 2)])
            let bare = inner.lowercased().replacingOccurrences(of: "_", with: "")
            if !inner.isEmpty, bare != "toc", let markdownLink = markdown(for: inner, embed: isEmbed) {
                results.append((first + 1, written, markdownLink))
            }
            index = close + 2
        }
        return results
    }

    /// File types linked as they are named; anything else names a page (`手順` → `手順.md`).
    static let fileExtensions: Set<String> = [
        "md", "png", "jpg", "jpeg", "gif", "svg", "webp", "pdf", "xlsx", "xls", "docx", "doc", "pptx", "csv", "txt", "zip", "mp4",
    ]

    /// The Markdown for one wiki link's inside (`page#heading|label`, `label>https://…`).
    static func markdown(for inner: String, embed: Bool) -> String? {
        // Backlog and Redmine: `[[表示名>https://…]]` or `[[表示名:https://…]]`.
        for separator in [">", ":"] {
            if let split = inner.range(of: separator), inner[split.upperBound...].hasPrefix("http") {
                return "[" + inner[..<split.lowerBound].trimmingBlanks() + "](" + inner[split.upperBound...] + ")"
            }
        }
        let parts = inner.split(separator: "|", maxSplits: 1).map { String($0).trimmingBlanks() }
        var target = parts.first ?? inner
        var label = parts.count > 1 ? parts[1] : nil
        // `![[図.png|300]]`: a width, not words.
        if embed, let width = label, width.allSatisfy({ $0.isNumber || $0 == "x" }) { label = nil }
        var heading: String?
        if let hash = target.firstIndex(of: "#") {
            let fragment = target[target.index(after: hash)...]
            heading = fragment.hasPrefix("^") ? nil : String(fragment)
            target = String(target[..<hash])
        }
        let name = target.split(separator: "/").last.map(String.init) ?? target
        let stem = name.split(separator: ".").dropLast().joined(separator: ".")
        let hasExtension = name.split(separator: ".").last.map { fileExtensions.contains($0.lowercased()) } ?? false
        var destination = target.isEmpty ? "" : (hasExtension || name.contains(".") && embed ? target : target + ".md")
        if let heading { destination += "#" + heading }
        if destination.contains(" ") { destination = "<" + destination + ">" }
        if embed { return "![" + (label ?? (stem.isEmpty ? name : stem)) + "](" + destination + ")" }
        return "[" + (label ?? (heading.map { target.isEmpty ? $0 : target + " " + $0 } ?? target)) + "](" + destination + ")"
    }
}
