import KenshuCore

/// Stage 2: turns a Markdown body into HTML through our own walk of libcmark's tree.
///
/// Our own walk (rather than `cmark_render_html`) lets us give headings ids, rewrite links to
/// other lessons, render pipe tables, alerts and the GFM extensions, filter raw HTML, and record
/// every link with its source location.
/// For plain CommonMark it writes exactly what libcmark's renderer writes.
public enum MarkdownRenderer {
    public static func render(_ markdown: String, options: MarkdownOptions) -> ParsedMarkdown {
        let writer = HTMLWriter(source: markdown, options: options)
        let document = CMarkDocument(writer.prepareFootnotes(markdown))
        writer.applyExtensions(to: document.document)
        writer.render(document.document)
        writer.renderFootnotes()
        writer.reportUnusedFootnotes()
        let typos = LinkTypos.find(in: markdown, path: options.path, lineOffset: options.lineOffset)
            + WikiLinks.find(in: markdown, path: options.path, lineOffset: options.lineOffset)
        var parsed = ParsedMarkdown(
            html: writer.out, headings: writer.headings, links: writer.links, diagnostics: writer.diagnostics + typos,
            blockIDs: writer.blockIDs, blocks: writer.blocks)
        parsed.anchorIDs = writer.htmlAnchors
        parsed.proseRuns = writer.proseRuns
        parsed.sections = SectionCollector.sections(
            of: document.document, headings: writer.headings, pluginInfoWords: Set(options.fencedBlockHandlers.keys),
            overrides: writer.searchOverrides)
        return parsed
    }
}
