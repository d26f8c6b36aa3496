import Foundation
import KenshuCore
import KenshuMarkdown
import Testing
@testable import KenshuBuild
@testable import KenshuQuiz
@testable import KenshuRender
@testable import KenshuServe
@testable import KenshuTheme

/// The theme owns presentation: quiz markup and the preview's error page are templates a layer can
/// override file by file, and templates read typed contexts that say what they hold.
@Suite struct ThemePresentationTests {
    static let builtIn = Theme.load(layers: [.builtIn], language: "ja").0
    static let quiz = "```quiz\nid: pick\n<b>どれ</b>でしょう。\n- [ ] A & B\n  > ちがいます。\n- [x] \"C\"\n解説: C です。\n```\n"

    @Test func testQuizMarkup_isTheThemes_andALayerOverridesItWithOneFile() throws {
        var files = TemporarySite.smallCourse()
        files["02-cloud/01-basics.md"] = TemporarySite.page("基礎", "前の段落。\n\n" + Self.quiz + "\n後の段落。\n")
        let site = try TemporarySite(files)
        defer { site.remove() }
        let built = try site.build()
        #expect(built.succeeded, "\(site.messages(built))")
        let plain = try site.read("cloud/basics.html")
        #expect(plain.contains("<p>前の段落。</p>\n<form class=\"quiz\" id=\"quiz-pick\" data-quiz=\"cloud/basics.html#pick\" data-kind=\"single\">"))
        #expect(plain.contains("<li class=\"quiz-choice\" data-correct=\"false\"><label><input type=\"radio\" name=\"quiz-pick\" value=\"0\"> <span>A &amp; B</span></label>"))
        #expect(plain.contains("<strong>正解：</strong>&quot;C&quot;</p>"))
        #expect(plain.contains("</form>\n<p>後の段落。</p>"))

        try site.write("site.yml", "id: test-course\ntitle: テスト研修\ntheme: [town]\n")
        try site.write("Themes/town/templates/quiz.mustache", """
            <div class="town-quiz" data-id="{{id}}" data-kind="{{kind}}">{{{question}}}<ol>{{#choices}}<li data-ok="{{correct}}">{{{html}}}</li>{{/choices}}</ol>{{t.quiz_check}}</div>

            """)
        let layered = try site.build()
        #expect(layered.succeeded, "\(site.messages(layered))")
        let html = try site.read("cloud/basics.html")
        #expect(!html.contains("<form class=\"quiz\""))
        #expect(html.contains("<p>前の段落。</p>\n<div class=\"town-quiz\" data-id=\"quiz-pick\" data-kind=\"single\"><p>"))
        #expect(html.contains("<li data-ok=\"false\">A &amp; B</li><li data-ok=\"true\">&quot;C&quot;</li></ol>答え合わせ</div>\n<p>後の段落。</p>"))
        // The page's other quiz features still see the quiz: the score line counts it.
        #expect(html.contains("data-total=\"1\""))
    }

    @Test func testEnglishQuiz_takesItsWordsAndPunctuationFromTheTheme() throws {
        var files = TemporarySite.smallCourse()
        files["site.yml"] = "id: test-course\ntitle: Test\nlanguage: en\n"
        files["02-cloud/01-basics.md"] = TemporarySite.page("Basics", Self.quiz)
        let site = try TemporarySite(files)
        defer { site.remove() }
        let built = try site.build()
        #expect(built.succeeded, "\(site.messages(built))")
        let html = try site.read("cloud/basics.html")
        #expect(html.contains("<legend>Check your understanding</legend>"))
        #expect(html.contains("<strong>Answer: </strong>&quot;C&quot;</p>"))
        #expect(try site.read("print.html").contains("Answer: 2. &quot;C&quot;"))
    }

    @Test func testPrintView_drawsEachQuizInItsPlace_withoutLookingForItInHTML() throws {
        var files = TemporarySite.smallCourse()
        files["02-cloud/01-basics.md"] = TemporarySite.page("基礎", "前。\n\n" + Self.quiz + "\n中。\n\n```quiz\n二問目\nanswer: x\n```\n\n後。\n")
        let site = try TemporarySite(files)
        defer { site.remove() }
        try site.write("Themes/default/templates/quiz.mustache", "<form class=\"quiz\" id=\"{{id}}\">changed</form>\n")
        let built = try site.build()
        #expect(built.succeeded, "\(site.messages(built))")
        let print = try site.read("print.html")
        #expect(!print.contains("<form class=\"quiz\"") && !print.contains("changed"))
        #expect(print.contains("<p>前。</p>\n<div class=\"print-quiz\">\n<p class=\"print-quiz-label\"><strong>問 1</strong></p>"))
        #expect(print.contains("</div>\n<p>中。</p>\n<div class=\"print-quiz\">\n<p class=\"print-quiz-label\"><strong>問 2</strong></p>"))
        #expect(try site.read("cloud/basics.html").contains("<form class=\"quiz\" id=\"quiz-pick\">changed</form>\n<p>中。</p>"))
    }

    @Test func testQuizInsideAQuiz_staysACodeBlockOfTheOuterQuiz() throws {
        var options = MarkdownOptions(path: "Content/a.md", contentPath: "a.md", lineOffset: 0)
        options.fencedBlockHandlers["quiz"] = QuizBlockHandler()
        let markdown = "````quiz\n問い\nanswer: a\n解説: 下の例。\n\n```quiz\n内側\nanswer: b\n```\n````\n"
        let page = MarkdownRenderer.render(markdown, options: options)
        #expect(page.diagnostics.isEmpty, "\(page.diagnostics)")
        #expect(page.blocks.count == 1)
        let quiz = try #require(page.quizzes.first)
        #expect(quiz.explanationHTML.contains("<code class=\"language-quiz\">内側\nanswer: b\n</code>"))
    }

    // MARK: - Placed blocks

    struct Marker: BlockModel { var name: String }

    func body(_ html: String, blocks: [(Int, String)]) -> ParsedMarkdown {
        ParsedMarkdown(html: html, headings: [], links: [], diagnostics: [], blocks: blocks.map { PlacedBlock(offset: $0.0, model: Marker(name: $0.1)) })
    }

    func draw(_ body: ParsedMarkdown) -> String { body.assembled { _, model in "[" + ((model as? Marker)?.name ?? "?") + "]" } }

    @Test func testInsertions_moveBlocksWithTheTextAroundThem() {
        // "<p>ab</p>\n" then block X at 10, then "<p>cd</p>\n" then block Y at the end (20).
        var page = body("<p>ab</p>\n<p>cd</p>\n", blocks: [(10, "X"), (20, "Y")])
        page.insert([(3, "<a>", false), (5, "</a>", true), (13, "日本", false), (20, "</z>", true)])
        #expect(draw(page) == "<p><a>ab</a></p>\n[X]\n<p>日本cd</p>\n</z>[Y]\n")
        #expect(page.proseRuns.isEmpty)
        // An insertion at a block's offset that opens something goes after the block.
        var opening = body("<p>a</p>\n", blocks: [(9, "Z")])
        opening.insert([(9, "<p>b</p>\n", false)])
        #expect(draw(opening) == "<p>a</p>\n[Z]\n<p>b</p>\n")
    }

    @Test func testAssembly_clampsOffsetsItCannotHonour() {
        let page = body("<p>a</p>\n", blocks: [(-4, "A"), (999, "B")])
        #expect(draw(page) == "[A]\n<p>a</p>\n[B]\n")
        #expect(body("", blocks: []).assembled { _, _ in "x" } == "")
        // An offset inside a multi-byte character neither crashes nor loses the block or the text around it.
        let split = draw(body("<p>日本</p>\n", blocks: [(4, "M")]))
        #expect(split.contains("[M]") && split.contains("本</p>"))
        var inserted = body("<p>日本</p>\n", blocks: [(10, "N")])
        inserted.insert([(4, "<a>", false)])
        #expect(draw(inserted).contains("[N]\n"))
    }

    // MARK: - Typed contexts

    @Test func testEveryContextKey_isReadableByName_andEncoded() throws {
        let quiz = Quiz(
            id: "q1", storageID: "a.html#q1", kind: .text, questionHTML: "<p>q</p>\n", questionMarkdown: "q", choices: [],
            answers: ["x\"<y>"], explanationHTML: "", explanationMarkdown: "", shuffle: true, kanaInsensitive: true,
            location: SourceLocation(path: "a.md", line: 1, column: 1))
        let context = QuizContext(quiz, strings: Self.builtIn.strings)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(context)) as? [String: Any] ?? [:]
        for key in QuizContext.CodingKeys.allCases {
            #expect(context.child(named: key.rawValue).isPresent || json[key.rawValue] == nil, "\(key)")
        }
        #expect(json["answers_json"] as? String == #"["x\"<y>"]"#)
        #expect(!context.child(named: "no_such_key").isPresent)
        let drawn = Self.builtIn.templates.render(context, withTemplate: "quiz") ?? ""
        #expect(drawn.contains(#"data-shuffle="true" data-answers="[&quot;x\&quot;&lt;y&gt;&quot;]" data-kana="true">"#))
        #expect(drawn.contains("<strong>正解：</strong>x&quot;&lt;y&gt;</p>"))
    }

    @Test func testPageContext_encodesWhatATemplateSees_andAGeneratedPagesOwnValuesWin() throws {
        let (model, site) = try CourseReviewFixture.run(
            ["01-mod/01-a.md": TemporarySite.page("レッスン", Self.quiz, extra: "minutes: 5\n")], transforms: [])
        defer { site.remove() }
        let index = try #require(model.site.pageIDs.first { model.site[page: $0].kind == .lesson })
        let page = PageContextBuilder(site: model.site, page: index, theme: model.theme).context
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(page)) as? [String: Any])
        #expect(json["quiz_count"] as? Int == 1 && json["has_quizzes"] as? Bool == true)
        let values = try #require(json["page"] as? [String: Any])
        #expect(values["title"] as? String == "レッスン" && values["minutes"] as? String == "5分")
        #expect((values["content"] as? String)?.contains("<form class=\"quiz\" id=\"quiz-pick\"") == true)
        #expect(json["prev"] != nil && json["modules"] == nil)

        let own = PrintQuizContext(t: [:], number: 7, question: "", isText: false, isMultiple: false, choices: [])
        let layered = LayeredContext(own: own, page: page)
        #expect(layered.child(named: "number").number == 7)
        #expect(layered.child(named: "page_path").text == model.site[page: index].sitePath.value)
        #expect(layered.child(named: "t").words?.isEmpty == true)
        let both = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(layered)) as? [String: Any])
        #expect(both["number"] as? Int == 7 && both["site_id"] as? String == "review-test")
    }

    @Test func testDefaultTemplates_useOnlyNamesTheContextsDeclare() throws {
        var declared = Set(["t", "."])
        declared.formUnion(PageContext.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(PageContext.SiteValues.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(PageContext.Attribution.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(PageContext.Upstream.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(PageContext.PageValues.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(PageContext.SourceValues.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(PageContext.Link.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(PageContext.NavEntry.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(PageContext.ModuleCard.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(QuizContext.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(QuizContext.Choice.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(GlossaryPageContext.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(GlossaryPageContext.Row.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(GlossaryPageContext.Term.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(PrintPageContext.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(PrintPageContext.TOCEntry.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(PrintPageContext.Section.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(PrintPageContext.Answer.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(PrintQuizContext.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(ErrorPageContext.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(ErrorPageContext.Problem.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(WarningsPanelContext.CodingKeys.allCases.map(\.rawValue))
        declared.formUnion(["lang", "title"])  // scorm-launch
        var undeclared: [String] = []
        for (path, text) in BuiltInTheme.files where path.hasSuffix(".mustache") {
            for name in Self.variableNames(in: text) where !declared.contains(name) { undeclared.append(path + ": " + name) }
        }
        #expect(undeclared.isEmpty, "\(undeclared)")
    }

    /// The first part of each `{{name}}`, `{{#name.x}}`, `{{{name}}}` (not partials, blocks, comments or `{{^last()}}`).
    static func variableNames(in template: String) -> Set<String> {
        var names = Set<String>()
        for piece in template.components(separatedBy: "{{").dropFirst() {
            var tag = Substring(piece.prefix { $0 != "}" })
            guard let first = tag.first, !">!<$/".contains(first) else { continue }
            if "#^&{".contains(first) { tag = tag.dropFirst() }
            let name = tag.trimmingCharacters(in: .whitespaces).split(separator: ".").first.map(String.init) ?? "."
            if name.hasSuffix(")") { continue }
            names.insert(name)
        }
        return names
    }

    // MARK: - Error page

    static let problem = Diagnostic.error(.quizNoQuestion, at: SourceLocation(path: "Content/a.md", line: 3, column: 1))

    @Test func testErrorPage_isTheThemesTemplate_withTheCatalogsWords() {
        let html = ErrorPage.html([Self.problem, .warning(.quizNoQuestion, at: nil)], language: .en, theme: Self.builtIn)
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(html.contains("<li><code>Content/a.md:3:1</code> the quiz has no question<br><span class=\"fix\">"))
        #expect(html.components(separatedBy: "<li>").count == 2)
        let missing = ErrorPage.notFound("a/<b>.html", language: .ja, theme: nil)
        #expect(missing.contains("<p><code>a/&lt;b&gt;.html</code></p>"))
        #expect(!missing.contains("<ol>"))
    }

    @Test func testErrorPage_followsALayer_andFallsBackWhenTheLayerIsBroken() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-error-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("<main class=\"town\">{{#problems}}<p>{{message}} [{{code}}]</p>{{/problems}}</main>".utf8)
            .write(to: templates.appendingPathComponent("preview-error.mustache"))
        let town = Theme.load(layers: [.builtIn, .folder(folder.path)], language: "ja").0
        let html = ErrorPage.html([Self.problem], language: .ja, theme: town)
        #expect(html.hasPrefix("<main class=\"town\"><p>") && html.hasSuffix("]</p></main>"))

        try Data("{{#problems}}unclosed".utf8).write(to: templates.appendingPathComponent("preview-error.mustache"))
        let (broken, problems) = Theme.load(layers: [.builtIn, .folder(folder.path)], language: "ja")
        #expect(!problems.isEmpty)
        #expect(ErrorPage.html([Self.problem], language: .ja, theme: broken).contains("<h1>"))

        try Data("{{! nothing }}".utf8).write(to: templates.appendingPathComponent("preview-error.mustache"))
        let empty = Theme.load(layers: [.builtIn, .folder(folder.path)], language: "ja").0
        let fallback = ErrorPage.html([Self.problem], language: .en, theme: empty)
        #expect(fallback.contains("<h1>") && fallback.contains("Content/a.md:3:1"))
    }

    @Test func testWarningsPanel_holdsThePagesWarnings_andIsLeftOutWithoutAny() throws {
        let warning = Diagnostic.warning(.quizNoQuestion, at: SourceLocation(path: "Content/a.md", line: 3, column: 1))
        let panel = try #require(ErrorPage.warningsPanel([warning], total: 4, language: .ja, theme: Self.builtIn))
        #expect(panel.hasPrefix("<aside class=\"kenshu-preview-warnings\" aria-label=\"プレビューの警告\""))
        #expect(panel.contains("<summary style=\"cursor:pointer;font-weight:bold\">このページの警告 1 件（コース全体で 4 件）</summary>"))
        #expect(panel.contains("<code style=\"background:#fff;padding:0 0.2em\">Content/a.md:3:1</code>"))
        #expect(panel.contains("<a href=\"/__kenshu/warnings\""))
        let elsewhere = try #require(ErrorPage.warningsPanel([], total: 4, language: .en, theme: nil))
        #expect(elsewhere.contains(">4 warning(s) in the course</summary>") && !elsewhere.contains("<ol"))
        #expect(ErrorPage.warningsPanel([], total: 0, language: .ja, theme: Self.builtIn) == nil)

        #expect(ErrorPage.warnings([], language: .ja, theme: Self.builtIn).contains("<p>警告はありません。</p>"), "the last one mended")
        let list = ErrorPage.warnings([warning], language: .ja, theme: Self.builtIn)
        #expect(list.contains("<h1>警告の一覧</h1>") && list.contains("<code>Content/a.md:3:1</code>"))
        let page = LiveReloadScript.inject(into: "<html><body><p>x</p></body></html>", adding: panel)
        #expect(page.components(separatedBy: "<aside").count == 2 && page.hasSuffix("</script>\n</body></html>"))
        #expect(try #require(page.range(of: "<aside")).lowerBound < #require(page.range(of: "<script>")).lowerBound)
    }

    @Test func testMinimalErrorPage_escapesEverything() {
        let context = ErrorPageContext(
            lang: "en\"", title: "<t>", problems: [.init(place: "a<b>.md:1:1", message: "m&", fix: "<f>", code: "K1")], missingPath: "<p>")
        let html = ErrorPage.minimal(context)
        #expect(!html.contains("<t>") && !html.contains("<b>") && !html.contains("<f>") && html.contains("<code>&lt;p&gt;</code>"))
        #expect(html.contains("<html lang=\"en&quot;\">"))
    }
}

