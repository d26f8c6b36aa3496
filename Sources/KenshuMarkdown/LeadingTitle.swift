import KenshuCore

/// The `# 題名` that opens a page written for mdBook, GitHub or MkDocs, which name a page by its first
/// heading rather than by front matter.
///
/// Without front matter, the heading becomes the page's title and leaves the body (with a warning that
/// says how to write front matter); with front matter whose title says the same, the heading stays (links
/// may point at its id) and a warning says the page shows its title twice.
public enum LeadingTitle {
    /// The first line of `body` when it is an ATX level-1 heading (after blank lines): its plain text, its own
    /// `{#id}` if it has one, the line as written, the body after it, and how many lines were taken. `nil` when
    /// the body starts otherwise.
    public static func take(from body: String) -> (title: String, explicitID: String?, line: String, rest: String, lines: Int)? {
        var rest = Substring(body)
        var lines = 0
        while !rest.isEmpty {
            // The last line may have no line break after it (a file of one heading).
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let line = rest[..<end]
            rest = end == rest.endIndex ? rest[end...] : rest[rest.utf8.index(after: end)...]
            lines += 1
            if line.trimmingBlanks().isEmpty { continue }
            guard line.hasPrefix("# ") || line.hasPrefix("#\t") else { return nil }
            let (title, explicitID) = plainText(ofHeading: String(line))
            return title.isEmpty ? nil : (title, explicitID, String(line), String(rest), lines)
        }
        return nil
    }

    /// The heading line with `{{変数}}` filled from `values` outside code spans (`\{{` keeps the braces, as in
    /// the body), and the unknown names, located by UTF-8 offset in `line`.
    public static func fillVariables(inHeading line: String, values: [String: String]) -> (line: String, unknown: [TextVariables.Occurrence]) {
        guard TextVariables.mayContain(line) else { return (line, []) }
        let bytes = Array(line.utf8)
        let code = codeSpans(bytes)
        func inCode(_ offset: Int) -> Bool { code.contains { $0.contains(offset) } }
        let unknown = TextVariables.occurrences(in: line).filter { occurrence in
            values[occurrence.name] == nil && !inCode(occurrence.byteOffset)
                && (occurrence.byteOffset == 0 || bytes[occurrence.byteOffset - 1] != UInt8(ascii: "\\"))
        }
        // Outside code spans each stretch is filled as plain text; code spans are kept as written.
        var out = ""
        var start = 0
        for span in code + [bytes.count..<bytes.count] {
            out += TextVariables.substitutePlain(String(decoding: bytes[start..<span.lowerBound], as: UTF8.self), values: values).text
            out += String(decoding: bytes[span], as: UTF8.self)
            start = span.upperBound
        }
        return (out, unknown)
    }

    /// The code spans of one line as UTF-8 offset ranges, backticks included (CommonMark: a run of n
    /// backticks up to the next run of exactly n; a run without its match is text).
    static func codeSpans(_ bytes: [UInt8]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        func run(at start: Int) -> Int {
            var end = start
            while end < bytes.count, bytes[end] == UInt8(ascii: "`") { end += 1 }
            return end - start
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "`") else {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                continue
            }
            let length = run(at: index)
            var probe = index + length
            var closed: Int?
            while probe < bytes.count {
                if bytes[probe] == UInt8(ascii: "`") {
                    let other = run(at: probe)
                    if other == length { closed = probe + other; break }
                    probe += other
                } else {
                    probe += 1
                }
            }
            if let closed {
                spans.append(index..<closed)
                index = closed
            } else {
                index += length
            }
        }
        return spans
    }

    /// The text of a one-line Markdown heading without its markup (`# **重要**な話` → `重要な話`), as
    /// heading ids are made from it, and the heading's own id (`# はじめに {#intro}` is titled はじめに, id `intro`).
    public static func plainText(ofHeading line: String) -> (text: String, explicitID: String?) {
        let document = CMarkDocument(line)
        guard let heading = document.document.firstChild, heading.kind == .heading, heading.headingLevel == 1 else { return ("", nil) }
        let explicitID = ExplicitHeadingID.take(from: heading) ?? nil
        return (heading.plainText(includingHTML: false).trimmingBlanks(), explicitID)
    }
}
