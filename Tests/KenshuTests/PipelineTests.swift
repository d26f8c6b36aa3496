import Foundation
import KenshuCore
import KenshuQuiz
import KenshuRender
import KenshuSite
import KenshuTheme
import Testing
@testable import KenshuBuild
@testable import KenshuServe

/// Build and preview run one pipeline: the same checks, typed quizzes in the site, outputs as plug-ins.
@Suite struct PipelineTests {
    static func brokenThemeCourse() throws -> TemporarySite {
        var files = TemporarySite.smallCourse()
        files["site.yml"] = "id: test-course\ntitle: テスト研修\ntheme: broken\n"
        files["Themes/broken/templates/pager.mustache"] = "<a href=\"{{root}}assets/nowhere.css\">x</a>\n"
        return try TemporarySite(files)
    }

    @Test func testBrokenThemeLink_failsBuildAndPreviewAlike() async throws {
        let site = try Self.brokenThemeCourse()
        defer { site.remove() }
        let build = try site.build()
        #expect(!build.succeeded)
        #expect(build.diagnostics.contains { $0.code == "K9001" })
        let session = PreviewSession(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path))
        guard case .failed(let problems) = await session.rebuildAll() else {
            Issue.record("the preview served a site whose theme has a broken link")
            return
        }
        #expect(problems.contains { $0.code == "K9001" && $0.message.arguments.first == "../assets/nowhere.css" })
        try site.write("site.yml", "id: test-course\ntitle: テスト研修\n")
        guard case .ready = await session.rebuild(changed: [site.content.path + "/site.yml"]) else {
            Issue.record("the preview did not recover once the theme was no longer used")
            return
        }
    }

    /// A lesson renamed while the preview runs leaves the links to it broken: they are the author's, reported
    /// once at their Markdown line (K5005), as the build reports them, not again in rendered pages the theme
    /// check looks at (a lesson, print.html) that the author cannot edit.
    @Test func testRenamedLesson_isReportedAtTheMarkdownOnly_inThePreview() async throws {
        var files = TemporarySite.smallCourse()
        files["02-cloud/01-basics.md"] = TemporarySite.page("基礎", "[役割](../01-intro/02-roles.md#役割分担)\n")
        let site = try TemporarySite(files)
        defer { site.remove() }
        let session = PreviewSession(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path))
        guard case .ready = await session.rebuildAll() else {
            Issue.record("the course did not build")
            return
        }
        let old = site.content.path + "/01-intro/02-roles.md", new = site.content.path + "/01-intro/02-yakuwari.md"
        try FileManager.default.moveItem(atPath: old, toPath: new)
        guard case .failed(let problems) = await session.rebuild(changed: [old, new]) else {
            Issue.record("a broken link was served")
            return
        }
        #expect(Set(problems.filter { $0.severity == .error }.map(\.code)) == ["K5005"], "\(problems)")

        // A fragment missing on the page itself: print.html writes it `#print-N-…`; still the Markdown's alone.
        try FileManager.default.moveItem(atPath: new, toPath: old)
        try site.write("02-cloud/01-basics.md", TemporarySite.page("基礎", "[ここ](#ここにない)\n"))
        guard case .failed(let fragment) = await session.rebuild(changed: [old, new, site.content.path + "/02-cloud/01-basics.md"]) else {
            Issue.record("a broken fragment was served")
            return
        }
        #expect(Set(fragment.filter { $0.severity == .error }.map(\.code)) == ["K5008"], "\(fragment)")
    }

    /// print.html repeats every lesson's links: an external one the check warns of (`http://` to a host the
    /// site reaches by `https://` elsewhere, K9006) is reported once, at the Markdown line.
    @Test func testExternalLinkWarning_isNotRepeatedForPrintHTML() throws {
        var files = TemporarySite.smallCourse()
        files["02-cloud/01-basics.md"] = TemporarySite.page("基礎", "[安全](https://example.jp/a) と [古い](http://example.jp/b)\n")
        let site = try TemporarySite(files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded)
        let warned = result.diagnostics.filter { $0.code == "K9006" }
        #expect(warned.count == 1 && warned.first?.location?.path.hasSuffix("Content/02-cloud/01-basics.md") == true, "\(warned)")
    }

    @Test func testQuizModel_reachesTheSite() throws {
        var files = TemporarySite.smallCourse()
        files["01-intro/03-quiz.md"] = TemporarySite.page("問題", """
            ```quiz
            id: q-fee
            利用料を負担するのは誰でしょう。
            - [ ] デジタル庁
              > 環境の整備は国ですが、利用料は別です。
            - [x] 各地方公共団体
            解説: 利用料は各団体が負担します。
            ```

            ```quiz
            二十の業務を数字で書くと？
            answer: 20業務 | 二十業務
            kana
            ```
            """)
        let site = try TemporarySite(files)
        defer { site.remove() }
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path))
        let model = try pipeline.update()
        let page = try #require(model.site.pages.first { $0.file.relativePath == "01-intro/03-quiz.md" })
        let quizzes = page.body.quizzes
        #expect(quizzes.count == 2)
        let fee = try #require(quizzes.first)
        #expect(fee.id == "q-fee" && fee.storageID == "intro/quiz.html#q-fee" && fee.kind == .single)
        #expect(fee.questionMarkdown == "利用料を負担するのは誰でしょう。")
        #expect(fee.choices.map(\.markdown) == ["デジタル庁", "各地方公共団体"])
        #expect(fee.choices.map(\.isCorrect) == [false, true])
        #expect(fee.choices[0].feedbackMarkdown == "環境の整備は国ですが、利用料は別です。")
        #expect(fee.explanationMarkdown == "利用料は各団体が負担します。")
        #expect(fee.location.line == 4)
        let text = try #require(quizzes.last)
        #expect(text.kind == .text && text.answers == ["20業務", "二十業務"] && text.kanaInsensitive)
    }

    /// Pages are named by `PageID`s: the home, each module's overview and lessons, in reading order.
    @Test func testSiteStructure_namesPagesByID() throws {
        var files = TemporarySite.smallCourse()
        files["02-cloud/index.md"] = nil
        let site = try TemporarySite(files)
        defer { site.remove() }
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path))
        let built = try pipeline.update().site
        let home = try #require(built.home)
        #expect(built[page: home].kind == .home && built.module(of: home) == nil)
        #expect(built.page(-1, from: home) == nil)
        let titles = built.modules.map { $0.pages.map { built[page: $0].frontMatter.title } }
        #expect(titles == [["はじめに", "ようこそ研修へ", "役割"], ["cloud", "基礎", "方式"]])
        // A module without index.md still has a (generated) overview, before its lessons.
        let cloud = built.modules[1]
        let overview = try #require(cloud.overview)
        #expect(overview < cloud.lessons[0] && built.module(of: cloud.lessons[1]) == 1)
        let last = try #require(built.pageIDs.last)
        #expect(built.page(1, from: last) == nil && built.page(-1, from: last) == cloud.lessons[0])
        #expect(built.module(of: PageID(position: 999)) == nil)
    }

    /// A generator added to the list writes its file in build and serves it in preview.
    struct Hello: SiteGenerator {
        let name = "hello"
        func files(for site: Site, theme: Theme) -> [GeneratedFile] {
            let title = site.config.title
            return [GeneratedFile(path: SitePath("hello.txt")) { RenderedSite.Page(path: SitePath("hello.txt"), html: "こんにちは " + title) }]
        }
    }

    @Test func testGenerators_arePlugIns() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path))
        pipeline.generators.append(Hello())
        let model = try pipeline.update()
        let rendered = pipeline.outputs(model)
        let index = try #require(rendered.pagePaths.firstIndex(of: SitePath("hello.txt")))
        #expect(rendered.renderPage(index).html == "こんにちは テスト研修")
        #expect(pipeline.timings.map(\.step) == SitePipeline.stepNames)
    }

    @Test func testIncrementalUpdate_reparsesOnlyTheEditedPage() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path), incremental: true)
        _ = try pipeline.update()
        try site.write("01-intro/01-welcome.md", TemporarySite.page("ようこそ研修へ", "## 目的\n\n[壊れた](nowhere.md)\n"))
        let edited = pipeline.watchedFolders[0] + "/01-intro/01-welcome.md"
        let broken = try pipeline.update(changed: [edited])
        #expect(!broken.shapeChanged)
        #expect(broken.diagnostics.errors.map(\.code) == ["K5005"])
        try site.write("01-intro/01-welcome.md", TemporarySite.page("ようこそ研修へ", "## 目的\n\n直した。\n"))
        let fixed = try pipeline.update(changed: [edited])
        #expect(fixed.diagnostics.errors.isEmpty)
    }

    /// An SVG edited while the preview runs is read for scripts again (K1044), as the build reads it.
    @Test func testEditedSVG_isReadForScriptsAgain() throws {
        var files = TemporarySite.smallCourse()
        files["01-intro/図.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>\n"
        files["01-intro/01-welcome.md"] = TemporarySite.page("ようこそ研修へ", "## 目的\n\n![図](図.svg)\n")
        let site = try TemporarySite(files)
        defer { site.remove() }
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path), incremental: true)
        #expect(try pipeline.update().diagnostics.errors.isEmpty)
        try site.write("01-intro/図.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n")
        let edited = pipeline.watchedFolders[0] + "/01-intro/図.svg"
        #expect(try pipeline.update(changed: [edited]).diagnostics.errors.map(\.code) == ["K1044"])
        try site.write("01-intro/図.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>\n")
        #expect(try pipeline.update(changed: [edited]).diagnostics.errors.isEmpty)
    }

    /// A file no page links to is published anyway: a warning at the file (K1041), in the build and in the
    /// preview alike, coming and going with the one link that used it.
    @Test func testUnlinkedFile_isWarned_andFollowsEdits() throws {
        var files = TemporarySite.smallCourse()
        files["01-intro/予算案.xlsx"] = "PK"
        files["02-cloud/資料/手順.pdf"] = "%PDF"
        files["02-cloud/02-models.md"] = "---\ntitle: 方式\nsources:\n  - title: 手順\n    url: 資料/%E6%89%8B%E9%A0%86.pdf\n---\n本文。\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let built = try site.build()
        #expect(site.printed(built, .ja).filter { $0.contains("[K1041]") } == [
            "Content/01-intro/予算案.xlsx:1:1: 警告: '01-intro/予算案.xlsx' はどのページからもリンクされていませんが、サイトに公開されます（書き出しにも入ります） — 公開しないファイル（作業用の表やメモなど）なら教材フォルダーの外に移してください。基の教材のファイルなら site.yml の 'hide:' に書けます。公開するなら、ページからリンクしてください [K1041]",
        ], "a file named by a source's relative URL counts as used")

        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path), incremental: true)
        #expect(try pipeline.update().diagnostics.all.filter { $0.code == "K1041" }.count == 1)
        let edited = pipeline.watchedFolders[0] + "/01-intro/02-roles.md"
        try site.write("01-intro/02-roles.md", TemporarySite.page("役割", "## 役割分担\n\n[予算](予算案.xlsx)\n"))
        let linked = try pipeline.update(changed: [edited]).diagnostics.all.filter { $0.code == "K1041" }
        #expect(linked.map { $0.location?.path.hasSuffix("01-intro/images/図1.png") } == [true], "the image lost its only link; the spreadsheet gained one")
    }

    /// What a web server or an HTML file of the course loads, and a glossary's source, count as used;
    /// with raw HTML allowed (which may load anything) K1041 says nothing.
    @Test func testUnlinkedFile_exemptions() throws {
        var files = TemporarySite.smallCourse()
        files["robots.txt"] = "User-agent: *\n"
        files["01-intro/demo/index.html"] = "<link rel=stylesheet href=style.css>"
        files["01-intro/demo/style.css"] = "p{}"
        files["01-intro/demo/img/a.png"] = "PNG"
        files["01-intro/02-roles.md"] = TemporarySite.page("役割", "## 役割分担\n\n![図](images/図1.png) [デモ](demo/index.html)\n")
        files["資料/用語の定義.pdf"] = "%PDF"
        files["glossary.yml"] = "- term: 標準化\n  definition: そろえること。\n  source:\n    title: 定義\n    url: 資料/用語の定義.pdf\n"
        files["memo.txt"] = "x"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let warned = try site.build().diagnostics.filter { $0.code == "K1041" }.compactMap { $0.location?.path }
        #expect(warned.count == 1 && warned[0].hasSuffix("Content/memo.txt"), "\(warned)")
        try site.write("site.yml", "id: test-course\ntitle: テスト研修\noptions:\n  raw_html: true\n")
        #expect(try site.build().diagnostics.allSatisfy { $0.code != "K1041" })
    }
}
