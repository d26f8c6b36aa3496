import KenshuContent
import KenshuCore
import KenshuMarkdown

/// One content page after parsing: its front matter and its rendered body.
public struct ParsedPage: Sendable {
    public enum Kind: String, Sendable { case home, module, lesson }

    public var kind: Kind
    public var file: ContentFile
    public var sitePath: SitePath
    public var frontMatter: FrontMatter
    public var body: ParsedMarkdown
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
        let split = FrontMatterSplitter.split(text)
        if let line = split.unterminatedAt {
            diagnostics.append(.error(.frontMatterUnclosed, at: SourceLocation(path: file.displayPath, line: line, column: 1)))
        }
        var (frontMatter, matterDiagnostics) = FrontMatter.parse(
            split.unterminatedAt == nil ? split.yaml : "", path: file.displayPath, urlPolicy: config.urlPolicy)
        if let yaml = split.yaml, split.unterminatedAt == nil {
            matterDiagnostics += frontMatter.substituteVariables(config.variables, yaml: yaml, path: file.displayPath)
        }
        var options = markdownOptions
        options.path = file.displayPath
        options.contentPath = file.relativePath
        options.lineOffset = split.bodyLineOffset
        options.allowRawHTML = config.allowRawHTML
        options.urlPolicy = config.urlPolicy
        options.variables = config.variables
        var body = MarkdownRenderer.render(split.body, options: options)
        if frontMatter.isTest, body.blockIDs["quiz", default: []].isEmpty, !body.diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(.error(.testWithoutQuestions, at: SourceLocation(path: file.displayPath, line: 1, column: 1)))
        }
        body.diagnostics = diagnostics + matterDiagnostics + body.diagnostics
        return ParsedPage(kind: kind, file: file, sitePath: sitePath, frontMatter: frontMatter, body: body)
    }
}

