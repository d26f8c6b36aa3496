import KenshuCore

/// Raw HTML in Markdown: comments dropped, the safe subset passed (or everything, when the site
/// allows raw HTML), the rest escaped with one warning per page at the first tag that was.
extension HTMLWriter {
    /// Writes the raw HTML of an inline node or an HTML block that starts where `node` does.
    func renderRawHTML(_ literal: String, at node: MarkdownNode) {
        let result = rawHTMLFilter.filter(literal) { url, isImage, offset in
            let (line, column) = Self.position(in: literal, offset: offset, startLine: node.startLine, startColumn: node.startColumn)
            return self.recordRawURL(url, isImage: isImage, at: location(line: line, column: column))
        }
        out += result.html
        htmlAnchors.formUnion(result.anchors)
        for finding in result.findings {
            let (line, column) = Self.position(in: literal, offset: finding.offset, startLine: node.startLine, startColumn: node.startColumn)
            report(finding.kind, at: location(line: line, column: column))
        }
    }

    /// Records a link or image of a passed tag like a Markdown one, and returns the URL to write.
    private func recordRawURL(_ url: String, isImage: Bool, at location: SourceLocation) -> String {
        let (target, href) = LinkClassifier.classify(url, from: options.contentPath)
        let written = HrefEscaping.escape(href).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#x27;", with: "'")
        var record = LinkRecord(kind: isImage ? .image : .link, destination: url, location: location, target: target)
        record.href = written
        links.append(record)
        return written
    }

    private func report(_ kind: RawHTMLFilter.Finding.Kind, at location: SourceLocation) {
        switch kind {
        case .rejected(let tag, let why):
            guard !reportedRawHTML else { return }
            reportedRawHTML = true
            // ja: 生の HTML '\(tag)' は許可された安全な範囲にない（\(why)）ため、文字として表示されます
            diagnostics.append(.warning(
                at: location, "raw HTML is shown as text: '\(tag)' is outside the safe subset (\(why))",
                // ja: Markdown で書くか削除してください。すべての執筆者を信頼できる場合は site.yml に 'options: raw_html: true' を設定します（使える要素は README の一覧を参照）
                fix: "write it in Markdown or remove it; set 'options: raw_html: true' in site.yml only if you trust every author (README lists what passes)"))
        case .scriptURL(let tag):
            guard options.allowRawHTML else { return }  // escaped anyway; the warning above names it
            // ja: 生の HTML '<\(tag)>' に 'javascript:' の URL があります。クリックするとスクリプトが実行されます
            diagnostics.append(.warning(
                at: location, "raw HTML '<\(tag)>' has a 'javascript:' URL, which runs script when it is followed",
                // ja: ページへのリンクか https:// の URL にしてください
                fix: "link to a page or an https:// address instead"))
        case .unclosedComment:
            // ja: HTML コメント '<!--' が閉じられていないため、ここから後ろが表示されません
            diagnostics.append(.warning(
                at: location, "an HTML comment '<!--' is never closed, so everything after it is hidden",
                // ja: コメントの終わりに '-->' を書いてください
                fix: "end the comment with '-->'"))
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

    /// Warns about a `javascript:` destination in Markdown: it passes only when the site allows raw HTML,
    /// and is written as an empty link otherwise.
    func reportScriptLink(_ node: MarkdownNode) {
        let url = node.url.prefix(40)
        if options.allowRawHTML {
            // ja: リンク先 '\(url)' は 'javascript:' の URL です。クリックするとスクリプトが実行されます
            diagnostics.append(.warning(
                at: location(of: node), "link '\(url)' is a 'javascript:' URL, which runs script when it is followed",
                // ja: ページへのリンクか https:// の URL にしてください
                fix: "link to a page or an https:// address instead"))
        } else {
            // ja: リンク先 '\(url)' はスクリプトの URL のため、空のリンクとして出力します
            diagnostics.append(.warning(
                at: location(of: node), "link '\(url)' is a script URL, so it is written as an empty link",
                // ja: ページへのリンクか https:// の URL にしてください
                fix: "link to a page or an https:// address instead"))
        }
    }
}
