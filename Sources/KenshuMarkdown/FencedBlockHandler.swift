import KenshuCore

/// A feature that renders fenced code blocks with its own info word (```` ```quiz ````).
///
/// Features plug into the Markdown stage through this protocol; the Markdown stage never imports them.
public protocol FencedBlockHandler: Sendable {
    /// Reads the block into a typed value, reporting problems through `context`.
    ///
    /// Inside output that is captured into a string (a quiz's explanation, a footnote) handlers are
    /// not called: the block stays a code block, since a typed block needs a place in the page.
    func render(_ block: FencedBlock, context: FencedBlockContext) -> FencedBlockOutput
}

/// The block as the author wrote it.
public struct FencedBlock: Sendable {
    /// The whole info string after the fence (`quiz` or `quiz id=x`).
    public var info: String
    /// The text between the fences.
    public var body: String
    /// Where the opening fence is.
    public var location: SourceLocation
}

/// What a handler produced: a typed value (a ``BlockModel`` such as a quiz) that the theme draws
/// at the block's place, with ids to list on the page (quiz ids); or, for a block it could not
/// read (already reported), HTML that shows it as written.
///
/// Later stages (rendering, exports, search, lint) read the model, never HTML.
public enum FencedBlockOutput: Sendable {
    case model(any BlockModel, ids: [String])
    case html(String)
}

/// A typed value a fenced-block feature leaves on its page (a quiz), kept in ``ParsedMarkdown/blocks``.
public protocol BlockModel: Sendable {}

/// What a handler may do while rendering a block: render Markdown through the page's own
/// pipeline (so links inside are rewritten and checked), read its outline, and report problems.
public final class FencedBlockContext {
    private let writer: HTMLWriter
    /// Line of the block body's first line in the page body (1-based).
    private let bodyStart: Int
    private let fenceColumn: Int

    init(writer: HTMLWriter, bodyStart: Int, fenceColumn: Int) {
        self.writer = writer
        self.bodyStart = bodyStart
        self.fenceColumn = fenceColumn
    }

    /// The page's file relative to the content folder, when known (for stable ids).
    public var contentPath: String? { writer.options.contentPath }

    /// The file location of a 1-based line and column of the block body.
    public func location(line: Int, column: Int) -> SourceLocation {
        writer.location(line: bodyStart + line - 1, column: column + fenceColumn - 1)
    }

    public func report(_ diagnostic: Diagnostic) { writer.diagnostics.append(diagnostic) }

    /// Renders block Markdown that starts at `line` (and, for text taken out of a quote, `column`) of the body.
    public func renderBlocks(_ markdown: String, line: Int, column: Int = 1) -> String {
        writer.capture { writer.renderBlocks(markdown, line: bodyStart + line - 1, column: column + fenceColumn - 1) }
    }

    /// Renders inline Markdown that starts at `line`, `column` of the body.
    public func renderInline(_ markdown: String, line: Int, column: Int) -> String {
        writer.capture { writer.renderInline(markdown, line: bodyStart + line - 1, column: column + fenceColumn - 1) }
    }

    /// Whether an element id is still free on this page; claims it if so.
    public func claim(id: String) -> Bool { writer.claim(id: id) }

    /// The top-level blocks of `markdown`, with their lines (1-based, within `markdown`).
    public func outline(_ markdown: String) -> [OutlineBlock] { MarkdownOutline.blocks(of: markdown) }
}
