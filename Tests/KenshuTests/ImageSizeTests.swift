import KenshuCore
import Testing
@testable import KenshuMarkdown

/// `![図](a.png){width=300}` as Pandoc, Quarto, MkDocs and kramdown write an image's size: the braces were shown
/// after the image as text.
@Suite struct ImageSizeTests {
    func render(_ markdown: String) -> ParsedMarkdown {
        MarkdownRenderer.render(
            markdown, options: withJapaneseWords(MarkdownOptions(path: "Content/01-a/02-b.md", contentPath: "01-a/02-b.md", lineOffset: 3)))
    }

    @Test func testSizes_theToolsWrite_goOntoTheImage() {
        #expect(render("![図](a.png){width=300}のあとに文。\n").html == "<p><img src=\"a.png\" alt=\"図\" width=\"300\" />のあとに文。</p>\n")
        #expect(render("![図](a.png){ width=\"50%\" }\n").html == "<p><img src=\"a.png\" alt=\"図\" style=\"width:50%\" /></p>\n")
        #expect(render("![図](a.png){: width=\"300px\" height='200'}\n").html
            == "<p><img src=\"a.png\" alt=\"図\" width=\"300\" height=\"200\" /></p>\n")
        #expect(render("![図](a.png){height=120}\n").html == "<p><img src=\"a.png\" alt=\"図\" height=\"120\" style=\"height:120px\" /></p>\n",
                "a height alone counts against the theme's height: auto")
        #expect(render("![図](a.png){width=300}\n").diagnostics.isEmpty)
        #expect(!render("![図](a.png){width=300}\n").sections.contains { $0.text.contains("width") }, "not searched as text")
    }

    @Test func testOtherAttributeLists_areToldAndLeftAsText() {
        for written in ["{width=5cm}", "{.center}", "{#fig1 width=300}", "{width=0}", "{width=150%}", "{height=50%}", "{width=300 width=400}"] {
            let page = render("![図](a.png)\(written)\n")
            #expect(page.html == "<p><img src=\"a.png\" alt=\"図\" />\(written)</p>\n", "\(written)")
            #expect(page.diagnostics.map(\.message.key) == [.imageAttributesUnread], "\(written)")
            #expect(page.diagnostics.first?.location == SourceLocation(path: "Content/01-a/02-b.md", line: 4, column: 12), "\(written)")
        }
    }

    @Test func testBracesThatAreNoAttributeList_stayProse() {
        for written in ["{注：拡大できます}", " {width=300}", "{width=300", "{}", "{a b}"] {
            let page = render("![図](a.png)\(written)\n")
            #expect(page.html.hasPrefix("<p><img src=\"a.png\" alt=\"図\" />") && !page.html.contains("width=\""), "\(written)")
            #expect(page.diagnostics.isEmpty, "\(written)")
        }
        #expect(render("[リンク](a.md){width=300}\n").html.contains("</a>{width=300}"), "after a link it is no image's")
        for escaped in ["\\{width=300}", "&#123;width=300}", "{width={{w}}}"] {
            let page = render("![図](a.png)\(escaped)\n")
            #expect(!page.html.contains("width=\""), "\(escaped): \(page.html)")
            #expect(!page.diagnostics.contains { $0.message.key == .imageAttributesUnread }, "\(escaped)")
        }
        // kramdown's `{: .center}` is told once, as kramdown's (K5038).
        #expect(render("![図](a.png){: .center}\n").diagnostics.map(\.message.key) == [.otherToolSyntax])
    }
}
