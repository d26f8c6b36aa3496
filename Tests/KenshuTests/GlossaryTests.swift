import Foundation
import KenshuContent
import KenshuCore
import KenshuRender
import KenshuSite
import KenshuTheme
import Testing
@testable import KenshuBuild

/// Glossary terms link to glossary.html once per page, in prose only, longest name first.
@Suite struct GlossaryTests {
    static let glossary = """
        - term: クラウド
          reading: くらうど
          definition: インターネット越しに使う計算機資源
        - term: ガバメントクラウド
          reading: がばめんとくらうど
          definition: 国が用意する & 自治体が使う "クラウド"
          aliases: [ガバクラ]
        - term: RFP
          reading: あーるえふぴー
          definition: 提案依頼書
        - term: アンバサダー
          reading: あんばさだー
          definition: 広報役
        - term: 標準化
          reading: ひょうじゅんか
          definition: 国の基準に合わせること
        - term: 標準化法
          reading: ひょうじゅんかほう
          definition: 標準化の法律
        """

    static let lesson = TemporarySite.page("レッスン", """
        ## ガバメントクラウドとは

        `クラウド` はコードの中。[クラウド](https://example.com) はリンクの中。

        ```
        ガバメントクラウド
        ```

        ガバメントクラウドは国が用意するクラウドです。ガバクラとも呼びます。クラウドの話は続きます。RFPX は別の語、RFP は用語。標準化法が定めます。

        ```quiz
        アンバサダーの役割はどれでしょう。
        - [x] 標準化
        - [ ] クラウド
        - [ ] ガバクラ
        解説: 広報です。
        ```
        """)

    static func course() -> [String: String] {
        ["glossary.yml": glossary, "01-mod/01-lesson.md": lesson]
    }

    @Test func testFirstOccurrenceInProse_isLinkedLongestFirst() throws {
        let (model, site) = try CourseReviewFixture.run(Self.course(), transforms: [GlossaryLinker()])
        defer { site.remove() }
        let page = try #require(model.site.pages.first { $0.file.relativePath == "01-mod/01-lesson.md" })
        let html = page.body.html
        let links = html.components(separatedBy: "class=\"glossary-link\"").count - 1
        #expect(links == 4)
        // The heading, the code span, the code block, the link and the quiz stay as they were.
        #expect(html.contains("ガバメントクラウドとは<a class=\"permalink\""))
        #expect(html.contains("<code>クラウド</code>"))
        #expect(html.contains("<a href=\"https://example.com\">クラウド</a>"))
        #expect(html.contains("<pre><code>ガバメントクラウド\n</code></pre>"))
        // The quiz is a typed block, not HTML: the theme draws it where it stands, after the linked paragraph.
        #expect(!html.contains("<form"))
        let drawn = page.body.html(drawnBy: Theme.load(layers: [.builtIn], language: "ja").0)
        #expect(drawn.contains("が定めます。</p>\n<form class=\"quiz\""))
        #expect(drawn.contains("<span>標準化</span>"))
        // The longest name wins, so the first クラウド link is the standalone word, not part of ガバメントクラウド.
        let gov = "<a class=\"glossary-link\" href=\"../glossary.html#%E3%82%AC%E3%83%90%E3%83%A1%E3%83%B3%E3%83%88%E3%82%AF%E3%83%A9%E3%82%A6%E3%83%89\""
        #expect(html.contains(gov + " data-definition=\"国が用意する &amp; 自治体が使う &quot;クラウド&quot;\">ガバメントクラウド</a>は国が用意する"))
        #expect(html.contains("用意する<a class=\"glossary-link\" href=\"../glossary.html#%E3%82%AF%E3%83%A9%E3%82%A6%E3%83%89\""))
        #expect(html.contains(">クラウド</a>です。ガバクラとも呼びます。クラウドの話"))
        // 標準化法 is found as itself, not as the shorter 標準化 it starts with.
        #expect(html.contains("href=\"../glossary.html#%E6%A8%99%E6%BA%96%E5%8C%96%E6%B3%95\" data-definition=\"標準化の法律\">標準化法</a>が定めます"))
        // A Latin name does not match inside a longer word.
        #expect(html.contains("RFPX は別の語、<a class=\"glossary-link\""))
    }

    @Test func testUnusedTerm_warnsAtItsEntry_andQuizOrHeadingUseCounts() throws {
        let codes = try CourseReviewFixture.run(Self.course(), transforms: [GlossaryLinker()])
        defer { codes.site.remove() }
        let unused = codes.model.diagnostics.warnings.filter { $0.code == "K7301" }
        // アンバサダー and 標準化 appear only in the quiz; every term is used somewhere.
        #expect(unused.isEmpty)
        var files = Self.course()
        files["glossary.yml"] = Self.glossary + "\n- term: 未使用語\n  reading: みしようご\n  definition: どこにも出てこない\n"
        let (model, site) = try CourseReviewFixture.run(files, transforms: [GlossaryLinker()])
        defer { site.remove() }
        let warning = try #require(model.diagnostics.warnings.first { $0.code == "K7301" })
        #expect(warning.message.arguments == ["未使用語"])
        #expect(warning.location?.path.hasSuffix("glossary.yml") == true && warning.location?.line == 20)
    }

    @Test func testAliasNamingTwoTerms_isAnError() {
        let yaml = "- term: 共創PF\n  definition: a\n- term: 共創プラットフォーム\n  definition: b\n  aliases: [共創PF]\n"
        let (_, problems) = Glossary.parse(yaml, path: "glossary.yml")
        #expect(problems.map(\.code) == ["K7302"])
        #expect(problems.first?.location?.line == 3)
    }

    /// A definition is shown as text: Markdown marks in it are told at its line, the first one as written.
    @Test func testMarkdownInADefinition_isToldAtItsLine() {
        let yaml = """
            - term: 標準化
              definition: "詳しくは [標準化法](https://example.jp/law) と **基本方針** を参照"
            - term: 基本方針
              definition: 国が定めた方針。`kenshu` や <https://example.jp> は記号のまま
            - term: 共創PF
              definition: "[注] 角括弧や * 印、a]b(c) は文のうち"
            """
        let (terms, problems) = Glossary.parse(yaml, path: "glossary.yml")
        #expect(terms.count == 3)
        #expect(problems.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message.arguments)" } == [
            "K4106 2:15 [\"[標準化法](https://example.jp/law)\"]", "K4106 4:15 [\"`kenshu`\"]",
        ], "\(problems)")
        #expect(problems.first?.severity == .warning)
    }

    @Test func testGlossaryPage_groupsByGojuonRow_withIdsThatLinksUse() throws {
        let site = try TemporarySite(TemporarySite.smallCourse().merging(Self.course()) { $1 })
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded, "glossary links must point at ids that glossary.html has: \(site.messages(result))")
        let html = try site.read("glossary.html")
        let rows = ["id=\"gojuon-あ\"", "id=\"gojuon-か\"", "id=\"gojuon-は\""].map { html.range(of: $0)?.lowerBound }
        #expect(rows.allSatisfy { $0 != nil })
        #expect(rows.compactMap { $0 } == rows.compactMap { $0 }.sorted())
        // ー reads as the vowel before it: あーる… sorts as ああ… before あん….
        let rfp = try #require(html.range(of: "<dt id=\"rfp\">RFP"))
        let ambassador = try #require(html.range(of: "<dt id=\"アンバサダー\">"))
        #expect(rfp.lowerBound < ambassador.lowerBound)
        #expect(html.contains("<dt id=\"ガバメントクラウド\">ガバメントクラウド <span class=\"glossary-reading\">（がばめんとくらうど）</span></dt>"))
        #expect(html.contains("ガバクラ"))
        let lesson = try site.read("mod/lesson.html")
        #expect(lesson.contains("href=\"../glossary.html#%E3%82%AF%E3%83%A9%E3%82%A6%E3%83%89\""))
        #expect(lesson.contains("glossary.js"))
        #expect(lesson.contains("class=\"glossary-page-link\" href=\"../glossary.html\""))
    }

    @Test func testRawHTMLLinkText_isNotProse() throws {
        var files = Self.course()
        files["site.yml"] = "id: review-test\ntitle: 見直しテスト\noptions:\n  raw_html: true\n"
        files["01-mod/01-lesson.md"] = TemporarySite.page("レッスン", "<a href=\"https://example.com\">クラウド</a>の後のクラウド。\n")
        let (model, site) = try CourseReviewFixture.run(files, transforms: [GlossaryLinker()])
        defer { site.remove() }
        let page = try #require(model.site.pages.first { $0.file.relativePath == "01-mod/01-lesson.md" })
        #expect(page.body.html.contains("<a href=\"https://example.com\">クラウド</a>の後の<a class=\"glossary-link\""))
    }

    @Test func testGojuonRows() {
        #expect(GojuonRow.row(of: "がばめんと") == "か")
        #expect(GojuonRow.row(of: "アンバサダー") == "あ")
        #expect(GojuonRow.row(of: "っ") == "た")
        #expect(GojuonRow.row(of: "LGWAN") == GojuonRow.other)
        #expect(GojuonRow.order(of: "わ") < GojuonRow.order(of: GojuonRow.other))
    }

    @Test func testNoGlossary_noPageNoLink() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        #expect(try site.build().succeeded)
        #expect(!site.exists("glossary.html"))
        #expect(try !site.read("index.html").contains("glossary-page-link"))
    }
}
