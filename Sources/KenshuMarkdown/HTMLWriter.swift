import Foundation
import KenshuCore

/// Writes HTML for a cmark tree; one instance per page, used inside one task.
final class HTMLWriter {
    let options: MarkdownOptions
    /// The body's lines, for the constructs libcmark does not know (tables) and for columns.
    let lines: LineIndex
    var out = ""
    var headings: [Heading] = []
    var links: [LinkRecord] = []
    var diagnostics: [Diagnostic] = []
    var slugger = HeadingSlugger()
    var blockIDs: [String: [String]] = [:]
    /// What search indexes instead of a node's own text: a pipe table's cells for its paragraph, nothing for an
    /// alert's `[!NOTE]` marker or a `[TOC]` line (see ``SectionCollector``).
    var searchOverrides: [MarkdownNode: String] = [:]
    /// Typed blocks with their offsets in `out`, for ``ParsedMarkdown/blocks``.
    var blocks: [PlacedBlock] = []
    /// Above zero while output is captured into a string (a quiz's question, a footnote), where a
    /// typed block could not keep its place.
    var captureDepth = 0
    /// Ranges of `out` (UTF-8 offsets) holding prose text, for ``ParsedMarkdown/proseRuns``.
    var proseRuns: [Range<Int>] = []
    /// Above zero inside headings, links and captured fenced-block output, where text is not prose.
    var proseBlocked = 0
    private var claimedIDs: Set<String> = []
    /// Raw HTML problems already reported on this page (tag and reason), each reported once.
    var reportedRawHTML: Set<String> = []
    /// Text problems already reported (message key and place): a table row is read twice, as a paragraph and
    /// cell by cell.
    var reportedPlaces: Set<String> = []
    /// GFM footnotes of this page, numbered as they are first referenced.
    var footnotes = FootnoteState()
    /// The size written after an image (`{width=300}`), as attributes for its `<img>` (``ImageSize``).
    var imageSizes: [MarkdownNode: String] = [:]
    /// Ids that raw HTML and footnotes add to the page, valid fragment targets besides headings.
    var htmlAnchors: Set<String> = []
    var rawHTMLFilter: RawHTMLFilter
    /// Added to every line number of a sub-document (a table cell), on top of the front matter.
    var extraLineOffset = 0
    var extraColumnOffset = 0
    /// Bytes of block-quote markers or list indentation before the table being rendered.
    var containerWidth = 0
    /// Where this page lands in the site, worked out once for all its links.
    private(set) lazy var here: SitePath? = options.contentPath.map(SitePath.forContent)

    init(source: String, options: MarkdownOptions) {
        self.options = options
        self.lines = LineIndex(source)
        self.rawHTMLFilter = RawHTMLFilter(allowAll: options.allowRawHTML)
        for id in options.reservedIDs { slugger.reserve(id) }
        out.reserveCapacity(source.utf8.count * 5 / 4)
    }

    /// The file location of a body position; columns count characters, as editors do, not cmark's bytes.
    func location(line: Int, column: Int) -> SourceLocation {
        let bodyLine = line + extraLineOffset
        let byteColumn = column + (line == 1 ? extraColumnOffset : 0)
        let column = lines.characterColumn(line: bodyLine, byteColumn: byteColumn)
        return SourceLocation(path: options.path, line: bodyLine + options.lineOffset, column: column)
    }

    func location(of node: MarkdownNode) -> SourceLocation {
        if node.kind == .link, let place = autolinkPlace(node) { return location(line: place.line, column: place.column) }
        return location(line: node.startLine, column: node.startColumn)
    }

    /// libcmark 0.30 places an autolink (`<https://…>`) past its paragraph's end; its text, the URL as written,
    /// is placed right, one column after the `<`. A link's text sits one column after its `[` otherwise.
    private func autolinkPlace(_ link: MarkdownNode) -> (line: Int, column: Int)? {
        guard let text = link.firstChild, text.kind == .text, text.next == nil, text.startLine > 0,
              text.startLine != link.startLine || text.startColumn != link.startColumn + 1,
              // A bare URL made a link here (``ExtendedAutolinks``) shares its text's place, which is right.
              text.startLine != link.startLine || text.startColumn != link.startColumn else { return nil }
        let literal = text.literal, url = link.url
        guard url == literal || url == "mailto:" + literal else { return nil }
        return (text.startLine, max(1, text.startColumn - 1))
    }

    /// libcmark's `cr()`: start a new line unless we are at the start of one.
    func newline() {
        if let last = out.utf8.last, last != UInt8(ascii: "\n") { out += "\n" }
    }

    func render(_ root: MarkdownNode) {
        root.walk { node, entering in visit(node, entering: entering) }
    }

    private func visit(_ node: MarkdownNode, entering: Bool) -> WalkAction {
        switch node.kind {
        case .document, .unknown: break
        case .blockQuote:
            if entering, renderAlert(node) { return .skipChildren }
            newline()
            out += entering ? "<blockquote>\n" : "</blockquote>\n"
        case .list:
            if entering {
                newline()
                if !node.isOrderedList {
                    out += "<ul>\n"
                } else if node.listStart == 1 {
                    out += "<ol>\n"
                } else {
                    out += "<ol start=\"\(node.listStart)\">\n"
                }
            } else {
                out += node.isOrderedList ? "</ol>\n" : "</ul>\n"
            }
        case .item:
            if entering {
                newline()
                out += "<li>"
            } else {
                out += "</li>\n"
            }
        case .heading:
            proseBlocked += entering ? 1 : -1
            renderHeading(node, entering: entering)
        case .codeBlock: renderCodeBlock(node)
        case .htmlBlock:
            let html = capture { renderRawHTML(node.literal, at: node) }
            // A block that was only comments leaves nothing, not even a line break.
            guard html.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { break }
            newline()
            out += html
            newline()
        case .customBlock:
            newline()
            out += entering ? node.onEnter : node.onExit
            newline()
        case .thematicBreak:
            newline()
            out += "<hr />\n"
        case .paragraph:
            if entering, renderTableIfAny(node) { return .skipChildren }
            if entering, let foreign = ForeignBlockSyntax.find(in: node, plainText: { self.plainText(of: $0) }) {
                switch foreign {
                case .tocMarker(let marker):
                    diagnostics.append(.warning(.tocMarker, writtenLine(of: node) ?? marker, at: location(of: node)))
                    searchOverrides[node] = ""
                    return .skipChildren
                case .container(let name):
                    diagnostics.append(.warning(.foreignContainer, name, at: location(of: node)))
                case .math:
                    diagnostics.append(.warning(.notDrawn, "$$", at: location(of: node)))
                case .definition(let line):
                    diagnostics.append(.warning(.definitionList, line, at: location(of: node)))
                case .gridTable(let line):
                    diagnostics.append(.warning(.gridTable, line, at: location(of: node)))
                case .otherTool(let written, let tool):
                    diagnostics.append(.warning(.otherToolSyntax, written, tool, at: location(of: node)))
                }
            }
            let tight = node.parent?.parent.map { $0.kind == .list && $0.isTightList } ?? false
            if !tight {
                if entering {
                    newline()
                    out += "<p>"
                } else {
                    out += "</p>\n"
                }
            }
        case .text:
            let start = out.utf8.count
            out += HTMLEscaping.escape(node.literal)
            if proseBlocked == 0 { proseRuns.append(start..<out.utf8.count) }
        case .softBreak:
            out += LineJoining.joinsWithoutSpace(node) ? "" : "\n"
            noteDefinition(after: node)
        case .lineBreak: out += "<br />\n"
        case .code: out += "<code>" + HTMLEscaping.escape(node.literal) + "</code>"
        case .htmlInline:
            renderRawHTML(node.literal, at: node)
            noteRawInline(node.literal)
        case .customInline:
            if entering, node.onEnter.hasPrefix(FootnoteState.marker) {
                renderFootnoteReference(node)
                return .skipChildren
            }
            out += entering ? node.onEnter : node.onExit
        case .emphasis: out += entering ? "<em>" : "</em>"
        case .strong: out += entering ? "<strong>" : "</strong>"
        case .link:
            proseBlocked += entering ? 1 : -1
            if entering {
                noteZennEmbed(node)
                out += "<a href=\"" + href(for: node, kind: .link) + "\""
                if !node.title.isEmpty { out += " title=\"" + HTMLEscaping.escape(node.title) + "\"" }
                out += ">"
            } else {
                out += "</a>"
            }
        case .image:
            let alt = plainText(of: node)
            // Without words, a screen reader says nothing of the image (JIS X 8341-3, WCAG 1.1.1).
            if alt.trimmingBlanks().isEmpty { diagnostics.append(.warning(.imageWithoutAlt, at: location(of: node))) }
            out += "<img src=\"" + href(for: node, kind: .image) + "\" alt=\"" + HTMLEscaping.escape(alt) + "\""
            if !node.title.isEmpty { out += " title=\"" + HTMLEscaping.escape(node.title) + "\"" }
            if let size = imageSizes[node] { out += size }
            out += " />"
            return .skipChildren
        }
        return .visitChildren
    }

    /// Records the link and returns the escaped URL to write.
    private func href(for node: MarkdownNode, kind: LinkRecord.Kind) -> String {
        let destination = substituteVariables(inDestinationOf: node)
        if !options.urlPolicy.allows(destination, isImage: kind == .image) {
            diagnostics.append(URLPolicy.refusal(of: destination, at: location(of: node), kept: options.allowRawHTML))
            guard options.allowRawHTML, !URLPolicy.isHostRelative(destination) else { return "" }
        }
        if kind == .image { noteExternalImage(destination, at: location(of: node)) }
        let (target, href) = LinkClassifier.classify(destination, from: options.contentPath, here: here)
        let escaped = HrefEscaping.escape(href)
        var record = LinkRecord(kind: kind, destination: destination, location: location(of: node), target: target)
        record.href = escaped.hasUTF8Byte(UInt8(ascii: "&"))
            ? escaped.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#x27;", with: "'") : escaped
        links.append(record)
        return escaped
    }

    private func renderHeading(_ node: MarkdownNode, entering: Bool) {
        let level = node.headingLevel
        // A heading inside a quiz (`> # はコメント` in feedback) is no section of the page: no id, which the quiz's
        // second rendering (the answers at the page's end) would repeat, and no entry in its contents.
        guard options.headingAnchors, captureDepth == 0 else {
            if entering {
                if captureDepth > 0 {
                    // A line of `---` or `===` under text (setext) makes the heading, not a `#`: quoted as written.
                    let opening = lines.line(node.startLine + extraLineOffset).map { $0.drop { $0 == " " || $0 == "\t" || $0 == ">" } }
                    let isATX = opening?.first == "#"
                    diagnostics.append(.warning(
                        .headingInsideBlock, (isATX ? String(repeating: "#", count: level) + " " : "") + plainText(of: node),
                        at: location(of: node), fix: isATX ? nil : Message(.fixSetextHeading)))
                }
                newline()
                out += "<h\(level)>"
            } else {
                out += "</h\(level)>\n"
            }
            return
        }
        if entering {
            // `## 概要 {#overview}` (Pandoc, Hugo, MkDocs): the author's id, unless the page already uses it.
            let explicit = ExplicitHeadingID.take(from: node).flatMap { $0 }.map(\.nfc)
            let text = plainText(of: node, includingHTML: false)
            let id = explicit.flatMap { slugger.claim($0) ? $0 : nil } ?? slugger.slug(for: explicit ?? text)
            headings.append(Heading(level: level, text: text, id: id, location: location(of: node)))
            newline()
            out += "<h\(level) id=\"\(HTMLEscaping.escape(id))\">"
        } else {
            let id = headings.last?.id ?? ""
            out += "<a class=\"permalink\" href=\"#\(HrefEscaping.escape(PercentEncoding.encodeFragment(id)))\" aria-label=\""
                + HTMLEscaping.escape(options.permalinkLabel) + "\">#</a></h\(level)>\n"
        }
    }

    private func renderCodeBlock(_ node: MarkdownNode) {
        newline()
        noteUnclosedFence(node)
        let info = node.fenceInfo
        let language = info.prefix { $0 != " " && $0 != "\t" && $0 != "\n" }
        if captureDepth == 0, let found = FencedBlockNames.name(of: language, among: options.fencedBlockHandlers.keys),
           let handler = options.fencedBlockHandlers[found.name] {
            if !found.exact {
                // Only capitals (an editor's autocorrect) need no word about the input method.
                let fix = language.allSatisfy(\.isASCII) ? Message(.fixFenceLowerCase, String(language), found.name) : nil
                diagnostics.append(.warning(.fenceNameSpelledOtherwise, String(language), found.name, at: location(of: node), fix: fix))
            }
            let block = FencedBlock(info: info, body: node.literal, location: location(of: node))
            let context = FencedBlockContext(writer: self, bodyStart: node.startLine + 1, fenceColumn: node.startColumn)
            let output = handler.render(block, context: context)
            switch output {
            case .model(let model, let ids):
                blockIDs[found.name, default: []] += ids
                blocks.append(PlacedBlock(offset: out.utf8.count, model: model))
            case .html(let html):
                out += html
                newline()
            }
            return
        }
        if captureDepth == 0 { noteForeignFence(node, language: language) }
        // mdBook writes attributes after a comma (`rust,ignore`), Qiita a file name after a colon (`ruby:app.rb`,
        // or `:app.txt` for a file name alone): the language is the part before either, if any.
        let name = language.prefix { $0 != "," && $0 != ":" }
        if name.isEmpty {
            out += "<pre><code>"
        } else {
            out += "<pre><code class=\"language-" + HTMLEscaping.escape(name) + "\">"
        }
        out += HTMLEscaping.escape(node.literal) + "</code></pre>\n"
    }

    /// Runs `body` with an empty output and returns what it wrote, keeping the page's output intact.
    func capture(_ body: () -> Void) -> String {
        let saved = out
        out = ""
        proseBlocked += 1
        captureDepth += 1
        body()
        captureDepth -= 1
        proseBlocked -= 1
        let captured = out
        out = saved
        return captured
    }

    /// Whether an element id is still free on this page; claims it if so.
    func claim(id: String) -> Bool { claimedIDs.insert(id).inserted }

    /// Renders block Markdown from another part of the page (a fenced block's body) at its place in the source.
    func renderBlocks(_ markdown: String, line: Int, column: Int) {
        atSourcePosition(line: line, column: column) {
            let document = CMarkDocument(markdown)
            applyExtensions(to: document.document)
            for child in document.document.children { render(child) }
        }
    }

    /// Runs `body` with locations shifted so that a sub-document's line 1 is `line` of the page body.
    func atSourcePosition(line: Int, column: Int, _ body: () -> Void) {
        let savedLine = extraLineOffset, savedColumn = extraColumnOffset
        extraLineOffset = savedLine + line - 1
        extraColumnOffset = column - 1
        defer {
            extraLineOffset = savedLine
            extraColumnOffset = savedColumn
        }
        body()
    }

    /// The text of a node's inline children, as libcmark writes image alt text; a heading's id
    /// is made from its text without the raw HTML tags (`includingHTML: false`).
    func plainText(of node: MarkdownNode, includingHTML: Bool = true) -> String {
        node.plainText(includingHTML: includingHTML)
    }
}

extension MarkdownNode {
    /// The text of this node's inline children: text and code as written, breaks as spaces, raw HTML
    /// tags only when `includingHTML` (image alt text keeps them, as libcmark's does; heading ids do not).
    func plainText(includingHTML: Bool = true) -> String {
        var text = ""
        walk { child, _ in
            switch child.kind {
            case .text, .code: text += child.literal
            case .htmlInline: if includingHTML { text += child.literal }
            case .softBreak, .lineBreak: text += " "
            default: break
            }
            return .visitChildren
        }
        return text
    }
}
