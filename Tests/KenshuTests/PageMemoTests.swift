import Foundation
import KenshuCore
import KenshuSearch
import KenshuSite
import Testing
@testable import KenshuBuild

/// Pages share one box between copies (a copy of 10,000 pages is cheap), yet behave as values; memos
/// keyed by page recompute exactly the pages an edit changed, and the preview's reviews follow edits.
@Suite struct PageMemoTests {
    static func pages() throws -> [ParsedPage] {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path))
        return try pipeline.update().site.pages
    }

    @Test func testCopiedPage_isIdenticalUntilChanged_andChangesNeverShowThroughACopy() throws {
        let pages = try Self.pages()
        let original = try #require(pages.last)
        var copy = original
        #expect(copy.isIdentical(to: original))
        copy.frontMatter.title = "書き換えた題"
        copy.body.html += "<p>足した</p>"
        #expect(!copy.isIdentical(to: original))
        #expect(original.frontMatter.title == "方式")
        #expect(!original.body.html.contains("足した"))
        #expect(copy.frontMatter.title == "書き換えた題")
        // The array the copy came from still holds the unchanged page.
        #expect(pages.last?.isIdentical(to: original) == true)
    }

    @Test func testMemo_remakesOnlyChangedPages_andForgetsWhenTheContextChanges() throws {
        var pages = try Self.pages()
        let memo = PageMemo<Int, String>()
        var made: [String] = []
        func run(_ context: Int) -> [String] {
            memo.values(of: pages, context: context) { changed in
                made += changed.map(\.frontMatter.title)
                return changed.map { "\(context):" + $0.frontMatter.title }
            }
        }
        let first = run(1)
        #expect(first.count == pages.count && made.count == pages.count)
        made = []
        #expect(run(1) == first)
        #expect(made.isEmpty)
        pages[2].frontMatter.title = "別の題"
        let second = run(1)
        #expect(made == ["別の題"])
        #expect(second[2] == "1:別の題" && second[1] == first[1])
        made = []
        _ = run(2)
        #expect(made.count == pages.count)
        made = []
        pages.removeLast()
        #expect(run(2).count == pages.count)
        #expect(made.isEmpty)
    }

    @Test func testGroupMemo_remakesAGroupWhenAnyOfItsPagesChanged() throws {
        var pages = try Self.pages()
        let memo = PageMemo<Int, Int>()
        var calls = 0
        func run() -> [Int] {
            memo.values(of: [Array(pages[0..<2]), Array(pages[2...])], context: 0) { groups in
                calls += groups.count
                return groups.map(\.count)
            }
        }
        #expect(run() == [2, pages.count - 2])
        #expect(calls == 2)
        pages[3].body.html = ""
        #expect(run() == [2, pages.count - 2])
        #expect(calls == 3)
    }

    /// The preview's search layout counts the documents an edit added, as a fresh layout does, and keeps its shards.
    @Test func testPreviewSearchLayout_followsEditedSections() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path), incremental: true)
        let preview = PreviewSearchLayout()
        let before = preview.layout(for: try pipeline.update().site)
        let sections = (1...40).map { "## 節\($0)\n\n本文\($0)。\n" }.joined(separator: "\n")
        try site.write("02-cloud/02-models.md", TemporarySite.page("方式", sections))
        let edited = try pipeline.update(changed: [pipeline.watchedFolders[0] + "/02-cloud/02-models.md"])
        let after = preview.layout(for: edited.site)
        let fresh = SearchScripts.layout(for: edited.site)
        #expect(after.documentCount == fresh.documentCount)
        #expect(after.documentCount == before.documentCount + 40)
        #expect(after.termShards == before.termShards && after.documentsPerChunk == before.documentsPerChunk)
        let rendered = pipeline.outputs(edited)
        let listed = Set(rendered.pagePaths.map(\.value).filter { $0.hasPrefix("search/") })
        #expect(listed == Set(fresh.paths))
    }

    /// With a glossary and `vars:`, an edit re-links and re-fills only the edited page; the others stay the
    /// very same values through the transforms (so the reviews after them reuse their findings too).
    @Test func testPreviewTransforms_keepUnchangedPagesIdentical() throws {
        var files = TemporarySite.smallCourse()
        files["glossary.yml"] = GlossaryTests.glossary
        files["site.yml"] = "id: test-course\ntitle: テスト研修\nvars:\n  町: 架空町\n"
        files["02-cloud/01-basics.md"] = TemporarySite.page("基礎", "クラウドの話。\n\n```quiz\n{{町}}の方式は？\n- [x] 共同\n- [ ] 紙\n解説: 二つ。\n```\n")
        let site = try TemporarySite(files)
        defer { site.remove() }
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path), incremental: true)
        let before = try pipeline.update().site.pages
        try site.write("02-cloud/02-models.md", TemporarySite.page("方式", "RFP を書きます。\n"))
        let after = try pipeline.update(changed: [pipeline.watchedFolders[0] + "/02-cloud/02-models.md"]).site
        let edited = try #require(after.pages.firstIndex { $0.file.relativePath == "02-cloud/02-models.md" })
        #expect(after.pages[edited].body.html.contains("glossary-link"))
        for index in after.pages.indices where index != edited {
            #expect(after.pages[index].isIdentical(to: before[index]))
        }
        let basics = try #require(after.pages.first { $0.file.relativePath == "02-cloud/01-basics.md" })
        #expect(basics.body.html.contains("glossary-link") && basics.body.quizzes.first?.questionMarkdown.contains("架空町") == true)
    }

    /// The preview's quiz lint is memoised by page: an edit that adds a finding shows it, and undoing it removes it.
    @Test func testPreviewQuizLint_followsEdits() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path), incremental: true)
        #expect(try pipeline.update().diagnostics.all.filter { $0.code == "K7325" }.isEmpty)
        let quiz = "```quiz\n正しいのは？\n- [x] あい\n  > 正解。\n- [ ] うえ\n- [ ] おか\n解説: 理由。\n```\n"
        try site.write("02-cloud/02-models.md", TemporarySite.page("方式", quiz))
        let edited = pipeline.watchedFolders[0] + "/02-cloud/02-models.md"
        let flagged = try pipeline.update(changed: [edited])
        #expect(!flagged.shapeChanged)
        #expect(flagged.diagnostics.all.map(\.code).filter { $0 == "K7325" } == ["K7325"])
        try site.write("02-cloud/02-models.md", TemporarySite.page("方式"))
        #expect(try pipeline.update(changed: [edited]).diagnostics.all.filter { $0.code == "K7325" }.isEmpty)
    }
}
