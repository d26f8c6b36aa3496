import Foundation
import KenshuCore
import KenshuExport
import KenshuMarkdown
import KenshuZip
@testable import KenshuContent
import Testing
@testable import KenshuBuild
@testable import KenshuServe

/// A course built on another (`base:`): the bundled course as the base, a municipality's overlay
/// on top that replaces, hides and adds pages and fills in `{{自治体名}}`.
@Suite struct OverlayTests {
    static let bundledContent = TemporarySite.repositoryThemes.deletingLastPathComponent().appendingPathComponent("Content")
    static let replaced = "02-hyojunka/02-twenty-services.md"
    static let hidden = "01-hajimeni/03-dx-plan.md"
    static let added = "02-hyojunka/08-our-systems.md"

    /// `root/base-course/Content` (a copy of the bundled course) and the overlay in `root/Content`.
    struct Fixture {
        let site: TemporarySite
        var baseContent: URL { site.root.appendingPathComponent("base-course/Content") }

        func writeBase(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: baseContent.appendingPathComponent(path))
        }

        func build() throws -> BuildResult { try site.build() }

        /// Exports the overlay in `format` into `name` beside it.
        func export(_ format: ExportFormat, to name: String) throws -> (ExportResult, String) {
            let path = site.root.appendingPathComponent(name).path
            let result = try Exporter.export(ExportOptions(
                build: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path), format: format, outputFile: path))
            return (result, path)
        }
    }

    static func siteYAML(_ extra: String = "") -> String {
        """
        id: kakuu-town-kenshu
        title: 架空町 標準化研修
        organisation: 架空町 情報政策課
        base: ../base-course/Content
        hide:
          - \(hidden)
        vars:
          自治体名: 架空町
          担当課: 情報政策課
        \(extra)
        """
    }

    static func overlay(_ files: [String: String] = [:], siteYAML: String = OverlayTests.siteYAML()) throws -> Fixture {
        var all: [String: String] = [
            "site.yml": siteYAML,
            replaced: TemporarySite.page("{{自治体名}}の20業務", """
                {{自治体名}}（{{ 担当課 }}）では、20業務のうち住民記録から移行します。

                法律の流れは[前のレッスン](01-law-and-policy.md)で学びました。`{{自治体名}}` はコードなのでそのまま。
                波かっこそのもの：\\{{自治体名}}

                ## 対象は市区町村の20業務

                架空町の一覧は[町の システム](08-our-systems.md)にあります。
                """),
            added: TemporarySite.page("町のシステム", """
                {{自治体名}}の業務システムの一覧です。[20業務](02-twenty-services.md#対象は市区町村の20業務)も見てください。
                """),
        ]
        all.merge(files) { $1 }
        let site = try TemporarySite(all)
        let base = site.root.appendingPathComponent("base-course/Content")
        try FileManager.default.createDirectory(at: base.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: bundledContent, to: base)
        return Fixture(site: site)
    }

    @Test func testOverlay_replacesHidesAddsAndFillsVariables() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        let result = try fixture.build()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        // The replaced page is the overlay's, with its variables filled in (not in code, not when escaped).
        let replaced = try fixture.site.read("hyojunka/twenty-services.html")
        #expect(replaced.contains("<h1>架空町の20業務</h1>") || replaced.contains(">架空町の20業務<"))
        #expect(replaced.contains("架空町（情報政策課）では"))
        #expect(replaced.contains("<code>{{自治体名}}</code>"))
        #expect(replaced.contains("波かっこそのもの：{{自治体名}}"))
        #expect(!replaced.contains("標準仕様書とは"), "the base's version of the page leaked through")
        // Links from the overlay into the base, and from the base into the overlay's replacement.
        #expect(replaced.contains("href=\"law-and-policy.html\""))
        #expect(try fixture.site.read("hyojunka/law-and-policy.html").contains("href=\"twenty-services.html\""))
        // The added page is in the course; the hidden one is gone; the base's other pages stay.
        #expect(try fixture.site.read("hyojunka/our-systems.html").contains("架空町の業務システムの一覧です。"))
        #expect(!fixture.site.exists("hajimeni/dx-plan.html"))
        #expect(!(try fixture.site.read("hajimeni/index.html")).contains("dx-plan.html"))
        #expect(fixture.site.exists("hajimeni/who-is-who.html"))
        #expect(try fixture.site.read("day-one/vendors.html").contains("自団体（架空町）"))
        // Its own id and organisation; the base's licence and a notice that it was modified.
        let home = try fixture.site.read("index.html")
        #expect(home.contains("kakuu-town-kenshu"))
        #expect(!home.contains("site-ed2f9e95"))
        #expect(home.contains("架空町 情報政策課"))
        #expect(home.contains("rel=\"license\""))
        #expect(home.contains("class=\"site-modified\""))
        #expect(home.contains("自治体システム標準化とガバメントクラウド 入門研修 (Kenshu 研修教材プロジェクト) — ライセンス：クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）"),
                "the original's licence stays beside the notice")
    }

    @Test func testFullWidthColonInSiteYAML_givesOneMessage() throws {
        // `base：` (full-width colon) is a typing mistake; the id warning must not pile on.
        let fixture = try Self.overlay(["site.yml": Self.siteYAML().replacingOccurrences(of: "base:", with: "base：")])
        defer { fixture.site.remove() }
        let codes = try fixture.build().diagnostics.filter { $0.location?.path.hasSuffix("Content/site.yml") == true }.map(\.code)
        #expect(codes.contains("K2011"))
        #expect(!codes.contains("K1009"), "\(codes)")
    }

    @Test func testFullWidthColon_ofTheOnlyVariable_isToldAtTheColon() throws {
        // Alone under vars:, `担当課：情報政策課` is one text to YAML, not a mapping: told as the colon, not as "not pairs".
        for (line, column) in [("  担当課：情報政策課", 6), ("  \"担当課：情報政策課\"", 7)] {
            let yaml = Self.siteYAML().replacingOccurrences(of: "  自治体名: 架空町\n  担当課: 情報政策課", with: line)
            let fixture = try Self.overlay(["site.yml": yaml])
            defer { fixture.site.remove() }
            let found = try fixture.build().diagnostics.filter { $0.severity == .error }
            #expect(found.map(\.code) == ["K2011"], "\(found)")
            #expect(found.first?.location?.line == 8 && found.first?.location?.column == column, "\(found)")
        }
    }

    @Test func testUnknownVariable_isLocatedErrorWithClosestName() throws {
        let fixture = try Self.overlay([
            "02-hyojunka/08-our-systems.md": TemporarySite.page("町のシステム", "一行目\n\n{{自治休名}}の一覧です。\n")
        ])
        defer { fixture.site.remove() }
        let result = try fixture.build()
        #expect(!result.succeeded)
        let printed = fixture.site.printed(result, .ja)
        #expect(printed.contains(
            "Content/02-hyojunka/08-our-systems.md:6:1: エラー: 変数 '自治休名' は site.yml の 'vars:' にありません — '{{自治体名}}' のことですか？ [K5020]"),
            "\(printed)")
        let english = fixture.site.printed(result, .en)
        #expect(english.contains { $0.hasPrefix("Content/02-hyojunka/08-our-systems.md:6:1: error: the variable '自治休名' is not in 'vars:' of site.yml") })
    }

    @Test func testUnknownVariableInTable_isReportedOnce_atItsColumn() {
        var options = MarkdownOptions(path: "Content/01-a/01-b.md", contentPath: "01-a/01-b.md", lineOffset: 3)
        options.variables = ["自治体名": "架空町"]
        let page = MarkdownRenderer.render("| a | b |\n| --- | --- |\n| {{自治体名}} | &amp; {{未知}} |\n", options: options)
        #expect(page.html.contains("<td>架空町</td>"))
        #expect(page.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code)" } == ["6:20 K5020"])
        let titled = MarkdownRenderer.render("[窓口](https://example.jp/ \"{{自治体名}}の窓口\")\n", options: options)
        #expect(titled.html.contains("title=\"架空町の窓口\""))
    }

    /// A shared course links to each town's own pages: `vars:` fill link destinations too, before the
    /// URL policy and the link check see them.
    @Test func testVariablesInLinkDestinations_areFilledAndChecked() {
        var options = MarkdownOptions(path: "Content/01-a/01-b.md", contentPath: "01-a/01-b.md", lineOffset: 3)
        options.variables = ["自治体サイト": "www.town.example.lg.jp", "窓口ページ": "02-c.md#窓口", "危険": "javascript:alert(1)"]
        let page = MarkdownRenderer.render("""
            [窓口](https://{{自治体サイト}}/madoguchi.html) と <https://{{自治体サイト}}/kenshu/>

            [次へ]({{窓口ページ}})

            [罠]({{危険}})

            [誤字](https://{{自治休サイト}}/)
            """, options: options)
        #expect(page.html.contains("href=\"https://www.town.example.lg.jp/madoguchi.html\""))
        #expect(page.html.contains("href=\"https://www.town.example.lg.jp/kenshu/\""))
        #expect(page.html.contains("href=\"c.html#%E7%AA%93%E5%8F%A3\""), "an internal link made by a variable is rewritten like any other")
        #expect(page.links.contains { $0.destination == "02-c.md#窓口" })
        #expect(!page.html.contains("javascript:"), "a value cannot bring in a script URL")
        #expect(page.diagnostics.contains { $0.code == "K5020" && $0.location?.line == 10 }, "\(page.diagnostics)")
        #expect(page.diagnostics.contains { $0.message.key == .unsafeURL })
    }

    @Test func testBrokenLinkInBase_namesTheBaseFile() throws {
        // Hiding a page that a base page links to breaks that link: the message names the base's file.
        let fixture = try Self.overlay(["site.yml": Self.siteYAML().replacingOccurrences(of: Self.hidden, with: "02-hyojunka/03-reading-specs.md")])
        defer { fixture.site.remove() }
        let result = try fixture.build()
        #expect(!result.succeeded)
        let printed = fixture.site.printed(result, .en)
        #expect(printed.contains { $0.hasPrefix("base-course/Content/04-iko/05-build-and-cutover.md:90:") && $0.contains("03-reading-specs.md") }, "\(printed)")
        // This course's hide: caused it, so it is this course's to mend: not told as the base's, and --strict counts it.
        #expect(!result.diagnostics.contains { $0.inBase && $0.message.key == .linkToMissingPage }, "\(result.diagnostics)")
        #expect(!printed.contains { $0.contains("03-reading-specs.md") && $0.contains("cannot be mended here") }, "\(printed)")
    }

    @Test func testWarningsInBaseFiles_sayHowToGetRoundThem_andDoNotFailStrict() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        let basePage = fixture.baseContent.appendingPathComponent("03-gov-cloud/01-what-is-gov-cloud.md")
        let text = try String(contentsOf: basePage, encoding: .utf8)
        try (text + "\n![](nothing-said.svg)\n").write(to: basePage, atomically: true, encoding: .utf8)
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(to: fixture.baseContent.appendingPathComponent("03-gov-cloud/nothing-said.svg"))
        try BaseReview.accept(contentDirectory: fixture.site.content.path, today: CalendarDate(year: 2026, month: 12, day: 1))
        var result = try fixture.site.build(strict: true)
        #expect(result.succeeded, "\(result.diagnostics)")
        let inBase = result.diagnostics.filter { $0.message.key == .imageWithoutAlt }
        #expect(inBase.count == 1 && inBase.allSatisfy(\.inBase), "\(result.diagnostics)")
        let printed = fixture.site.printed(result, .ja)
        #expect(printed.contains { $0.hasPrefix("base-course/Content/03-gov-cloud/01-what-is-gov-cloud.md:") && $0.contains("基の教材のファイルなので") && $0.contains("hide:") }, "\(printed)")

        // The same warning in this course's own page is its own to mend: --strict fails.
        try fixture.site.write(Self.added, TemporarySite.page("町のシステム", "![](../03-gov-cloud/nothing-said.svg)\n"))
        result = try fixture.site.build(strict: true)
        #expect(!result.succeeded)
        let own = result.diagnostics.filter { $0.message.key == .imageWithoutAlt && !$0.inBase }
        #expect(own.count == 1 && own.first?.location?.path.hasSuffix("/Content/" + Self.added) == true, "\(result.diagnostics)")
        #expect(!fixture.site.printed(result, .ja).contains { $0.hasPrefix("Content/") && $0.contains("基の教材のファイルなので") })
    }

    @Test func testHideOfMissingFile_warnsWithSuggestion() throws {
        let fixture = try Self.overlay(["site.yml": Self.siteYAML().replacingOccurrences(of: Self.hidden, with: "01-hajimeni/03-dx-plna.md")])
        defer { fixture.site.remove() }
        let result = try fixture.build()
        let printed = fixture.site.printed(result, .ja)
        #expect(printed.contains { $0.hasPrefix("Content/site.yml:6:") && $0.contains("'hide:' の '01-hajimeni/03-dx-plna.md' は基の教材にありません") && $0.contains("01-hajimeni/03-dx-plan.md") }, "\(printed)")
    }

    @Test func testBaseStatus_listsChanges_andAcceptClearsThem() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        let content = fixture.site.content.path
        let today = CalendarDate(year: 2026, month: 12, day: 1)
        // Never accepted: a warning on the base: line, and status says so.
        var result = try fixture.build()
        #expect(result.diagnostics.contains { $0.code == "K1029" && $0.location?.line == 4 })
        #expect(try BaseReview.status(contentDirectory: content, today: today).recorded == nil)

        try BaseReview.accept(contentDirectory: content, today: today)
        // The record says what it is in the author's language, as comments the YAML reader skips.
        let written = try String(contentsOfFile: content + "/base-accepted.yml", encoding: .utf8)
        #expect(written.hasPrefix("# 'kenshu base accept' が書いたファイルです。"), "\(written.prefix(200))")
        result = try fixture.build()
        #expect(!result.diagnostics.contains { $0.code == "K1028" || $0.code == "K1029" }, "\(result.diagnostics)")
        #expect(try BaseReview.status(contentDirectory: content, today: today).changes?.isEmpty == true)

        // The base moves on: a page the overlay replaces changes, one it keeps changes, one appears, one goes.
        try fixture.writeBase(Self.replaced, "---\ntitle: 20業務（改訂）\n---\n改訂しました。\n")
        try fixture.writeBase("01-hajimeni/02-who-is-who.md", "---\ntitle: 役割（改訂）\n---\n改訂しました。\n")
        try fixture.writeBase("02-hyojunka/06b-new.md", "---\ntitle: 新しいページ\n---\n本文\n")
        try FileManager.default.removeItem(at: fixture.baseContent.appendingPathComponent("01-hajimeni/05-reading-sources.md"))
        let status = try BaseReview.status(contentDirectory: content, today: today)
        let changes = try #require(status.changes)
        #expect(changes.changed == ["01-hajimeni/02-who-is-who.md", Self.replaced])
        #expect(changes.added == ["02-hyojunka/06b-new.md"])
        #expect(changes.removed == ["01-hajimeni/05-reading-sources.md"])
        let lines = BaseReview.report(status, printer: DiagnosticPrinter(language: .ja))
        #expect(lines.first == "基の教材 '../base-course/Content' で、2026-12-01 に確認した版から変わったファイル：")
        #expect(lines.contains("  変更  \(Self.replaced)（この教材で置き換えています。基の変更を取り込むか見比べてください）"))
        let compare = try #require(lines.first { $0.contains("見比べるファイル") }, "\(lines)")
        #expect(compare == "        見比べるファイル：基 \(fixture.baseContent.path)/\(Self.replaced) ／ この教材 \(fixture.site.content.path)/\(Self.replaced)"
, "\(compare)")
        #expect(lines.contains("  変更  01-hajimeni/02-who-is-who.md"))
        #expect(lines.contains("  追加  02-hyojunka/06b-new.md"))
        #expect(lines.contains("  削除  01-hajimeni/05-reading-sources.md"))
        result = try fixture.build()
        #expect(result.diagnostics.contains { $0.code == "K1028" && $0.message.arguments == ["2026-12-01", "2", "1", "1"] })

        try BaseReview.accept(contentDirectory: content, today: today)
        #expect(try BaseReview.status(contentDirectory: content, today: today).changes?.isEmpty == true)
        result = try fixture.build()
        #expect(!result.diagnostics.contains { $0.code == "K1028" })

        // The base removes the page this course replaces: its own file stays, as a page of its own.
        try FileManager.default.removeItem(at: fixture.baseContent.appendingPathComponent(Self.replaced))
        let gone = BaseReview.report(try BaseReview.status(contentDirectory: content, today: today), printer: DiagnosticPrinter(language: .ja))
        #expect(gone.contains("  削除  \(Self.replaced)（この教材の同じ名前のファイルは、この教材だけのページとして残ります。要らなければ消してください）"), "\(gone)")
    }

    @Test func testSourceExport_worksAsBase() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        let zip = fixture.site.root.appendingPathComponent("kakuu-shi-source.zip").path
        let exported = try Exporter.export(ExportOptions(
            build: BuildOptions(contentDirectory: fixture.baseContent.path, themesDirectory: fixture.site.themes.path),
            format: .source, outputFile: zip))
        #expect(exported.outputPath != nil)
        try FileManager.default.removeItem(at: fixture.baseContent.deletingLastPathComponent())
        try fixture.site.write("site.yml", Self.siteYAML().replacingOccurrences(of: "../base-course/Content", with: "../kakuu-shi-source.zip"))
        let result = try fixture.build()
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        #expect(try fixture.site.read("hyojunka/law-and-policy.html").contains("href=\"twenty-services.html\""))
        #expect(try fixture.site.read("hyojunka/twenty-services.html").contains("架空町（情報政策課）では"))
        // Images come out of the zip too.
        #expect(fixture.site.exists("hyojunka/images"))
    }

    /// An export never overwrites the zip its course is built on (the only copy of the other town's
    /// material), nor writes into a base's folder, the content folder or a built site.
    @Test func testExportIsRefused_overItsBaseZip_intoContentOrABuiltSite() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        let zip = fixture.site.root.appendingPathComponent("kakuu-shi-source.zip")
        _ = try Exporter.export(ExportOptions(
            build: BuildOptions(contentDirectory: fixture.baseContent.path, themesDirectory: fixture.site.themes.path),
            format: .source, outputFile: zip.path))
        try fixture.site.write("site.yml", Self.siteYAML().replacingOccurrences(of: "../base-course/Content", with: "../kakuu-shi-source.zip"))
        let original = try Data(contentsOf: zip)
        func refusal(_ output: String) -> String? {
            do {
                _ = try fixture.export(.source, to: output)
                return nil
            } catch let failure as SitePipeline.StepFailure {
                return DiagnosticPrinter(language: .ja).failureLine(failure)
            } catch {
                return "\(error)"
            }
        }
        #expect(refusal("kakuu-shi-source.zip")?.contains("[K7208]") == true)
        #expect(try Data(contentsOf: zip) == original, "the base zip is left as it was")
        #expect(refusal("Content/x.zip")?.contains("[K7206]") == true)
        #expect(refusal("Themes/default/assets/x.zip")?.contains("[K7206]") == true, "a theme's files are published too")
        _ = try fixture.build()
        let inside = refusal("Output/sub/x.zip")
        #expect(inside?.contains("ビルドしたサイト '\(fixture.site.output.path)' の中にあります") == true, "\(inside ?? "")")
        #expect(inside?.contains("[K7209]") == true)
        #expect(refusal("town-source.zip") == nil)
    }

    @Test func testSourceExportOfAnOverlay_carriesItsBase_andStacksAgain() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        // Saved by Windows Notepad: a BOM and CRLF must not hide `base:` from the export's rewrite.
        try fixture.site.writeData("site.yml", Data([0xEF, 0xBB, 0xBF]) + Data(Self.siteYAML().replacingOccurrences(of: "\n", with: "\r\n").utf8))
        try BaseReview.accept(contentDirectory: fixture.site.content.path, today: CalendarDate(year: 2026, month: 12, day: 1))
        let (exported, zip) = try fixture.export(.source, to: "kakuu-town-source.zip")
        #expect(exported.outputPath != nil, "\(exported.diagnostics)")
        let entries = try ExportTests.entries(zip)
        // The record of the accepted base names it as the archive does, not as the author's disk did.
        let record = String(decoding: entries["Content/base-accepted.yml"] ?? Data(), as: UTF8.self)
        #expect(record.contains("\nbase: ../Base/Content\n") && !record.contains("base-course"), "\(record)")
        #expect(String(decoding: entries["Content/site.yml"] ?? Data(), as: UTF8.self).contains("\nbase: ../Base/Content\n"))
        #expect(entries["Content/\(Self.added)"] != nil)
        #expect(entries["Base/Content/index.md"] != nil)
        #expect(entries["Base/Content/\(Self.replaced)"] != nil, "the base's own version travels with the overlay")
        // A third municipality builds on the town's zip: three layers, the town's pages and variables win.
        let third = try TemporarySite([
            "site.yml": "id: third-town\ntitle: 第三の町\nbase: ../kakuu-town-source.zip\nvars:\n  自治体名: 第三町\n",
        ])
        defer { third.remove() }
        try FileManager.default.moveItem(atPath: zip, toPath: third.root.appendingPathComponent("kakuu-town-source.zip").path)
        let result = try third.build()
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        #expect(try third.read("hyojunka/twenty-services.html").contains("第三町（情報政策課）では"))
        #expect(!third.exists("hajimeni/dx-plan.html"))
        let home = try third.read("index.html")
        #expect(home.contains("架空町 標準化研修 (架空町 情報政策課)"))
        #expect(home.contains("自治体システム標準化とガバメントクラウド 入門研修 (Kenshu 研修教材プロジェクト)"))
    }

    @Test func testVariables_reachQuizExportsAndSearch() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        let (exported, gift) = try fixture.export(.gift, to: "town.gift.txt")
        #expect(exported.outputPath != nil)
        let text = try String(contentsOfFile: gift, encoding: .utf8)
        #expect(text.contains("自団体（架空町）"))
        #expect(!text.contains("{{"), "a variable reached Moodle unfilled")
        #expect(text.contains("// この教材は次の教材を改変して作成しました: 自治体システム標準化とガバメントクラウド 入門研修"))
        _ = try fixture.build()
        let search = try FileManager.default.contentsOfDirectory(atPath: fixture.site.output.appendingPathComponent("search").path)
            .map { try String(contentsOf: fixture.site.output.appendingPathComponent("search/" + $0), encoding: .utf8) }.joined()
        // (The fixture's code span and escaped braces keep `{{自治体名}}` on purpose; quizzes and prose are filled.)
        #expect(search.contains("自団体（架空町）が受け持つこと"))
        #expect(!search.contains("自団体（{{自治体名}}）"))
    }

    @Test func testReviewFindings_areFixed() throws {
        let fixture = try Self.overlay([
            "02-hyojunka/08-our-systems.md": """
                ---
                title: {{自治体名}}のシステム # 題名
                description: |
                  {{自治体名}}: 一覧
                objectives:
                  - {{自治体名}}の仕組みを説明できる
                ---
                ![{{自治体名}}の庁舎](images/timeline.svg)

                ```quiz
                id: town-q
                {{自治体名}}の正解は？ `{{自治体名}}` \\{{自治体名}}
                - [x] {{自治体名}}
                - [ ] 北町
                ```
                """,
        ])
        defer { fixture.site.remove() }
        let result = try fixture.build()
        let page = try fixture.site.read("hyojunka/our-systems.html")
        #expect(page.contains("<h1>架空町のシステム</h1>") || page.contains(">架空町のシステム<"))
        #expect(page.contains("alt=\"架空町の庁舎\""))
        #expect(page.contains("架空町の仕組みを説明できる"))
        #expect(!result.diagnostics.contains { $0.code == "K2001" || $0.code == "K5020" }, "\(result.diagnostics)")
        let (_, gift) = try fixture.export(.gift, to: "town.gift.txt")
        let text = try String(contentsOfFile: gift, encoding: .utf8)
        #expect(text.contains("架空町の正解は？ `\\{\\{自治体名\\}\\}` \\\\\\{\\{自治体名\\}\\}"), "code and escaped braces stay as written in GIFT")

        // hide: as Windows writes paths, each entry located on its own line; links to hidden pages say why.
        let yaml = Self.siteYAML().replacingOccurrences(of: "  - \(Self.hidden)", with: "  - .\\01-hajimeni\\03-dx-plan.md\n  - 02-hyojunka/03-reading-specs.md\n  - nowhere/x.md")
        try fixture.site.write("site.yml", yaml)
        let printed = fixture.site.printed(try fixture.build(), .ja)
        #expect(!fixture.site.exists("hajimeni/dx-plan.html"))
        #expect(printed.contains { $0.hasPrefix("Content/site.yml:8:") && $0.contains("'nowhere/x.md'") }, "\(printed)")
        #expect(printed.contains { $0.hasPrefix("base-course/Content/04-iko/05-build-and-cutover.md:90:") && $0.contains("'hide:' で外したページです") }, "\(printed)")

        // An entry the base renumbered, renamed or deleted: the lesson it meant, never the module's own index.md.
        let moved = Self.siteYAML().replacingOccurrences(
            of: "  - \(Self.hidden)", with: "  - 02-hyojunka/09-reading-specs.md\n  - 02-hyojunka/04-deadlines-old.md\n  - 02-hyojunka/08-kyuushi.md")
        try fixture.site.write("site.yml", moved)
        let advice = fixture.site.printed(try fixture.build(), .ja).filter { $0.hasSuffix("[K1027]") }
        #expect(advice.count == 3, "\(advice)")
        #expect(advice.contains { $0.contains("'02-hyojunka/09-reading-specs.md'") && $0.contains("'02-hyojunka/03-reading-specs.md' のことですか") }, "\(advice)")
        #expect(advice.contains { $0.contains("'02-hyojunka/04-deadlines-old.md'") && $0.contains("'02-hyojunka/04-deadline.md' のことですか") }, "\(advice)")
        #expect(advice.contains { $0.contains("'02-hyojunka/08-kyuushi.md'") && $0.contains("この行を消してかまいません") }, "\(advice)")
        #expect(!advice.contains { $0.contains("index.md") }, "\(advice)")
    }

    /// The base's home page is titled as the base course: under a course of another title it shows that title,
    /// not the other municipality's name. A home page with a title of its own keeps it.
    @Test func testBasesHomePage_showsThisCoursesTitle() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        let result = try fixture.build()
        #expect(result.succeeded, "\(fixture.site.messages(result))")
        let home = try fixture.site.read("index.html")
        #expect(home.contains("<h1>架空町 標準化研修</h1>") || home.contains(">架空町 標準化研修</h1>"), "\(home.prefix(3000))")
        #expect(!home.contains(">自治体システム標準化とガバメントクラウド 入門研修</h1>"))
        try fixture.site.write("index.md", TemporarySite.page("ようこそ、架空町へ", "町の研修です。\n"))
        _ = try fixture.build()
        #expect(try fixture.site.read("index.html").contains("ようこそ、架空町へ</h1>"))
    }

    /// A page of its own named as the base's but for case: told at the course's own file to take the base's
    /// spelling (not at the base's file, to rename "one of them").
    @Test func testOverlayPageDifferingOnlyInCase_isToldTheBasesSpelling() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        try fixture.site.write("02-hyojunka/04-Deadline.md", TemporarySite.page("期限（町版）", "町の期限。\n"))
        let printed = fixture.site.printed(try fixture.build(), .ja)
        #expect(printed.contains(
            "Content/02-hyojunka/04-Deadline.md:1:1: 警告: '02-hyojunka/04-Deadline.md' は基の教材の '02-hyojunka/04-deadline.md' と大文字・小文字だけが違うので、置き換えにならずに両方が残り、Windows では 1 つのファイルとして重なります — 基の教材のページを置き換えるなら、名前を '02-hyojunka/04-deadline.md' にしてください [K1053]"),
            "\(printed)")
        #expect(!printed.contains { $0.hasSuffix("[K1012]") || $0.hasSuffix("[K1042]") }, "\(printed)")
    }

    /// The base renamed a module folder (`02-hyojunka` → here still `02-hyojun`): the overlay's page beside it is
    /// told to move, not to get an index.md of its own, and the folder is not called a duplicate number.
    @Test func testOverlayFolderBesideTheBasesRenamedFolder_isToldToMove() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        try fixture.site.write("02-hyojun/03-reading-specs.md", TemporarySite.page("仕様書の読み方（町版）", "町の読み方。\n"))
        let result = try fixture.build()
        let printed = fixture.site.printed(result, .ja)
        #expect(printed.contains(
            "Content/02-hyojun/03-reading-specs.md:1:1: 警告: フォルダー '02-hyojun' は基の教材の '02-hyojunka' と順番の番号が同じですが、名前が違うので、基の教材のページを置き換えずに、別のモジュールとして加わります（基の教材でフォルダーの名前が変わったのかもしれません） — 基の教材のページを置き換えるなら、'02-hyojun' の中のファイルを '02-hyojunka/' に移してください。別のモジュールにするなら、別の番号を付けて index.md を置いてください [K1052]"),
            "\(printed)")
        #expect(!result.diagnostics.contains { $0.code == "K7001" || $0.code == "K1011" }, "\(printed)")
    }

    @Test func testBaseMistakes_stopNewBaseAndStatus() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        // The course's own folder (its Content folder's parent) is read as its Content folder.
        try fixture.site.write("site.yml", Self.siteYAML().replacingOccurrences(of: "../base-course/Content", with: "../base-course"))
        let parent = try fixture.build()
        #expect(parent.succeeded && fixture.site.exists("hyojunka/deadline.html"), "\(fixture.site.messages(parent))")
        // A folder that is not a course: a located error, not 50 warnings.
        let notACourse = fixture.site.root.appendingPathComponent("not-a-course")
        try FileManager.default.createDirectory(at: notACourse.appendingPathComponent("01-x"), withIntermediateDirectories: true)
        try Data("# x\n".utf8).write(to: notACourse.appendingPathComponent("01-x/01-a.md"))
        try fixture.site.write("site.yml", Self.siteYAML().replacingOccurrences(of: "../base-course/Content", with: "../not-a-course"))
        let result = try fixture.build()
        #expect(result.diagnostics.contains { $0.code == "K1033" && $0.location?.line == 4 }, "\(result.diagnostics)")
        #expect(!result.diagnostics.contains { $0.code == "K1005" }, "the folder above a course is not read as one")
        #expect(throws: ToolFailure.self) { try BaseReview.status(contentDirectory: fixture.site.content.path, today: CalendarDate(year: 2026, month: 12, day: 1)) }
        let folder = fixture.site.root.appendingPathComponent("new-town")
        let typed = notACourse.path
        let failure = #expect(throws: ToolFailure.self) {
            try StarterOverlay.write(to: folder, base: typed, today: CalendarDate(year: 2026, month: 12, day: 1))
        }
        #expect(failure?.message.key == .baseWithoutSite && failure?.message.arguments.first == typed, "named as typed: \(String(describing: failure))")
        #expect(!FileManager.default.fileExists(atPath: folder.path), "the folder made for the course goes again: \(folder.path)")
    }

    @Test func testLineEndsAndBOM_areNotBaseChanges() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        let today = CalendarDate(year: 2026, month: 12, day: 1)
        try BaseReview.accept(contentDirectory: fixture.site.content.path, today: today)
        let page = fixture.baseContent.appendingPathComponent("01-hajimeni/04-network.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try (Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)).write(to: page)
        #expect(try BaseReview.status(contentDirectory: fixture.site.content.path, today: today).changes?.isEmpty == true)
    }

    @Test func testSameIDAsAnyUpstreamCourse_isAnError() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        let (_, zip) = try fixture.export(.source, to: "town.zip")
        let third = try TemporarySite(["site.yml": "title: 三段目\nbase: ../town.zip\nid: site-ed2f9e95\n"])
        defer { third.remove() }
        try FileManager.default.moveItem(atPath: zip, toPath: third.root.appendingPathComponent("town.zip").path)
        let problems = try third.build().diagnostics.filter { $0.code == "K1026" }
        #expect(problems.map { $0.location?.line } == [3])
    }

    /// Windows' "Send to > Compressed folder" of an unpacked export (or of a course's folder) puts the course
    /// inside one folder: it is found there. A zip of the zip is named for what it is, and a course's own
    /// folder (with `Content/` in it) is read as its `Content/`.
    @Test func testZipWithOneFolder_zipOfAZip_andACourseFolder_asBase() throws {
        var files = TemporarySite.smallCourse()
        files["site.yml"] = "id: shared-\(UUID().uuidString.prefix(8))\ntitle: 共有の教材\n"
        files["02-cloud/01-basics.md"] = TemporarySite.page("基礎", "共有の本文\n")
        var writer = ZipWriter()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            try writer.add(path: "a-town-source/Content/" + path, data: Data(text.utf8))
        }
        let wrapped = try writer.finished()
        let site = try TemporarySite(["site.yml": "id: town-x\ntitle: 町の研修\nbase: ../wrapped.zip\n"])
        defer { site.remove() }
        try wrapped.write(to: site.root.appendingPathComponent("wrapped.zip"))
        let built = try site.build()
        #expect(built.succeeded, "\(site.messages(built))")
        #expect(try site.read("cloud/basics.html").contains("共有の本文"))

        var outer = ZipWriter()
        try outer.add(path: "a-town-source.zip", data: wrapped)
        try outer.finished().write(to: site.root.appendingPathComponent("outer.zip"))
        try site.write("site.yml", "id: town-x\ntitle: 町の研修\nbase: ../outer.zip\n")
        let refused = try site.build()
        #expect(!refused.succeeded)
        #expect(site.printed(refused, .ja).contains(
            "Content/site.yml:3:7: エラー: zip '../outer.zip' には site.yml がなく、中に別の zip（'a-town-source.zip'）が入っています — 中の zip を取り出して、base: にはその zip を書いてください [K1051]"),
            "\(site.printed(refused, .ja))")
        // `kenshu new --base` refuses it too, and leaves no folder (`x/y/z`: none of the three).
        let newTown = site.root.appendingPathComponent("x/y/z")
        let refusedNew = #expect(throws: ToolFailure.self) {
            try StarterOverlay.write(to: newTown, base: site.root.appendingPathComponent("outer.zip").path, today: CalendarDate(year: 2026, month: 12, day: 1))
        }
        #expect(refusedNew?.message.key == .baseArchiveHoldsZip, "\(String(describing: refusedNew))")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("x").path))

        let folder = site.root.appendingPathComponent("A町 研修/Content")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try site.write("site.yml", "id: town-x\ntitle: 町の研修\nbase: \"../A町 研修\"\n")
        let fromFolder = try site.build()
        #expect(fromFolder.succeeded, "\(site.messages(fromFolder))")
        #expect(try site.read("cloud/basics.html").contains("共有の本文"))
    }

    @Test func testUnpackedZip_isRepairedWhenFilesGoMissing() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        // A zip of its own: the unpacked copy is shared by every build of the same bytes, and this test
        // damages it (another test building the same export at the same moment saw a page go missing).
        try fixture.site.write("images/only-this-test-\(UUID().uuidString).txt", "x")
        let (_, zip) = try fixture.export(.source, to: "town.zip")
        let folder = try BaseArchive.unpack(zip).folder
        let page = folder + "/" + Self.added
        try FileManager.default.removeItem(atPath: page)
        #expect(try BaseArchive.unpack(zip).folder == folder)
        #expect(FileManager.default.fileExists(atPath: page), "a cached copy missing a file is unpacked again")
        var info = stat()
        #expect(lstat(URL(fileURLWithPath: folder).deletingLastPathComponent().deletingLastPathComponent().path, &info) == 0 && info.st_mode & 0o077 == 0)
    }

    @Test func testNewBase_startsAnOverlayThatBuildsClean() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-new-base-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try StarterOverlay.write(to: folder, base: Self.bundledContent.path, today: CalendarDate(year: 2026, month: 12, day: 1))
        let siteYAML = try String(contentsOf: folder.appendingPathComponent("Content/site.yml"), encoding: .utf8)
        #expect(siteYAML.contains("base: \"\(Self.bundledContent.path)\""))
        #expect(siteYAML.contains("  自治体名: \"〔自治体名〕\""))
        let result = try Builder.build(BuildOptions(
            contentDirectory: folder.appendingPathComponent("Content").path, outputDirectory: folder.appendingPathComponent("Output").path,
            removeOldOutputInBackground: false))
        #expect(result.succeeded)
        // Left to fill in: the organisation (K7212), shown under every page, and the variables copied from the base,
        // told once with every name (K4008) at the first of them.
        #expect(result.diagnostics.map(\.code) == ["K7212", "K4008"], "\(result.diagnostics)")
        let unchanged = result.diagnostics.last
        #expect(unchanged?.message.arguments.last?.contains("自治体名: '〔自治体名〕'") == true, "\(String(describing: unchanged))")
        #expect(unchanged?.location?.line == siteYAML.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("  ") && $0.contains(": \"") }.map { $0 + 1 })
        let tree = try ContentLoader.load(contentDirectory: folder.appendingPathComponent("Content").path)
        #expect(tree.config.storageID.hasPrefix("kenshu-"))
        #expect(tree.config.storageID != "site-ed2f9e95")
    }

    /// A base without variables gets `vars:` as a commented example: a `vars: {}` broke when a line was added under it.
    /// A `--base` that does not exist is K0018 (resolved from the working folder, named with its full path), not site.yml's K1020.
    @Test func testNewBase_withoutVariables_andMissing() throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        try fixture.writeBase("site.yml", "id: base-without-vars\ntitle: 基\n")
        let folder = fixture.site.root.appendingPathComponent("new-town")
        try StarterOverlay.write(to: folder, base: fixture.baseContent.path, today: CalendarDate(year: 2026, month: 12, day: 1))
        let siteYAML = folder.appendingPathComponent("Content/site.yml")
        let written = try String(contentsOf: siteYAML, encoding: .utf8)
        #expect(written.hasSuffix("# vars:\n#   自治体名: 架空町\n") && !written.contains("{}"), "\(written)")
        try Data(written.replacingOccurrences(of: "# vars:\n#   自治体名", with: "vars:\n  自治体名").utf8).write(to: siteYAML)
        let tree = try ContentLoader.load(contentDirectory: folder.appendingPathComponent("Content").path)
        #expect(tree.config.variables == ["自治体名": "架空町"], "uncommented as the comment says, it reads")

        let failure = #expect(throws: ToolFailure.self) {
            try StarterOverlay.write(to: fixture.site.root.appendingPathComponent("other"), base: "../nowhere/Content", today: CalendarDate(year: 2026, month: 12, day: 1))
        }
        #expect(failure?.message.key == .newBaseNotFound)
        #expect(failure?.message.arguments.first?.hasSuffix("/nowhere/Content") == true, "named with its full path, as the working folder resolves it")
    }

    /// A page of the overlay's own with a base page's number and a slightly different name was meant to replace it:
    /// said so (K1042), at the overlay's file, not "renumber one of them" (K1011).
    @Test func testOverlayPageBesideTheBasePageWithItsNumber() throws {
        let fixture = try Self.overlay(["02-hyojunka/01-law-and-polcy.md": TemporarySite.page("綴り違い", "本文。\n")])
        defer { fixture.site.remove() }
        let printed = fixture.site.printed(try fixture.build(), .ja).filter { $0.contains("[K1042]") || $0.contains("[K1011]") }
        #expect(printed == [
            "Content/02-hyojunka/01-law-and-polcy.md:1:1: 警告: '01-law-and-polcy.md' は基の教材の '01-law-and-policy.md' と順番の番号が同じですが、名前が違うので、置き換えではなく別のページとして加わります — 基の教材のページを置き換えるなら、名前を '01-law-and-policy.md' にそろえてください。別のページとして足すなら、番号を変えてください [K1042]",
        ], "\(printed)")
    }

    @Test func testOverlayMistakes_areLocated() throws {
        let sameID = try Self.overlay(["site.yml": Self.siteYAML().replacingOccurrences(of: "kakuu-town-kenshu", with: "site-ed2f9e95")])
        defer { sameID.site.remove() }
        #expect(try sameID.build().diagnostics.contains { $0.code == "K1026" && $0.location?.path.hasSuffix("Content/site.yml") == true })

        let missing = try Self.overlay(["site.yml": Self.siteYAML().replacingOccurrences(of: "../base-course/Content", with: "../nowhere/Content")])
        defer { missing.site.remove() }
        let printed = missing.site.printed(try missing.build(), .ja)
        #expect(printed.contains { $0.hasPrefix("Content/site.yml:4:7: エラー: 'base:' の教材 '../nowhere/Content' が見つかりません") }, "\(printed)")
        // The base's pages, images and variables are missing because of it: the cause is the whole report.
        #expect(printed.allSatisfy { $0.hasPrefix("Content/site.yml:") }, "\(printed)")
        let unreadable = try Self.overlay(["site.yml": Self.siteYAML() + "title: [\n"])
        defer { unreadable.site.remove() }
        let yaml = try unreadable.build().diagnostics
        #expect(yaml.map(\.code).contains("K2001") && yaml.allSatisfy { $0.location?.path.hasSuffix("Content/site.yml") == true }, "\(yaml)")

        // A base whose site.yml names the overlay as its base.
        let loop = try Self.overlay()
        defer { loop.site.remove() }
        let baseSite = try String(contentsOf: loop.baseContent.appendingPathComponent("site.yml"), encoding: .utf8)
        try loop.writeBase("site.yml", baseSite + "\nbase: ../../Content\n")
        #expect(try loop.build().diagnostics.contains { $0.code == "K1021" })
    }

    @Test func testPreview_reloadsOnEditsInEitherLayer() async throws {
        let fixture = try Self.overlay()
        defer { fixture.site.remove() }
        let session = PreviewSession(options: BuildOptions(contentDirectory: fixture.site.content.path, themesDirectory: fixture.site.themes.path))
        guard case .ready(let first) = await session.rebuildAll() else {
            Issue.record("the overlay did not preview")
            return
        }
        #expect(String(decoding: first.file(at: "hyojunka/our-systems.html") ?? Data(), as: UTF8.self).contains("架空町の業務システム"))
        // An edit in the base layer.
        let basePage = fixture.baseContent.appendingPathComponent("02-hyojunka/03-reading-specs.md")
        let text = try String(contentsOf: basePage, encoding: .utf8)
        try Data((text + "\n基の教材で足した一文です。\n").utf8).write(to: basePage)
        guard case .ready(let second) = await session.rebuild(changed: [basePage.resolvingSymlinksInPath().path]) else {
            Issue.record("the preview failed after an edit in the base")
            return
        }
        #expect(String(decoding: second.file(at: "hyojunka/reading-specs.html") ?? Data(), as: UTF8.self).contains("基の教材で足した一文です。"))
        // An edit in the overlay's own layer.
        let own = fixture.site.content.appendingPathComponent(Self.added)
        try Data(TemporarySite.page("町のシステム", "{{自治体名}}で書き直しました。\n").utf8).write(to: own)
        guard case .ready(let third) = await session.rebuild(changed: [own.resolvingSymlinksInPath().path]) else {
            Issue.record("the preview failed after an edit in the overlay")
            return
        }
        #expect(String(decoding: third.file(at: "hyojunka/our-systems.html") ?? Data(), as: UTF8.self).contains("架空町で書き直しました。"))
        #expect(await session.watchedFolders.contains(fixture.baseContent.resolvingSymlinksInPath().path))
    }
}
