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
        guard let data = FileManagerReader.read(file.absolutePath) else {
            let problem = Diagnostic.error(
                at: SourceLocation(path: file.displayPath, line: 1, column: 1), "cannot read this file",
                fix: "check that it exists and that you may read it")
            return ParsedPage(
                kind: kind, file: file, sitePath: sitePath, frontMatter: FrontMatter(),
                body: ParsedMarkdown(html: "", headings: [], links: [], diagnostics: [problem]))
        }
        var diagnostics: [Diagnostic] = []
        let text: String
        if let decoded = String(validatingUTF8Data: data) {
            text = decoded
        } else {
            text = String(decoding: data, as: UTF8.self)
            diagnostics.append(.error(
                at: SourceLocation(path: file.displayPath, line: 1, column: 1), "this file is not UTF-8 text",
                fix: "save it as UTF-8 (in Windows Notepad: 名前を付けて保存 → 文字コード UTF-8)"))
        }
        let split = FrontMatterSplitter.split(text)
        if let line = split.unterminatedAt {
            diagnostics.append(.error(
                at: SourceLocation(path: file.displayPath, line: line, column: 1), "the front matter is never closed",
                fix: "add a line with only '---' after the last front matter line"))
        }
        let (frontMatter, matterDiagnostics) = FrontMatter.parse(split.unterminatedAt == nil ? split.yaml : "", path: file.displayPath)
        var options = markdownOptions
        options.path = file.displayPath
        options.contentPath = file.relativePath
        options.lineOffset = split.bodyLineOffset
        options.allowRawHTML = config.allowRawHTML
        var body = MarkdownRenderer.render(split.body, options: options)
        body.diagnostics = diagnostics + matterDiagnostics + body.diagnostics
        return ParsedPage(kind: kind, file: file, sitePath: sitePath, frontMatter: frontMatter, body: body)
    }
}

import Foundation

enum FileManagerReader {
    static func read(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
}

extension String {
    init?(validatingUTF8Data data: Data) {
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        self = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
