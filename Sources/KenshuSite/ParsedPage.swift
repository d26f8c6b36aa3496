import KenshuContent
import KenshuCore
import KenshuMarkdown

/// One content page after parsing: its front matter and its rendered body.
///
/// A value with its fields in one shared box (copy on write): the site's 10,000 pages are copied
/// as an array on every preview rebuild and by every whole-site pass, and a copy must cost one
/// reference count, not one per string and array of the page.
public struct ParsedPage: Sendable {
    public enum Kind: String, Sendable { case home, module, lesson }

    // Inlinable, so that code in other modules reading `page.body.links` loads that one field from
    // the box instead of copying the whole body out of an accessor (this runs over every page on each rebuild).
    @usableFromInline var storage: Storage

    init(kind: Kind, file: ContentFile, sitePath: SitePath, frontMatter: FrontMatter, body: ParsedMarkdown) {
        storage = Storage(kind: kind, file: file, sitePath: sitePath, frontMatter: frontMatter, body: body)
    }

    @inlinable public var kind: Kind {
        get { storage.kind }
        set { unique().kind = newValue }
    }

    @inlinable public var file: ContentFile {
        get { storage.file }
        _modify { yield &unique().file }
    }

    @inlinable public var sitePath: SitePath {
        get { storage.sitePath }
        _modify { yield &unique().sitePath }
    }

    @inlinable public var frontMatter: FrontMatter {
        get { storage.frontMatter }
        _modify { yield &unique().frontMatter }
    }

    @inlinable public var body: ParsedMarkdown {
        get { storage.body }
        _modify { yield &unique().body }
    }

    /// Whether `other` is this very value, not an equal one: both share one box, so nothing about
    /// them can differ. Memos keyed by page (``PageMemo``) use it to know a page is unchanged.
    @inlinable public func isIdentical(to other: ParsedPage) -> Bool { storage === other.storage }

    /// The box, copied first if another value shares it, so that a change never shows through a copy.
    @usableFromInline mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    // @unchecked Sendable: the fields are written only through `unique()`, that is only while this
    // box belongs to exactly one `ParsedPage` value, which Swift's exclusivity rules give to one thread
    // at a time; a box shared between values (and so possibly threads) is only ever read.
    @usableFromInline final class Storage: @unchecked Sendable {
        @usableFromInline var kind: Kind
        @usableFromInline var file: ContentFile
        @usableFromInline var sitePath: SitePath
        @usableFromInline var frontMatter: FrontMatter
        @usableFromInline var body: ParsedMarkdown

        init(kind: Kind, file: ContentFile, sitePath: SitePath, frontMatter: FrontMatter, body: ParsedMarkdown) {
            self.kind = kind
            self.file = file
            self.sitePath = sitePath
            self.frontMatter = frontMatter
            self.body = body
        }

        func copy() -> Storage { Storage(kind: kind, file: file, sitePath: sitePath, frontMatter: frontMatter, body: body) }
    }
}

/// Reads one content file and parses its front matter and Markdown.
public enum PageParser {
    /// The overview page of a module folder that has no `index.md`: its title is the folder's name.
    public static func generatedOverview(ofModule folder: String, displayPath: String) -> ParsedPage {
        let file = ContentFile(relativePath: folder + "/index.md", displayPath: displayPath + "/index.md", absolutePath: "")
        return ParsedPage(
            kind: .module, file: file, sitePath: SitePath.forContent(file.relativePath),
            frontMatter: FrontMatter(title: OrderPrefix.strip(folder)),
            body: ParsedMarkdown(html: "", headings: [], links: [], diagnostics: []))
    }

    public static func parse(
        _ file: ContentFile, kind: ParsedPage.Kind, config: SiteConfig, markdownOptions: MarkdownOptions
    ) -> ParsedPage {
        let sitePath = SitePath.forContent(file.relativePath)
        func failed(_ problem: Diagnostic) -> ParsedPage {
            ParsedPage(
                kind: kind, file: file, sitePath: sitePath, frontMatter: FrontMatter(),
                body: ParsedMarkdown(html: "", headings: [], links: [], diagnostics: [problem]))
        }
        guard let read = AuthorText.read(file.absolutePath) else {
            return failed(.error(.fileUnreadable, at: SourceLocation(path: file.displayPath, line: 1, column: 1)))
        }
        let text: String
        switch read {
        case .success(let decoded): text = decoded
        case .failure(let problem): return failed(AuthorText.diagnostic(problem, path: file.displayPath))
        }
        var diagnostics: [Diagnostic] = []
        var split = FrontMatterSplitter.split(text)
        let matterClosed = split.unterminatedAt == nil
        // mdBook and GitHub name a page by its first `# heading`: without front matter it becomes the title.
        let leading = matterClosed ? LeadingTitle.take(from: split.body) : nil
        var titleFromHeading: String?
        if let leading, split.yaml == nil {
            titleFromHeading = leading.title
            split.body = leading.rest
            split.bodyLineOffset += leading.lines
        }
        if let line = split.unterminatedAt {
            diagnostics.append(.error(.frontMatterUnclosed, at: SourceLocation(path: file.displayPath, line: line, column: 1)))
        }
        for fence in split.lookAlikeFences {
            diagnostics.append(.warning(.frontMatterFenceLookAlike, fence.text, at: SourceLocation(path: file.displayPath, line: fence.line, column: 1)))
        }
        var (frontMatter, matterDiagnostics) = FrontMatter.parse(
            matterClosed ? split.yaml : "", path: file.displayPath, urlPolicy: config.urlPolicy)
        var options = markdownOptions
        options.path = file.displayPath
        options.contentPath = file.relativePath
        options.allowRawHTML = config.allowRawHTML
        options.urlPolicy = config.urlPolicy
        options.variables = config.variables
        if let title = titleFromHeading, let leading {
            // The heading is rendered as the body would render it (variables filled outside code, `\{{` kept,
            // `{#id}`, an unknown name located), and its id is kept from the body's headings.
            let headingLine = split.bodyLineOffset
            var titleOptions = options
            titleOptions.lineOffset = headingLine - 1
            let heading = MarkdownRenderer.render(leading.line, options: titleOptions)
            frontMatter = FrontMatter(title: heading.headings.first?.text ?? title)
            frontMatter.titleID = heading.headings.first?.id
            if let id = frontMatter.titleID { options.reservedIDs.insert(id) }
            matterDiagnostics = [.warning(.titleFromHeading, title, at: SourceLocation(path: file.displayPath, line: headingLine, column: 1))]
                + heading.diagnostics
        } else if let leading, split.yaml != nil, leading.title == frontMatter.title {
            // The theme writes the title as the page's `<h1>`; the heading stays, since links may point at its id.
            matterDiagnostics.append(.warning(
                .titleRepeated, leading.title, at: SourceLocation(path: file.displayPath, line: split.bodyLineOffset + leading.lines, column: 1)))
        }
        if let yaml = split.yaml, matterClosed {
            matterDiagnostics += frontMatter.substituteVariables(config.variables, yaml: yaml, path: file.displayPath)
        }
        options.lineOffset = split.bodyLineOffset
        var body = MarkdownRenderer.render(split.body, options: options)
        if frontMatter.isTest, body.blockIDs["quiz", default: []].isEmpty, !body.diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(.error(.testWithoutQuestions, at: SourceLocation(path: file.displayPath, line: 1, column: 1)))
        }
        if let titleID = frontMatter.titleID { body.anchorIDs.insert(titleID) }
        // With an error in its front matter the page's title is unknown, and a heading repeating it is no second one.
        if matterClosed, !matterDiagnostics.contains(where: { $0.severity == .error }),
           let topLevel = BodyTopLevelHeadings.warning(body.headings, title: frontMatter.title) { diagnostics.append(topLevel) }
        // Without its closing `---`, the whole file was read as the body: its YAML as text and headings, and no
        // title. K1004 alone is the page's problem until it is closed (a save caught half-written, too).
        body.diagnostics = matterClosed ? diagnostics + matterDiagnostics + body.diagnostics : diagnostics
        // Built by appending, the HTML has up to twice its length in spare room; the site keeps every
        // page's HTML until the build ends, so it keeps a tight copy.
        body.html = tightCopy(of: body.html)
        return ParsedPage(kind: kind, file: file, sitePath: sitePath, frontMatter: frontMatter, body: body)
    }

    /// `text` in storage of its own length.
    static func tightCopy(of text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                _ = buffer.initialize(from: bytes)
                return bytes.count
            }
        }
    }
}

