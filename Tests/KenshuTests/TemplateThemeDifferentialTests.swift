import Foundation
import KenshuCore
import Testing
@testable import KenshuBuild
@testable import KenshuExport
@testable import KenshuQuiz
@testable import KenshuRender
@testable import KenshuServe
@testable import KenshuSite
@testable import KenshuTheme

/// Every default theme template, rendered with real contexts from the bundled course (every page
/// kind, each quiz, the print view and its quizzes, the glossary, the progress page, the error and
/// not-found pages, the SCORM launcher), gives the same bytes with Kenshu's renderer as with
/// swift-mustache 2.1.1.
@Suite struct TemplateThemeDifferentialTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled course, copied so the pipeline never touches the repository's `Content/`.
    static func bundledModel() throws -> SitePipeline.Model {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Content"), to: content)
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: content.path, themesDirectory: nil))
        return try pipeline.update()
    }

    static func referencePair() throws -> TemplatePair {
        var templates: [String: String] = [:]
        for (path, text) in BuiltInTheme.files where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            templates[String(path.dropFirst("templates/".count).dropLast(".mustache".count))] = text
        }
        return try TemplatePair(templates)
    }

    @Test func testEveryDefaultTemplate_withTheBundledCoursesContexts_rendersAsSwiftMustacheDoes() throws {
        let model = try Self.bundledModel()
        let site = model.site
        let theme = model.theme
        let pair = try Self.referencePair()
        var rendered: [String: Int] = [:]
        var kinds = Set<String>()
        func compare(_ context: some TemplateObject, _ template: String, _ label: String) {
            let (ours, reference) = pair.render(context, template)
            #expect(ours != nil && ours == reference, "\(template) for \(label)")
            // The theme's own library (as loaded for the build) agrees too.
            #expect(theme.templates.render(context, withTemplate: template) == ours, "\(template) for \(label)")
            rendered[template, default: 0] += 1
        }

        for id in site.pageIDs {
            let page = site[page: id]
            kinds.insert(page.kind.rawValue)
            compare(PageContextBuilder(site: site, page: id, theme: theme).context, page.kind.rawValue, page.sitePath.value)
            for quiz in page.body.quizzes {
                compare(QuizContext(quiz, strings: theme.strings), "quiz", quiz.storageID)
                compare(PrintQuizContext(
                    t: theme.strings, number: 1, question: quiz.questionHTML, isText: quiz.kind == .text,
                    isMultiple: quiz.kind == .multiple, choices: quiz.choices.map(\.html)), "print-quiz", quiz.storageID)
            }
        }
        compare(PageContextBuilder(site: site, page: nil, theme: theme).context, "home", "generated home")
        compare(PageContextBuilder(site: site, page: nil, theme: theme, generated: .progress).context, "progress", "progress")
        let glossary = GlossaryGenerator.values(site.glossary, strings: theme.strings)
        compare(LayeredContext(own: glossary, page: PageContextBuilder(site: site, page: nil, theme: theme, generated: .glossary).context),
                "glossary", "glossary")
        let print = PrintGenerator.values(site, theme: theme)
        compare(LayeredContext(own: print, page: PageContextBuilder(site: site, page: nil, theme: theme, generated: .print).context),
                "print", "print")
        let problem = ErrorPageContext.Problem(place: "Content/a.md:3:1", message: "<問題> & \"引用\"", fix: "直す", code: "K2001")
        compare(ErrorPageContext(lang: "ja", title: "エラー", intro: "次を直してください", problems: [problem, problem]), "preview-error", "errors")
        compare(ErrorPageContext(lang: "en", title: "Not found", missingPath: "a/<b>.html", homeLink: "Home"), "preview-error", "not found")
        compare(WarningsPanelContext(label: "警告", summary: "このページの警告 2 件", problems: [problem, problem], allPath: "/__kenshu/warnings",
                                     allLink: "すべて"), "preview-warnings", "warnings panel")
        compare(WarningsPanelContext(label: "Warnings", summary: "3 in <all>", problems: [], allPath: "/a?b=1&c", allLink: "All"),
                "preview-warnings", "warnings elsewhere")
        compare(SCORMLaunchContext(lang: "ja", title: site.config.title), "scorm-launch", "scorm")

        #expect(kinds.isSuperset(of: ["home", "module", "lesson"]), "\(kinds)")
        #expect(!glossary.glossaryRows.isEmpty && !print.printSections.isEmpty)
        let themeTemplates = Set(BuiltInTheme.files.keys.filter { $0.hasPrefix("templates/") }
            .map { String($0.dropFirst("templates/".count).dropLast(".mustache".count)) })
        let partials: Set = ["layout", "breadcrumbs", "page-header", "pager", "sidebar", "sources"]
        #expect(Set(rendered.keys).union(partials) == themeTemplates, "\(rendered)")
        #expect((rendered["quiz"] ?? 0) >= 3)
    }

    @Test func testEnglishStrings_andATestPage_renderAsSwiftMustacheDoes() throws {
        let (model, site) = try CourseReviewFixture.run(
            ["site.yml": "id: en-test\ntitle: English <course>\nlanguage: en\norganisation: A & B\n",
             "01-mod/01-a.md": TemporarySite.page("A 'lesson'", CourseReviewFixture.multiple([true, false, true]), extra: "minutes: 5\n"),
             "01-mod/02-test.md": TemporarySite.page("Test", CourseReviewFixture.single(right: 2), extra: "kind: test\npass_mark: 70\n")],
            transforms: [])
        defer { site.remove() }
        let pair = try Self.referencePair()
        var kinds: [String] = []
        for id in model.site.pageIDs {
            let page = model.site[page: id]
            kinds.append(page.kind.rawValue)
            let (ours, reference) = pair.render(PageContextBuilder(site: model.site, page: id, theme: model.theme).context, page.kind.rawValue)
            #expect(ours != nil && ours == reference, "\(page.sitePath.value)")
        }
        #expect(kinds.filter { $0 == "lesson" }.count == 2)
    }
}
