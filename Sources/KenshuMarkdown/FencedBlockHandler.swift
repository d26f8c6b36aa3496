import KenshuCore

/// A feature that renders fenced code blocks with its own info word (```` ```quiz ````).
///
/// Features plug into the Markdown stage through this protocol; the Markdown stage never imports them.
public protocol FencedBlockHandler: Sendable {
    /// Returns the HTML that replaces the block, reporting problems through `context`.
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

/// What a handler produced: the HTML, an id to list on the page (a quiz id), and the typed
/// value the block stands for (a ``BlockModel`` such as a quiz), which later stages read
/// (exports, search, lint) instead of parsing the HTML.
public struct FencedBlockOutput: Sendable {
    public var html: String
    public var ids: [String]
    public var model: (any BlockModel)?

    public init(html: String, ids: [String] = [], model: (any BlockModel)? = nil) {
        self.html = html
        self.ids = ids
        self.model = model
    }
}

/// A typed value a fenced-block feature leaves on its page (a quiz), kept in ``ParsedMarkdown/models``.
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

    /// Renders block Markdown that starts at `line` of the body.
    public func renderBlocks(_ markdown: String, line: Int) -> String {
        writer.capture { writer.renderBlocks(markdown, line: bodyStart + line - 1, column: fenceColumn) }
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
