import Mustache
import Testing
@testable import KenshuTheme

/// Seeded random templates made of Mustache's pieces (tags, standalone lines, CRLF, delimiters,
/// inheritance, stray braces): Kenshu's renderer and swift-mustache 2.1.1 must accept and reject the
/// same ones, with the same message and place, and render the accepted ones to the same bytes.
@Suite struct TemplateRandomTests {
    static let pieces = [
        "{{", "}}", "{", "}", "\n", "\r\n", "  ", "\t", "x", "日本", "&", "<", "'", "{{title}}", "{{{title}}}", "{{& names}}",
        "{{#items}}", "{{/items}}", "{{^none}}", "{{/none}}", "{{#yes}}", "{{/yes}}", "{{^no}}", "{{/no}}", "{{#nested}}",
        "{{/nested}}", "{{.}}", "{{name}}", "{{^last()}}", "{{/last()}}", "{{index()}}", "{{#first()}}", "{{/first()}}",
        "{{> item}}", "{{> lines}}", "{{> text}}", "{{<parent}}", "{{/parent}}", "{{$title}}", "{{/title}}", "{{$body}}",
        "{{/body}}", "{{! c }}", "{{=<% %>=}}", "<%title%>", "<%={{ }}=%>", "{{count(names)}}", "{{t.greeting}}",
        "{{%CONTENT_TYPE: TEXT}}", "{{#tags}}", "{{/tags}}", "{{crlf}}", "{{combining}}",
    ]

    @Test func testRandomTemplates_behaveAsInSwiftMustache() throws {
        var random = RandomInputTests.Seeded(state: 0x6B65_6E73_6875)
        let base = try TemplatePair(TemplateCorpus.partials)
        var parsed = 0
        for _ in 0..<3000 {
            let length = Int(random.next() % 14) + 1
            let template = (0..<length).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            var pair = base
            var ourError: TemplateLibrary.SyntaxError?
            var referenceError: MustacheTemplate.ParserError?
            do { try pair.ours.register(template, named: "main") } catch { ourError = error }
            do { try pair.reference.register(template, named: "main") } catch { referenceError = error as? MustacheTemplate.ParserError }
            switch (ourError, referenceError) {
            case (nil, nil):
                parsed += 1
                let (ours, reference) = pair.render(CorpusContext(), "main")
                #expect(ours == reference, "\(template.debugDescription)")
            case (let ours?, let reference?):
                #expect(ours.description == "\(reference.error)", "\(template.debugDescription)")
                #expect(ours.line == reference.context.lineNumber && ours.column == reference.context.columnNumber,
                        "\(template.debugDescription)")
            default:
                Issue.record("\(template.debugDescription): ours \(String(describing: ourError)), swift-mustache \(String(describing: referenceError))")
            }
        }
        #expect(parsed > 300)
    }
}
