import Foundation
import Testing
@testable import KenshuBuild

/// Problems are reported at the author's `file:line:column`, all at once, and leave Output untouched.
@Suite struct DiagnosticsTests {
    /// Builds the small course once, then breaks it with `changes` and builds again.
    func buildBroken(_ changes: [String: String], strict: Bool = false) throws -> (TemporarySite, BuildResult, [String]) {
        let site = try TemporarySite(TemporarySite.smallCourse())
        #expect(try site.build().succeeded)
        for (path, text) in changes { try site.write(path, text) }
        let result = try site.build(strict: strict)
        return (site, result, site.messages(result))
    }

    @Test func testBrokenPageLink_failsAtItsLineAndSuggestsTheClosestPage() throws {
        let lesson = TemporarySite.page("ようこそ研修へ", "## 目的\n\n本文。\n\n詳しくは[役割](02-role.md)へ。\n")
        let (site, result, messages) = try buildBroken(["01-intro/01-welcome.md": lesson])
        defer { site.remove() }
        #expect(!result.succeeded)
        #expect(messages == [
            "Content/01-intro/01-welcome.md:8:5: error: link '02-role.md' points to a page that does not exist — did you mean '02-roles.md'?",
        ])
    }

    @Test func testMissingFragment_failsAndNamesTheHeadings() throws {
        let lesson = TemporarySite.page("基礎", "段落\n\n- [戻る](../01-intro/01-welcome.md#もくてき)\n")
        let (site, result, messages) = try buildBroken(["02-cloud/01-basics.md": lesson])
        defer { site.remove() }
        #expect(!result.succeeded)
        #expect(messages.count == 1)
        #expect(messages[0].hasPrefix(
            "Content/02-cloud/01-basics.md:6:3: error: link '../01-intro/01-welcome.md#もくてき': '01-intro/01-welcome.md' has no heading with id 'もくてき'"))
        #expect(messages[0].contains("#目的"))
    }

    @Test func testFailedBuild_leavesThePreviousOutputUntouched() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let before = try site.read("intro/welcome.html")
        try site.write("01-intro/01-welcome.md", TemporarySite.page("変更後", "[壊れた](nowhere.md)\n"))
        #expect(try !site.build().succeeded)
        #expect(try site.read("intro/welcome.html") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("kenshu-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func testAllProblemsAreReportedTogether() throws {
        let (site, result, messages) = try buildBroken([
            "01-intro/01-welcome.md": TemporarySite.page("A", "[x](missing.md)\n"),
            "02-cloud/01-basics.md": TemporarySite.page("B", "![x](images/none.png)\n"),
        ])
        defer { site.remove() }
        #expect(!result.succeeded)
        #expect(messages.count == 2)
        #expect(messages.contains { $0.hasPrefix("Content/01-intro/01-welcome.md:4:1: error:") })
        #expect(messages.contains { $0.hasPrefix("Content/02-cloud/01-basics.md:4:1: error: image 'images/none.png'") })
    }

    @Test func testFrontMatterErrors_pointAtTheYAMLLine() throws {
        let (site, result, messages) = try buildBroken([
            "01-intro/01-welcome.md": "---\ntitle: ようこそ\nminutes: 十分\nupdated: 2025/04/01\n---\n本文\n",
            "01-intro/02-roles.md": "---\ntitle: [壊れた\n---\n",
            "02-cloud/01-basics.md": "本文だけ\n",
        ])
        defer { site.remove() }
        #expect(!result.succeeded)
        #expect(messages.contains { $0.hasPrefix("Content/01-intro/01-welcome.md:3:10: error: 'minutes' must be a whole number") })
        #expect(messages.contains { $0.hasPrefix("Content/01-intro/01-welcome.md:4:10: error: 'updated' must be a date written YYYY-MM-DD") })
        #expect(messages.contains { $0.hasPrefix("Content/01-intro/02-roles.md:3:") && $0.contains("invalid YAML") })
        #expect(messages.contains { $0.hasPrefix("Content/02-cloud/01-basics.md:1:1: error: the page has no front matter") })
    }

    @Test func testUnknownSiteKey_warnsAtItsLine_andStrictFails() throws {
        var files = TemporarySite.smallCourse()
        files["site.yml"] = "id: test-course\ntitle: テスト\nlangauge: en\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let relaxed = try site.build()
        #expect(relaxed.succeeded)
        #expect(site.messages(relaxed) == ["Content/site.yml:3:1: warning: unknown key 'langauge' is ignored — did you mean 'language'?"])
        #expect(try !site.build(strict: true).succeeded)
    }

    @Test func testLinksThatLeaveTheCourse_areRefusedOrWarned() throws {
        let (site, result, messages) = try buildBroken([
            "01-intro/01-welcome.md": TemporarySite.page("A", "[外](../../etc/passwd)\n\n[根](/intro/index.html)\n"),
        ])
        defer { site.remove() }
        #expect(!result.succeeded)
        #expect(messages.contains { $0.hasPrefix("Content/01-intro/01-welcome.md:4:1: error: link '../../etc/passwd' leads outside the content folder") })
        #expect(messages.contains { $0.hasPrefix("Content/01-intro/01-welcome.md:6:1: warning: link '/intro/index.html' starts with '/'") })
    }

    @Test func testRawHTML_isShownAsTextUnlessTheSiteOptsIn() throws {
        var files = TemporarySite.smallCourse()
        files["01-intro/01-welcome.md"] = TemporarySite.page("A", "<script>alert(1)</script>\n\n## 目的\n\n文中の<b>太字</b>\n")
        let site = try TemporarySite(files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded)
        #expect(site.messages(result).first?.hasPrefix("Content/01-intro/01-welcome.md:4:1: warning: raw HTML is shown as text") == true)
        let page = try site.read("intro/welcome.html")
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        try site.write("site.yml", "id: test-course\ntitle: テスト\noptions:\n  raw_html: true\n")
        #expect(try site.build().succeeded)
        #expect(try site.read("intro/welcome.html").contains("文中の<b>太字</b>"))
    }

    /// With raw HTML allowed, a broken link in an author's `<a>` is reported where the author wrote it,
    /// once (not again in print.html, nor in a built page that is never written).
    @Test(arguments: [
        ("<a href=\"nope.html\">こちら</a>", "nope.html"),
        // Passed through unchanged, a link to the .md is broken in the built page: found by the HTML check.
        ("<a href=\"01-welcome.md\">md</a>", "01-welcome.md"),
    ])
    func testBrokenLinkInRawHTML_isReportedAtTheMarkdownLine(tag: String, target: String) throws {
        var files = TemporarySite.smallCourse()
        files["site.yml"] = "id: test-course\ntitle: テスト\noptions:\n  raw_html: true\n"
        files["01-intro/02-roles.md"] = TemporarySite.page(
            "役割", "## 役割分担\n\n本文と <a href=\"welcome.html#目的\">正しいリンク</a>\n\n<p>詳しくは \(tag)</p>\n")
        let site = try TemporarySite(files)
        defer { site.remove() }
        let result = try site.build()
        #expect(!result.succeeded)
        let errors = site.messages(result).filter { $0.contains(": error: ") }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("Content/01-intro/02-roles.md:8:9: ") == true, "\(errors)")
        #expect(errors.first?.contains(target) == true, "\(errors)")
    }

    @Test(arguments: ["content", "contains-content", "home", "foreign"])
    func testDangerousOutputFolders_areRefused(_ kind: String) throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        let foreign = site.root.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("大事な書類".utf8).write(to: foreign.appendingPathComponent("report.txt"))
        let output = switch kind {
        case "content": site.content.path
        case "contains-content": site.root.path
        case "home": FileManager.default.homeDirectoryForCurrentUser.path
        default: foreign.path
        }
        #expect(throws: Builder.Failure.self) {
            try Builder.build(BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path, outputDirectory: output))
        }
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("report.txt").path))
    }

    @Test func testOutputRootDotFiles_surviveRebuilds() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        #expect(try site.build().succeeded)  // a folder of only dot files is not Kenshu's until it holds the marker
        try Data("*\n".utf8).write(to: site.output.appendingPathComponent(".gitignore"))
        #expect(try site.build().succeeded)
        #expect(try site.build().succeeded)
        #expect(site.exists(".gitignore") && site.exists("index.html"))
    }
}
