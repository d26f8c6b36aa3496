import KenshuCore

extension HTMLWriter {
    /// Replaces `{{name}}` in one text node by its value from `vars:`; an unknown name is a located
    /// error (with the closest known name) and stays visible as written.
    ///
    /// Only text nodes are touched here, so code spans, code blocks and raw HTML keep their braces
    /// (link destinations and titles are filled on their own); a backslash before the braces (`\{{`)
    /// keeps them as written.
    func substituteVariables(in node: MarkdownNode) {
        let literal = node.literal
        // Redmine's `{{toc}}` alone in a paragraph is a table-of-contents marker (K5031), unless `vars:` names `toc`.
        if options.variables["toc"] == nil, node.next == nil, let paragraph = node.parent, paragraph.kind == .paragraph,
           paragraph.firstChild == node, ForeignBlockSyntax.tocMarkers.contains(literal.trimmingBlanks().lowercased()) { return }
        let source = sourceMap(of: node, literal: literal)
        let (text, unknown) = TextVariables.substitute(literal, values: options.variables, keeping: source.escaped)
        for occurrence in unknown {
            let at = location(line: node.startLine, column: node.startColumn + (source.offsets[occurrence.byteOffset] ?? occurrence.byteOffset))
            reportUnknownVariable(occurrence.name, at: at)
        }
        if text != literal { node.setLiteral(text) }
        reportMdBookDirectives(in: literal, of: node, escaped: source)
        for tag in OtherToolSyntax.find(in: literal) where !source.escaped.contains(tag.offset) {
            let at = location(line: node.startLine, column: node.startColumn + (source.offsets[tag.offset] ?? tag.offset))
            reportOnce(.warning(.otherToolSyntax, tag.written, tag.tool, at: at))
        }
    }

    /// `{{#include chapter.md}}` and the other preprocessor lines of mdBook: Kenshu has no such step,
    /// so the line would reach the page as braces. Said once per place, like an unknown variable.
    private func reportMdBookDirectives(in literal: String, of node: MarkdownNode, escaped source: (escaped: Set<Int>, offsets: [Int: Int])) {
        var rest = literal[...]
        while let open = rest.range(of: "{{#") {
            let offset = literal.utf8.distance(from: literal.startIndex, to: open.lowerBound)
            let name = rest[open.upperBound...].prefix { $0.isLetter || $0 == "_" }
            rest = rest[open.upperBound...]
            guard !name.isEmpty, !source.escaped.contains(offset) else { continue }
            let at = location(line: node.startLine, column: node.startColumn + (source.offsets[offset] ?? offset))
            reportOnce(.warning(.mdBookDirective, String(name), at: at))
        }
    }

    private func reportUnknownVariable(_ name: String, at location: SourceLocation) {
        reportOnce(.unknownVariable(name, at: location, known: options.variables))
    }

    /// Reports a problem once per place: a table row is read twice (as a paragraph, then cell by cell).
    func reportOnce(_ diagnostic: Diagnostic) {
        let place = "\(diagnostic.message.key.rawValue)\u{0}\(diagnostic.location?.line ?? 0):\(diagnostic.location?.column ?? 0)"
        guard reportedPlaces.insert(place).inserted else { return }
        diagnostics.append(diagnostic)
    }

    /// `[窓口](https://{{自治体サイト}}/madoguchi.html)`: a shared course links to each municipality's
    /// own pages. The destination is filled before the URL policy and the link check see it, so a
    /// value cannot smuggle in what the policy refuses. An unknown name is the same located error as
    /// in text (the link would otherwise lead to `%7B%7B…`). A URL that needs the braces themselves
    /// writes them `%7B%7B`.
    func substituteVariables(inDestinationOf link: MarkdownNode) -> String {
        let url = link.url
        guard TextVariables.mayContain(url) else { return url }
        let (text, unknown) = TextVariables.substitutePlain(url, values: options.variables)
        let at = location(of: link)
        for occurrence in unknown { reportUnknownVariable(occurrence.name, at: at) }
        return text
    }

    /// `[text](url "{{自治体名}}の窓口")`: the title a browser shows on hover is text too.
    func substituteVariables(inTitleOf link: MarkdownNode) {
        let title = link.title
        guard TextVariables.mayContain(title) else { return }
        let (text, unknown) = TextVariables.substitutePlain(title, values: options.variables)
        let at = location(of: link)
        for occurrence in unknown { reportUnknownVariable(occurrence.name, at: at) }
        if text != title { link.setTitle(text) }
    }

    /// Where each byte of a text node's literal came from on its source line: libcmark drops the
    /// backslash of `\{` and joins the text around it, so the source is read again to tell an
    /// escaped brace from a plain one. Stops at the first difference it cannot explain (an entity).
    /// A one-line block as the author wrote it, from its first column (`[[_TOC_]]`, which its text reads as
    /// `[[TOC]]` once `_TOC_` is emphasis); `nil` when the line cannot be found.
    func writtenLine(of node: MarkdownNode) -> String? {
        let byteColumn = node.startColumn + (node.startLine == 1 ? extraColumnOffset : 0)
        guard let line = lines.line(node.startLine + extraLineOffset), byteColumn >= 1 else { return nil }
        let written = String(decoding: line.utf8.dropFirst(byteColumn - 1), as: UTF8.self).trimmingBlanks()
        return written.isEmpty ? nil : written
    }

    func sourceMap(of node: MarkdownNode, literal: String) -> (escaped: Set<Int>, offsets: [Int: Int]) {
        let bodyLine = node.startLine + extraLineOffset
        let byteColumn = node.startColumn + (node.startLine == 1 ? extraColumnOffset : 0)
        guard let line = lines.line(bodyLine), byteColumn >= 1 else { return ([], [:]) }
        let sourceBytes = Array(line.utf8), textBytes = Array(literal.utf8)
        var escaped: Set<Int> = [], offsets: [Int: Int] = [:]
        var i = 0, j = byteColumn - 1
        while i < textBytes.count, j < sourceBytes.count {
            offsets[i] = j - (byteColumn - 1)
            if sourceBytes[j] == UInt8(ascii: "\\"), j + 1 < sourceBytes.count, sourceBytes[j + 1] == textBytes[i] {
                escaped.insert(i)
                i += 1
                j += 2
            } else if sourceBytes[j] == UInt8(ascii: "&"), let end = sourceBytes[j...].prefix(40).firstIndex(of: UInt8(ascii: ";")),
                      case let reference = String(decoding: sourceBytes[j...end], as: UTF8.self),
                      case let decoded = Array(CharacterReferences.decode(reference, inAttribute: false).utf8),
                      decoded != Array(reference.utf8), textBytes[i...].starts(with: decoded) {
                // A character reference (`&amp;`) is one character in the text.
                i += decoded.count
                j = end + 1
            } else if sourceBytes[j] == textBytes[i] {
                i += 1
                j += 1
            } else {
                break
            }
        }
        return (escaped, offsets)
    }
}
