import KenshuCore

/// What other tools write that Kenshu shows otherwise, noticed while the page is written: Zenn's embeds,
/// images from the internet, diagram and formula fences, MyST's directive fences, a plug-in's fence indented
/// into code. Each is a warning at its place; the output stays what CommonMark makes of it.
extension HTMLWriter {
    /// Zenn's embeds, `@[youtube](…)`, `@[card](…)`: Markdown reads an `@` and a link.
    func noteZennEmbed(_ link: MarkdownNode) {
        guard let before = link.previous, before.kind == .text, before.literalLastByte == UInt8(ascii: "@"),
              let label = link.firstChild, label.kind == .text, label.next == nil,
              OtherToolSyntax.zennEmbeds.contains(label.literal) else { return }
        diagnostics.append(.warning(.otherToolSyntax, "@[" + label.literal + "](…)", "Zenn", at: location(line: link.startLine, column: max(1, link.startColumn - 1))))
    }

    /// `用語` and `: 説明` on the next line (Pandoc, PHP Markdown Extra, MkDocs): Markdown runs the definition on from
    /// the term as one paragraph. Told once a paragraph, at its first definition.
    func noteDefinition(after softBreak: MarkdownNode) {
        guard let text = softBreak.next, text.kind == .text, text.literal.hasUTF8Prefix(":"),
              softBreak.parent?.kind == .paragraph, let line = ForeignBlockSyntax.definitionLine(text) else { return }
        if let first = softBreak.parent?.firstChild, first.kind == .text, ForeignBlockSyntax.definitionLine(first) != nil { return }
        // A pipe table's last line `: 説明` is Pandoc's caption for it.
        if let first = softBreak.parent?.firstChild, first.kind == .text, first.literal.hasUTF8Prefix("|") {
            diagnostics.append(.warning(.otherToolSyntax, line, "Pandoc", at: location(of: text)))
            return
        }
        var earlier = softBreak.previous
        while let node = earlier {
            if node.kind == .softBreak, let after = node.next, after.kind == .text, ForeignBlockSyntax.definitionLine(after) != nil { return }
            earlier = node.previous
        }
        diagnostics.append(.warning(.definitionList, line, at: location(of: text)))
    }

    /// Pandoc's inline footnote `^[note]` (K5045), citation `[@doe2020]`, `[see @a; @b]` (K5046), superscript `m^2^`
    /// and subscript `H~2~O` (K5047): Markdown shows them as written. An escaped mark (`^\[`, `\~`) is the author's text.
    func notePandocInline(in node: MarkdownNode) {
        let literal = node.literal
        let bytes = Array(literal.utf8)
        let source = sourceMap(of: node, literal: literal)
        var index = 0
        while index + 1 < bytes.count {
            let isFootnote = bytes[index] == UInt8(ascii: "^") && bytes[index + 1] == UInt8(ascii: "[")
            let isCitation = bytes[index] == UInt8(ascii: "[") && bytes[index + 1] == UInt8(ascii: "@")
            guard isFootnote || isCitation,
                  let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "]")), close > index + 2,
                  !source.escaped.contains(index + 1), !source.escaped.contains(index) else {
                index += 1
                continue
            }
            var written = String(decoding: bytes[index...close], as: UTF8.self)
            if written.count > 40 { written = String(written.prefix(40)) + "\u{2026}" }
            let at = location(line: node.startLine, column: node.startColumn + (source.offsets[index] ?? index))
            reportOnce(.warning(isFootnote ? .inlineFootnote : .citation, written, at: at))
            index = close + 1
        }
        for script in PandocScripts.find(in: bytes, escaped: source.escaped) {
            let written = String(decoding: bytes[script.open...script.close], as: UTF8.self)
            let at = location(line: node.startLine, column: node.startColumn + (source.offsets[script.open] ?? script.open))
            reportOnce(.warning(.pandocScript, written, script.replacement(in: bytes), at: at))
        }
    }

    /// `{width=300}` right after an image (Pandoc, Quarto, MkDocs, kramdown): the size goes onto the `<img>` and
    /// the braces leave the text; a list Kenshu cannot read stays as text, told (K5042).
    func takeImageSize(after image: MarkdownNode) {
        guard let text = image.next, text.kind == .text, text.literal.hasUTF8Prefix("{") else { return }
        // A brace the author escaped (`\{`, `&#123;`) is text, as they meant.
        let bodyLine = text.startLine + extraLineOffset
        let byteColumn = text.startColumn + (text.startLine == 1 ? extraColumnOffset : 0)
        guard byteColumn >= 1, lines.line(bodyLine)?.utf8.dropFirst(byteColumn - 1).first == UInt8(ascii: "{") else { return }
        let literal = text.literal
        switch ImageSize.read(literal) {
        case .size(let attributes, let length):
            imageSizes[image] = attributes
            text.setLiteral(String(decoding: literal.utf8.dropFirst(length), as: UTF8.self))
        case .unread(let written):
            // kramdown's `{: .class}` is told once, as another tool's syntax (K5038).
            if OtherToolSyntax.find(in: literal).first?.offset == 0 { return }
            diagnostics.append(.warning(.imageAttributesUnread, written, at: location(of: text)))
        case .none:
            break
        }
    }

    /// An image on the internet is not shown where the course is read offline (LGWAN), and each opening of
    /// the page asks an outside server for it: a warning, since the author may have meant it.
    func noteExternalImage(_ url: String, at location: @autoclosure () -> SourceLocation) {
        guard url.hasUTF8Byte(UInt8(ascii: ":")), let scheme = URLPolicy.scheme(of: url), scheme == "https" || scheme == "http" else { return }
        diagnostics.append(.warning(.imageExternal, url, at: location()))
    }

    /// A fenced block's info word that another tool reads: a diagram or formula it draws (K5040), a MyST directive
    /// (K5038), or no word at all where the first line is a plug-in's fence indented into code (K6021).
    func noteForeignFence(_ node: MarkdownNode, language: Substring) {
        if Self.drawnElsewhere.contains(language.lowercased()) {
            // GitHub, GitLab, Obsidian and Zenn draw these with a script from the internet; the page shows the source.
            diagnostics.append(.warning(.notDrawn, "```" + language, at: location(of: node)))
        }
        if language.count > 2, language.hasPrefix("{"), language.hasSuffix("}") {
            // MyST (Sphinx, Jupyter Book) writes its directives as fences: ```{note}, ```{figure}.
            diagnostics.append(.warning(.otherToolSyntax, "```" + language, "MyST (Sphinx)", at: location(of: node)))
        }
        if language.isEmpty, extraLineOffset == 0,
           let name = FencedBlockNames.nameOpening(firstLineOf: node.literal, among: options.fencedBlockHandlers.keys),
           let opening = lines.line(node.startLine),
           opening.trimmingBlanks() == node.literal.prefix(while: { $0 != "\n" }).trimmingBlanks() {
            // The block's first line is the plug-in's fence itself, not a fence around it: indented four spaces
            // (or by a tab), Markdown made it code, shown as it is with the right answers marked.
            diagnostics.append(.warning(.fencedBlockIndented, name, at: location(of: node)))
        }
    }

    /// Fence languages that GitHub, GitLab, Obsidian or Zenn draw as a diagram or typeset as a formula (```` ```latex ````
    /// and ```` ```dot ```` they show as code, as Kenshu does).
    static let drawnElsewhere: Set<String> = ["mermaid", "plantuml", "puml", "math"]
}
