import Foundation
import Testing
@testable import KenshuCheck

/// Markdown written for GitHub or mdBook, built with Kenshu's default settings (no `raw_html`).
@Suite struct ImportedLessonTests {
    static let lesson = """
        <!-- English original: Tuples -->
        ## タプル

        <!--
        A multi-line note to the translator.
        -->
        漢字に<ruby>振<rp>(</rp><rt>ふ</rt><rp>)</rp></ruby>り仮名、ファイル名は<span class="filename">src/main.rs</span>です。

        | 図 | 説明 |
        | --- | --- |
        | <img src="images/tuple.svg" alt="タプルの図"/> | ~~古い説明~~ 新しい説明 |

        本文に脚注があります[^1]。詳しくは https://www.digital.go.jp/ か www.example.jp を参照。

        - [x] 読んだ
        - [ ] 試した

        ## タプル

        <a id="custom"></a>ここへ[戻る](#custom)、[二つ目](#タプル-1)、[注](#fn1)。

        [^1]: 脚注の本文。

        ```quiz
        タスクリストと同じ書き方の選択肢は、確認問題のものです。

        - [x] 正しい
        - [ ] 誤り
        ```

        """

    @Test func testImportedLesson_buildsCleanly_showsNoMarkup_andPassesCheck() throws {
        var files = TemporarySite.smallCourse()
        files["01-intro/03-imported.md"] = TemporarySite.page("取り込んだ教材", Self.lesson)
        files["01-intro/images/tuple.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded)
        #expect(site.messages(result).isEmpty, "\(site.messages(result))")
        let page = try site.read("intro/imported.html")
        let main = String(page[(page.range(of: "<main")?.lowerBound ?? page.startIndex)...])

        // Comments: gone, not even escaped.
        #expect(!page.contains("English original") && !page.contains("translator") && !page.contains("&lt;!--"))
        // No markup shown as text anywhere in the lesson.
        #expect(!main.contains("&lt;"), "markup shown as text")
        #expect(!main.contains("[^1]") && !main.contains("~~") && !main.contains("[x]") && !main.contains("[ ]"))
        // Safe inline HTML.
        #expect(page.contains("<ruby>振<rp>(</rp><rt>ふ</rt><rp>)</rp></ruby>"))
        #expect(page.contains(#"<span class="filename">src/main.rs</span>"#))
        #expect(page.contains(#"<td><img src="images/tuple.svg" alt="タプルの図" /></td>"#))
        // GFM extensions.
        #expect(page.contains("<del>古い説明</del> 新しい説明"))
        #expect(page.contains(##"<sup class="footnote-ref"><a href="#fn1" id="fnref1">1</a></sup>"##))
        #expect(page.contains(##"<li id="fn1">"##) && page.contains(##"class="footnote-backref""##))
        #expect(page.contains(#"<a href="https://www.digital.go.jp/">https://www.digital.go.jp/</a>"#))
        #expect(page.contains(#"<a href="http://www.example.jp">www.example.jp</a>"#))
        #expect(page.contains(#"<li><input checked="" disabled="" type="checkbox" aria-label="完了"> 読んだ</li>"#))
        #expect(page.contains(#"<li><input disabled="" type="checkbox" aria-label="未完了"> 試した</li>"#))
        // Duplicate headings numbered as on GitHub, links to them and to the raw-HTML anchor valid.
        #expect(page.contains(#"<h2 id="タプル">"#) && page.contains(#"<h2 id="タプル-1">"#))
        #expect(page.contains(#"<a id="custom"></a>"#))
        // The quiz's `- [x]` choices stay the quiz plug-in's.
        #expect(page.contains(#"<li class="quiz-choice" data-correct="true">"#))
        #expect(page.components(separatedBy: "aria-label=\"完了\"").count == 2)

        let report = try SiteChecker.check(root: site.output.path)
        #expect(report.errors == 0, "\(report.findings.map { $0.describe(root: "") })")
        #expect(!report.findings.contains { $0.file == "intro/imported.html" }, "\(report.findings.map { $0.describe(root: "") })")
    }

    @Test func testCheckIgnore_letsKnownBrokenInternalLinksThroughAsWarnings() throws {
        var files = TemporarySite.smallCourse()
        files["site.yml"] = "title: テスト\ncheck:\n  ignore:\n    - 'original-only\\.md'\n    - '^missing/'\n"
        files["01-intro/03-imported.md"] = TemporarySite.page("A", "[元サイト](original-only.md) ![画像](missing/x.png)\n\n[壊れた](nowhere.md)\n")
        let site = try TemporarySite(files)
        defer { site.remove() }
        var result = try site.build()
        #expect(!result.succeeded)
        let messages = site.messages(result)
        #expect(messages.contains { $0.hasPrefix("Content/01-intro/03-imported.md:4:1: warning: link 'original-only.md' points to a page that does not exist") && $0.contains("(ignored: it matches 'check: ignore' in site.yml)") })
        #expect(messages.contains { $0.hasPrefix("Content/01-intro/03-imported.md:4:") && $0.contains("warning: image 'missing/x.png' points to a file that does not exist (ignored") })
        #expect(messages.contains { $0.hasPrefix("Content/01-intro/03-imported.md:6:1: error: link 'nowhere.md'") })

        // Without the one unignored link the build goes through, the HTML check agreeing.
        try site.write("01-intro/03-imported.md", TemporarySite.page("A", "[元サイト](original-only.md) ![画像](missing/x.png)\n"))
        result = try site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        #expect(site.messages(result).filter { $0.contains("error") }.isEmpty)
        // Each ignored link is reported once, at the Markdown line (the check of the built page agrees silently).
        #expect(site.messages(result).filter { $0.contains("ignored") }.count == 2, "\(site.messages(result))")
        #expect(!site.messages(result).contains { $0.contains("original-only.html") })

        // `kenshu check` with the same patterns: warnings, no errors; without them: errors.
        // (print.html repeats both links from the site root, as `intro/missing/x.png`, hence no '^' here.)
        let report = try SiteChecker.check(root: site.output.path, ignore: SiteChecker.ignoring(["original-only", "missing/"]))
        #expect(report.errors == 0)
        let unignored = try SiteChecker.check(root: site.output.path).errors
        #expect(unignored == 4, "the lesson and print.html each link both")
        #expect(report.findings.filter { $0.note != nil }.count == unignored)
    }

    @Test func testLinkNames_comeFromTheAccessibleName() {
        let html = """
            <a href="a.html" aria-label="閉じる"><svg></svg></a>
            <a href="a.html" title="前へ">←</a>
            <a href="a.html" aria-labelledby="t"><i></i></a>
            <a href="a.html"><img src="x.png" alt="ホーム"></a>
            <a href="a.html"><span aria-label="GitHub"></span></a>
            <a href="a.html" title="t"></a>
            <a href="a.html"><img src="x.png" alt=""></a>
            <a href="a.html" aria-label=" "></a>
            """
        let scan = PageScan.scan(html)
        #expect(scan.references.filter(\.isAnchor).map(\.hasNoText) == [false, false, false, false, false, false, true, true])
    }
}
