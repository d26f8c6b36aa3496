import KenshuCore
import Testing
@testable import KenshuMarkdown

/// Markdown brought from mdBook: its preprocessor lines are named where they stand, and a code
/// block's attributes after a comma do not become part of the language's class.
@Suite struct MdBookMarkdownTests {
    func render(_ markdown: String) -> ParsedMarkdown {
        MarkdownRenderer.render(markdown, options: MarkdownOptions(path: "Content/01-a/02-b.md", contentPath: "01-a/02-b.md", lineOffset: 3))
    }

    @Test func testIncludeLinesAreLocatedWarnings() {
        let page = render("はじめに\n\n{{#include ../listings/ch01.md}}\n\n本文 {{#playground example.rs}} と \\{{#include kept.md}}\n")
        let found = page.diagnostics.filter { $0.message.key == .mdBookDirective }
        #expect(found.map(\.message.arguments) == [["include"], ["playground"]], "\(page.diagnostics)")
        #expect(found.map { $0.location?.description } == ["Content/01-a/02-b.md:6:1", "Content/01-a/02-b.md:8:4"])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(Message(.mdBookDirective, "include").text(in: .ja) == "mdBook の '{{#include …}}' は Kenshu では取り込まれず、文字のまま表示されます")
        #expect(page.html.contains("{{#include ../listings/ch01.md}}"), "the line stays visible, as the warning says")
    }

    @Test func testCodeAndVariablesAreNotMdBookLines() {
        let page = render("`{{#include a.md}}`\n\n```\n{{#include b.md}}\n```\n\n{{ name }} と {{#}}\n")
        #expect(!page.diagnostics.contains { $0.message.key == .mdBookDirective })
    }

    @Test func testAttributesAfterACommaAreNotTheLanguage() {
        let page = render("```rust,ignore\nfn main() {}\n```\n\n```console,editable\n$ ls\n```\n\n```,odd\nx\n```\n")
        #expect(page.html.contains(#"<pre><code class="language-rust">fn main() {}"#))
        #expect(page.html.contains(#"<pre><code class="language-console">$ ls"#))
        #expect(page.html.contains("<pre><code>x\n"), "nothing before the comma: no language")
        // Qiita names the file after a colon.
        #expect(render("```ruby:app.rb\nputs 1\n```\n").html.contains(#"<pre><code class="language-ruby">puts 1"#))
        #expect(render("```:設定.txt\nx = 1\n```\n").html.contains("<pre><code>x = 1"), "a file name alone is no language")
    }
}
