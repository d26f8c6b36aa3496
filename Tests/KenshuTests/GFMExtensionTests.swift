import KenshuCore
import Testing
@testable import KenshuMarkdown

/// GFM extensions as a site renders them: where they apply, where not, and what they record.
@Suite struct GFMExtensionTests {
    func render(_ markdown: String, rawHTML: Bool = false) -> ParsedMarkdown {
        MarkdownRenderer.render(
            markdown, options: withJapaneseWords(MarkdownOptions(path: "Content/01-a/02-b.md", contentPath: "01-a/02-b.md", lineOffset: 3, allowRawHTML: rawHTML)))
    }

    @Test func testStrikethrough_inJapaneseText_andNotForSingleTildes() {
        #expect(render("これは~~取り消し~~です。\n").html == "<p>これは<del>取り消し</del>です。</p>\n")
        #expect(render("期間は1~2日、3~4日です。\n").html == "<p>期間は1~2日、3~4日です。</p>\n")
        #expect(render("~~**太字**も~~消す\n").html == "<p><del><strong>太字</strong>も</del>消す</p>\n")
        #expect(render("`~~code~~` ~~~three~~~\n").html == "<p><code>~~code~~</code> ~~~three~~~</p>\n")
    }

    /// Obsidian's and Typora's highlight, `==text==` → `<mark>`; `a == b`, `===` and code stay as written.
    @Test func testHighlight_inJapaneseText_andNotForSpacedOrLongerRuns() {
        #expect(render("ここが==重要==です。\n").html == "<p>ここが<mark>重要</mark>です。</p>\n")
        #expect(render("==**太字**も== ~~消す==印==~~\n").html == "<p><mark><strong>太字</strong>も</mark> <del>消す<mark>印</mark></del></p>\n")
        #expect(render("a == b と x === y と `==code==`\n").html == "<p>a == b と x === y と <code>==code==</code></p>\n")
        #expect(render("==[リンク](02-c.md)==\n").html.contains("<mark><a href=\"c.html\">リンク</a></mark>"))
        #expect(render("\\==そのまま== と \\~~これも~~\n").html == "<p>==そのまま== と ~~これも~~</p>\n", "escaped, as written")
        #expect(render("P3 \\~~x~~ \\==y== と ~~消す~~ ==印==\n").html == "<p>P3 ~~x~~ ==y== と <del>消す</del> <mark>印</mark></p>\n")
    }

    /// The quiz model's text without comments, for any way a comment ends a text: a block on its own last line
    /// (libcmark's literal holds a line break the text has not), one left open, one over several lines.
    @Test func testMarkdownComments_areCutWithoutReadingPastTheText() {
        #expect(MarkdownComments.removed(from: "問題\n\n<!-- メモ") == "問題\n\n")
        #expect(MarkdownComments.removed(from: "<!-- メモ\n続き -->") == "")
        #expect(MarkdownComments.removed(from: "<!-- メモ\n続き -->\n後") == "\n後")
        #expect(MarkdownComments.removed(from: "前 <!-- 行を\nまたぐ --> 後") == "前  後")
        #expect(MarkdownComments.removed(from: "前 `<!-- code -->` 後") == "前 `<!-- code -->` 後")
        #expect(MarkdownComments.removed(from: "<!--") == "")
    }

    /// Emoji shortcodes pasted from GitHub, Qiita or Slack become the emoji; times, unknown names, code and
    /// names glued to a word stay as written.
    @Test func testEmojiShortcodes_becomeTheEmoji() {
        #expect(render(":warning: 注意 :bulb:ヒント :+1:\n").html == "<p>\u{26A0}\u{FE0F} 注意 \u{1F4A1}ヒント \u{1F44D}</p>\n")
        #expect(render("10:30:00 と a:x:b と :not_an_emoji: と `:warning:`\n").html
            == "<p>10:30:00 と a:x:b と :not_an_emoji: と <code>:warning:</code></p>\n")
        #expect(render("**:beginner: 初めての方へ**\n").html == "<p><strong>\u{1F530} 初めての方へ</strong></p>\n")
    }

    @Test func testTaskItems_becomeDisabledCheckboxes_onlyInOrdinaryLists() {
        let html = render("- [ ] 未完了\n- [x] 完了\n- [y] 違う\n- [ ]\n").html
        #expect(html.contains(#"<li><input disabled="" type="checkbox" aria-label="未完了"> 未完了</li>"#))
        #expect(html.contains(#"<li><input checked="" disabled="" type="checkbox" aria-label="完了"> 完了</li>"#))
        #expect(html.contains("<li>[y] 違う</li>"))
        #expect(html.contains("<li>[ ]</li>"))
        // A paragraph, not a list item, keeps its brackets.
        #expect(render("[ ] そのまま\n").html == "<p>[ ] そのまま</p>\n")
    }

    @Test func testAutolinks_areRecordedWithTheirColumn() {
        // A URL ends at Japanese punctuation (cmark-gfm would run on up to the next space).
        let page = render("詳細は https://www.digital.go.jp/ と www.soumu.go.jp、info@example.jp まで。\n")
        #expect(page.html.contains(#"<a href="https://www.digital.go.jp/">https://www.digital.go.jp/</a>"#))
        #expect(page.html.contains(#"<a href="http://www.soumu.go.jp">www.soumu.go.jp</a>、"#))
        #expect(page.html.contains(#"<a href="mailto:info@example.jp">info@example.jp</a>"#))
        #expect(page.links.map(\.destination) == ["https://www.digital.go.jp/", "http://www.soumu.go.jp", "mailto:info@example.jp"])
        #expect(page.links.first?.location.description == "Content/01-a/02-b.md:4:5")
        #expect(page.links.allSatisfy { $0.target == .external })
    }

    @Test func testAutolinks_notInsideLinksOrCode() {
        let html = render("[https://a.example.jp](https://b.example.jp) `https://c.example.jp`\n").html
        #expect(html == #"<p><a href="https://b.example.jp">https://a.example.jp</a> <code>https://c.example.jp</code></p>"# + "\n")
    }

    @Test func testFootnotes_numberedSectionAndRecordedLinks() {
        let page = render("# 見出し\n\n脚注です[^1]。もう一つ[^メモ]、再び[^1]。\n\n[^1]: 脚注の本文。\n[^メモ]: [リンク](../02-c/03-d.md) 付き。\n")
        #expect(page.html.contains(##"脚注です<sup class="footnote-ref"><a href="#fn1" id="fnref1">1</a></sup>。"##))
        #expect(page.html.contains(##"再び<sup class="footnote-ref"><a href="#fn1" id="fnref1-2">1</a></sup>。"##))
        #expect(page.html.contains(##"<li id="fn1">\##n<p>脚注の本文。 <a href="#fnref1" class="footnote-backref">↩</a> <a href="#fnref1-2" class="footnote-backref">↩<sup class="footnote-ref">2</sup></a></p>"##))
        #expect(page.html.contains(##"<li id="fn2">\##n<p><a href="../c/d.html">リンク</a> 付き。 <a href="#fnref2" class="footnote-backref">↩</a></p>"##))
        #expect(!page.html.contains("[^"))
        #expect(page.anchorIDs.isSuperset(of: ["fn1", "fn2", "fnref1", "fnref1-2", "fnref2"]))
        // The definition's link keeps its place in the file (line 6 of the body + 3 lines of front matter).
        #expect(page.links.first { $0.destination == "../02-c/03-d.md" }?.location.description == "Content/01-a/02-b.md:9:8")
        #expect(page.links.filter { $0.target == .samePage(fragment: "fn1") }.count == 2)
        #expect(page.diagnostics.isEmpty)
    }

    @Test func testFootnoteIDs_neverGoToHeadings() {
        let page = render("## fn1\n\n本文[^a]\n\n## fnref1\n\n[^a]: 注\n")
        #expect(page.headings.map(\.id) == ["fn1-1", "fnref1-1"])
        #expect(page.html.contains(#"<li id="fn1">"#))
    }

    @Test func testFootnotes_unusedDefinitionWarns_missingOneStaysText() {
        let page = render("本文[^なし]。\n\n[^不要]: 使われない注。\n")
        #expect(page.html == "<p>本文[^なし]。</p>\n")
        #expect(page.diagnostics.map { TemporarySite.withoutCode($0.description) } == [
            "Content/01-a/02-b.md:4:3: warning: footnote '[^なし]' has no definition, so it is shown as text — add a line '[^なし]: …' with the note's text",
            "Content/01-a/02-b.md:6:1: warning: footnote '[^不要]' is never referenced, so it is left out of the page — refer to it with '[^不要]' in the text, or delete it",
        ])
    }

    @Test func testFootnoteDefinitions_withWindowsLineBreaksAndIndentedBlocks() {
        let html = render("本文[^1]\r\n\r\n  [^1]: 一行目\r\n    続き\r\n\r\n    - 項目\r\n\r\n次の段落\r\n").html
        #expect(html.hasPrefix("<p>本文<sup class=\"footnote-ref\">"))
        #expect(html.contains("<p>次の段落</p>\n<section class=\"footnotes\">"))
        #expect(html.contains("<li id=\"fn1\">\n<p>一行目続き</p>\n<ul>\n<li>項目</li>\n</ul>\n<a href=\"#fnref1\" class=\"footnote-backref\">↩</a>\n</li>"))
    }

    @Test func testFootnoteDefinitions_insideCodeAreCode() {
        let html = render("```\n[^1]: コード\n```\n\n本文[^1]\n").html
        #expect(html.contains("<pre><code>[^1]: コード\n</code></pre>"))
        #expect(html.contains("<p>本文[^1]</p>"))
    }

    @Test func testHeadingIDs_likeGitHub_numberedFromOne_andWithoutTagNames() {
        let page = render("## タプル\n## タプル\n## タプル-1\n## A<ruby>様<rt>よう</rt></ruby>B\n")
        #expect(page.headings.map(\.id) == ["タプル", "タプル-1", "タプル-1-1", "a様ようb"])
    }

    @Test func testSamePageFragments_areWrittenInNFC() {
        let page = render("## が\n\n[x](#か\u{3099}) [y](#%E3%81%8B%E3%82%99) [z](#%E3%81%8C)\n")
        #expect(page.html.contains(##"<a href="#%E3%81%8C">x</a> <a href="#%E3%81%8C">y</a> <a href="#%E3%81%8C">z</a>"##))
        #expect(page.links.map(\.target) == Array(repeating: .samePage(fragment: "が"), count: 3))
    }

    @Test func testGFMTransforms_leaveQuizChoicesToTheQuizPlugIn() {
        // Outside a ```quiz block `- [x]` is a task item; inside, the quiz parser reads it (QuizTests).
        #expect(render("- [x] 正解\n").html.contains("checkbox"))
    }
}
