import Foundation
import KenshuCore
import Mustache
import Testing
@testable import KenshuTheme

/// Kenshu's own Mustache renderer gives swift-mustache 2.1.1's bytes on a corpus covering every
/// feature a theme uses, and its errors carry the same message and place.
@Suite struct TemplateEngineTests {
    @Test func testCorpus_isLargeEnough() {
        #expect(TemplateCorpus.templates.count >= 60)
        #expect(Set(TemplateCorpus.templates).count == TemplateCorpus.templates.count)
    }

    @Test(arguments: TemplateCorpus.templates)
    func testEachCorpusTemplate_rendersAsSwiftMustacheDoes(_ template: String) throws {
        var pair = try TemplatePair(TemplateCorpus.partials)
        try pair.register(template, named: "main")
        let (ours, reference) = pair.render(CorpusContext(), "main")
        #expect(ours != nil)
        #expect(ours == reference, "\(template.debugDescription)")
    }

    @Test func testCorpus_exercisesWhatItClaims() throws {
        var pair = try TemplatePair(TemplateCorpus.partials)
        func ours(_ template: String) throws -> String {
            try pair.register(template, named: "main")
            return pair.ours.render(CorpusContext(), withTemplate: "main") ?? "(none)"
        }
        #expect(try ours("{{title}}") == "見出し &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;q&quot; &#39;a&#39;")
        #expect(try ours("{{#items}}{{name}}{{^last()}}, {{/last()}}{{/items}}") == "一, two &amp; co, 三")
        #expect(try ours("<div>\n    {{> lines}}\n</div>\n") == "<div>\n    first 見出し &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;q&quot; &#39;a&#39;\n    second\n    - い\n- &lt;b&gt;\n- c&amp;d\n- あ\n    last</div>\n")
        #expect(try ours("{{<grand}}{{$title}}outermost{{/title}}{{/grand}}").hasPrefix("<h1>outermost</h1>\n  default body\nend"))
        #expect(try ours("{{#empty}}[{{.}}]{{/empty}}{{#missing}}x{{/missing}}") == "[]")
        // `&` with a combining mark is one character that is not `&`: left as it is, like swift-mustache.
        #expect(try ours("{{combining}}") == "&\u{301}x<\u{338}y&quot;&#39;")
    }

    @Test(arguments: TemplateCorpus.broken)
    func testBrokenTemplate_failsWithSwiftMustachesMessageAndPlace(_ template: String) {
        var ours = TemplateLibrary()
        var reference = MustacheLibrary()
        var ourError: TemplateLibrary.SyntaxError?
        do { try ours.register(template, named: "t") } catch { ourError = error }
        var referenceError: MustacheTemplate.ParserError?
        do { try reference.register(template, named: "t") } catch { referenceError = error as? MustacheTemplate.ParserError }
        guard let error = ourError, let referenceError else {
            Issue.record("\(template.debugDescription): ours \(String(describing: ourError)), swift-mustache \(String(describing: referenceError))")
            return
        }
        #expect(error.description == "\(referenceError.error)", "\(template.debugDescription)")
        #expect(error.line == referenceError.context.lineNumber && error.column == referenceError.context.columnNumber,
                "\(template.debugDescription): \(error.line):\(error.column)")
    }

    @Test func testUnknownPartial_rendersEmpty_andUnknownTemplateIsNil() throws {
        let library = try TemplatePair(["main": "a{{> nowhere}}b"]).ours
        #expect(library.render(CorpusContext(), withTemplate: "main") == "ab")
        #expect(library.render(CorpusContext(), withTemplate: "absent") == nil)
    }

    @Test func testAPartialAndAnOverriddenBlock_areLookedUpWhenRendering() throws {
        var library = TemplateLibrary()
        try library.register("{{<base}}{{$b}}child{{/b}}{{/base}}|{{> p}}", named: "main")
        try library.register("[{{$b}}base{{/b}}]", named: "base")
        try library.register("first", named: "p")
        #expect(library.render(CorpusContext(), withTemplate: "main") == "[child]|first")
        try library.register("second", named: "p")
        #expect(library.render(CorpusContext(), withTemplate: "main") == "[child]|second")
    }

    @Test func testAPartialThatIncludesItself_stopsInsteadOfCrashing() throws {
        var library = TemplateLibrary()
        try library.register("a{{> self}}", named: "self")
        #expect(library.render(CorpusContext(), withTemplate: "self") == String(repeating: "a", count: TemplateRenderer.maxPartialDepth + 1))
        try library.register("<{{#nested}}{{> self}}{{/nested}}>", named: "wrapper")
        #expect(library.render(CorpusContext(), withTemplate: "wrapper")?.count == TemplateRenderer.maxPartialDepth + 2)
    }

    @Test func testABrokenThemeTemplate_isALocatedDiagnostic_andTheOthersStillLoad() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-broken-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let file = templates.appendingPathComponent("pager.mustache")
        try Data("<nav>\n{{#prev}}\n  <a href=\"{{href}}\">{{title}</a>\n{{/prev}}\n".utf8).write(to: file)
        let (theme, problems) = Theme.load(layers: [.builtIn, .folder(folder.path)], language: "ja")
        let problem = try #require(problems.first)
        #expect(problems.count == 1 && problem.code == "K8003")
        #expect(problem.location == SourceLocation(path: file.path, line: 3, column: 29), "\(problem)")
        #expect(problem.description.contains("unfinishedName"))
        #expect(theme.templates.contains("lesson") && !theme.templates.contains("pager"))
    }
}
