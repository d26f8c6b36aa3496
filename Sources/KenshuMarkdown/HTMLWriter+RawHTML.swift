import KenshuCore

/// Raw HTML in Markdown: comments dropped, the safe subset passed (or everything, when the site
/// allows raw HTML), other elements escaped and other attributes left out, with one warning per page
/// for each element and reason, at its first place (ten `<font>` tags are one warning, `<center>` another).
extension HTMLWriter {
    /// Writes the raw HTML of an inline node or an HTML block that starts where `node` does.
    func renderRawHTML(_ literal: String, at node: MarkdownNode) {
        let verbatim = rawHTMLFilter.allowAll
        let result = rawHTMLFilter.filter(literal) { url, isImage, offset in
            let (line, column) = Self.position(in: literal, offset: offset, startLine: node.startLine, startColumn: node.startColumn)
            return self.recordRawURL(url, isImage: isImage, verbatim: verbatim, at: location(line: line, column: column))
        }
        out += result.html
        htmlAnchors.formUnion(result.anchors)
        for finding in result.findings {
            let (line, column) = Self.position(in: literal, offset: finding.offset, startLine: node.startLine, startColumn: node.startColumn)
            var kind = finding.kind
            // Named as written (`<Tabs>` of MDX, not the filter's `<tabs>`).
            if case .rejected(let tag, let why) = kind, var written = Self.writtenTag(in: literal, at: finding.offset) {
                if tag.hasSuffix(">"), !written.hasSuffix(">") { written += ">" }
                if written.lowercased() == tag.lowercased() { kind = .rejected(tag: written, why: why) }
            }
            report(kind, at: location(line: line, column: column))
        }
    }

    /// The tag at `offset` of `literal` as written: `<`, an optional `/`, its name, and `>` when it follows the name
    /// (`<TabItem` of `<TabItem value="a">`).
    static func writtenTag(in literal: String, at offset: Int) -> String? {
        let bytes = literal.utf8.dropFirst(offset)
        guard bytes.first == UInt8(ascii: "<") else { return nil }
        var end = bytes.index(after: bytes.startIndex)
        if end < bytes.endIndex, bytes[end] == UInt8(ascii: "/") { end = bytes.index(after: end) }
        while end < bytes.endIndex, let byte = Optional(bytes[end]),
              (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") {
            end = bytes.index(after: end)
        }
        if end < bytes.endIndex, bytes[end] == UInt8(ascii: ">") { end = bytes.index(after: end) }
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }

    /// Records a link or image of a passed tag like a Markdown one, and returns the URL to write.
    /// - Parameter verbatim: raw HTML is allowed, so the tag is written unchanged and the built page holds the URL as written.
    private func recordRawURL(_ url: String, isImage: Bool, verbatim: Bool, at location: SourceLocation) -> String {
        if isImage { noteExternalImage(url, at: location) }
        let (target, href) = LinkClassifier.classify(url, from: options.contentPath)
        let written = HrefEscaping.escape(href).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#x27;", with: "'")
        var record = LinkRecord(kind: isImage ? .image : .link, destination: url, location: location, target: target)
        record.href = verbatim ? url : written
        links.append(record)
        return written
    }

    private func report(_ kind: RawHTMLFilter.Finding.Kind, at location: SourceLocation) {
        switch kind {
        case .rejected(let tag, let why):
            // `<font>` and its `</font>` are one element: keyed by the name without brackets and slash.
            let element = tag.filter { $0 != "<" && $0 != ">" && $0 != "/" }.lowercased()
            guard reportedRawHTML.insert("\(element) \(why)").inserted else { return }
            switch why {
            case .markup: diagnostics.append(.warning(.rawHTMLNotMarkup, tag, at: location))
            case .element: diagnostics.append(.warning(.rawHTMLOutsideSubset, tag, at: location))
            case .attribute(let name): diagnostics.append(.warning(.rawHTMLAttributeNotAllowed, tag, name, at: location))
            case .url(let name): diagnostics.append(.warning(.rawHTMLURLNotAllowed, tag, name, at: location))
            }
        case .scriptURL(let tag):
            guard options.allowRawHTML else { return }  // the URL never reaches the page (tag escaped or attribute left out; K5013 or K5018 names it)
            diagnostics.append(.warning(.rawHTMLScriptURL, tag, at: location))
        case .unclosedComment:
            diagnostics.append(.warning(.commentUnclosed, at: location))
        case .imageWithoutAlt:
            diagnostics.append(.warning(.imageWithoutAlt, at: location))
        }
    }

    /// `本文 <!-- メモ` with no `-->` in the paragraph: libcmark reads no comment, and the note is published
    /// as text (an unclosed comment at the start of a line is an HTML block, K5015).
    func noteUnclosedComment(in text: MarkdownNode) {
        let literal = text.literal
        // `\<!--` and `&lt;!--` show the characters on purpose: only a `<` written as it is counts.
        let source = sourceMap(of: text, literal: literal)
        let line = Array(lines.line(text.startLine + extraLineOffset)?.utf8 ?? Substring().utf8)
        let lineStart = text.startColumn - 1 + (text.startLine == 1 ? extraColumnOffset : 0)
        var from = 0
        while let open = literal.utf8Range(of: "<!--", from: from) {
            from = open.upperBound
            guard let offset = source.offsets[open.lowerBound], !source.escaped.contains(open.lowerBound),
                  line.indices.contains(lineStart + offset), line[lineStart + offset] == UInt8(ascii: "<") else { continue }
            diagnostics.append(.warning(.commentUnclosedShown, at: location(line: text.startLine, column: text.startColumn + offset)))
            return
        }
    }

    /// The body position of byte `offset` of a literal that starts at (`startLine`, `startColumn`).
    static func position(in literal: String, offset: Int, startLine: Int, startColumn: Int) -> (line: Int, column: Int) {
        let before = literal.utf8.prefix(offset)
        let newlines = before.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        guard newlines > 0, let lastBreak = before.lastIndex(of: UInt8(ascii: "\n")) else {
            return (startLine, startColumn + offset)
        }
        return (startLine + newlines, before.distance(from: lastBreak, to: before.endIndex))
    }
}
