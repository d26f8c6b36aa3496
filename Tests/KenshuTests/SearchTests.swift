import Foundation
import KenshuContent
import KenshuCore
import KenshuMarkdown
import Testing
@testable import KenshuBuild
@testable import KenshuSearch
import KenshuServe

/// Search: one normalisation for index and query (shared with search.js), per-section documents,
/// scores that favour titles, shards that a browser can load from file://, synonyms from site.yml.
@Suite struct SearchTests {
    struct Case: Decodable {
        var input: String
        var normalised: String
        var tokens: [String]
    }

    struct Fixture: Decodable { var cases: [Case] }

    static let fixtureURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/search/normalisation.json")

    // The shared list that search.js is checked against in the browser test.
    @Test func testNormalisation_matchesSharedFixture() throws {
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: Self.fixtureURL))
        #expect(fixture.cases.count >= 30)
        for item in fixture.cases {
            let normalised = SearchText.normalise(item.input)
            #expect(Array(normalised.unicodeScalars) == Array(item.normalised.unicodeScalars), "normalise(\(item.input))")
            #expect(SearchText.tokens(ofNormalised: normalised) == item.tokens, "tokens(\(item.input))")
        }
    }

    // The Foundation-free path must agree with the full one wherever it applies.
    @Test func testQuickNormalisation_agreesWithFoundation() throws {
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: Self.fixtureURL))
        let samples = fixture.cases.map(\.input) + [
            "「標準準拠システム」へ移行します。（令和７年度）ＡＢＣ・ｘｙｚ！", "ヴァ・ヷ・ヵヶ・ゝゞ・ヽヾ・々", "Tab\there, CRLF\r\n",
        ]
        var quick = 0
        for sample in samples {
            guard let fast = SearchText.quickNormalise(sample) else { continue }
            quick += 1
            #expect(Array(fast.unicodeScalars) == Array(SearchText.fullNormalise(sample).unicodeScalars), "\(sample)")
        }
        #expect(quick >= 15)
        #expect(SearchText.quickNormalise("ｶﾞ") == nil)
    }

    /// Words are encoded straight from their scalars; any width, short (inline) or long.
    @Test func testWordsFromScalars_areTheSameText() {
        for word in ["kenshu", "é", "ｱ", "a𝔸b", String(repeating: "x", count: 15), String(repeating: "é", count: 9) + "z", ""] {
            let scalars = Array(word.unicodeScalars)
            #expect(SearchText.string(of: scalars[...]) == word)
            #expect(SearchText.string(of: scalars[...]).utf8.elementsEqual(word.utf8))
        }
        var terms: [String] = []
        SearchText.forEachTerm(ofNormalised: "kenshu build ab" + String(repeating: "c", count: 40)) { terms.append($0.string) }
        #expect(terms == ["kenshu", "build", "ab" + String(repeating: "c", count: 30)])
    }

    /// `jlis` finds `J-LIS`: hyphenated words are indexed whole too; dates and lone hyphens are not joined.
    @Test func testHyphenatedWords_areAlsoIndexedJoined() {
        func joined(_ text: String) -> [String] {
            var words: [String] = []
            SearchText.forEachJoinedWord(ofNormalised: Array(SearchText.normalise(text).unicodeScalars)) { words.append($0.string) }
            return words
        }
        #expect(joined("国・J-LISの役割、ｅ－Ｇｏｖ、Wi-Fi-6") == ["jlis", "egov", "wifi6"])
        #expect(joined("2026-12-01 と 10 - 20 と -a と a- と J--LIS と 標準-化") == [])
        #expect(joined("x-" + String(repeating: "y", count: 40)) == ["x" + String(repeating: "y", count: 31)])
    }

    @Test func testVariants_foldToOneForm() {
        let forms = ["ガバメントクラウド", "ｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞ", "がばめんとくらうど"].map(SearchText.normalise)
        #expect(Set(forms).count == 1)
        #expect(SearchText.normalise("ＧＣＡＳ") == SearchText.normalise("gcas"))
        let compound = SearchText.tokens(ofNormalised: SearchText.normalise("標準準拠システム"))
        #expect(compound.contains("標準"))
    }

    @Test func testSections_followHeadingsAndLeaveOutQuizzes() {
        var options = MarkdownOptions(path: "a.md", permalinkLabel: "")
        options.fencedBlockHandlers["quiz"] = QuizBlockHandlerStub()
        let markdown = "前書き。\n\n## 標準化の目的\n\n本文は\n二行です。\n\n```quiz\n秘密の問題\n```\n\n### Fit & Gap\n\n- 項目A\n- 項目B\n"
        let sections = MarkdownRenderer.render(markdown, options: options).sections
        #expect(sections.map(\.headingID) == [nil, "標準化の目的", "fit--gap"])
        #expect(sections.map(\.headingText) == ["", "標準化の目的", "Fit & Gap"])
        #expect(sections[1].text == "本文は二行です。")
        #expect(sections[2].text == "項目A\n項目B")
        #expect(!sections.contains { $0.text.contains("秘密") })
    }

    /// Search holds the words of tables and alerts, not their markup: no pipes, delimiter rows, `[!NOTE]` or `[TOC]`.
    @Test func testSections_leaveOutTableAndAlertMarkup() {
        let markdown = "[TOC]\n\n## 表\n\n件数の表：\n| 機能 | 件数 |\n|:-----|-----:|\n| メール | 12 |\n| 共有 \\| 連携 | 3 |\n\n> [!NOTE]\n> 初回ログインに注意。\n"
        let sections = MarkdownRenderer.render(markdown, options: MarkdownOptions(path: "a.md", permalinkLabel: "")).sections
        #expect(sections.map(\.headingText) == ["表"], "\(sections)")
        #expect(sections.first?.text == "件数の表：\n機能 件数\nメール 12\n共有 | 連携 3\n初回ログインに注意。", "\(sections)")
    }

    @Test func testIndex_documentsForSectionsQuizzesAndGlossary() throws {
        var files = TemporarySite.smallCourse()
        files["01-intro/01-welcome.md"] = TemporarySite.page(
            "ようこそ研修へ",
            "## 目的\n\nガバメントクラウドを学びます。\n\n## 申し込み\n\n利用は GCAS で申し込みます。\n\n```quiz\nid: q1\nGCAS とは何ですか？\n- [x] 利用の窓口\n- [ ] 回線\n解説: 利用を申し込む仕組みです。\n```\n")
        files["glossary.yml"] = "- term: GCAS\n  reading: じーきゃす\n  definition: ガバメントクラウドの利用を申し込むサイト\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path))
        let model = try pipeline.update()
        let documents = SearchDocument.collect(from: model.site)
        // The file list is worked out without collecting; it must agree with what collecting makes.
        #expect(SearchScripts.layout(for: model.site).documentCount == documents.count)
        let welcome = documents.filter { $0.href.hasPrefix("intro/welcome.html") && $0.kind != .glossary }
        #expect(welcome.map(\.kind) == [.page, .section, .section, .quiz])
        #expect(welcome[1].href == "intro/welcome.html#%E7%9B%AE%E7%9A%84")
        #expect(welcome[3].href == "intro/welcome.html#quiz-q1")
        #expect(welcome[3].text.contains("利用を申し込む仕組み"))
        let term = try #require(documents.last)
        #expect(term.kind == .glossary && term.title == "GCAS")
        #expect(term.href == "glossary.html#gcas")

        // Every result lands on an element of its page: a quiz's result led to `#q1` while the form is `quiz-q1`
        // (the page opened at its top), a term's to a page using it instead of its glossary entry.
        #expect(try site.build().succeeded)
        for document in documents {
            let (path, fragment) = URLParts.split(document.href)
            let page = try site.read(String(path))
            if let fragment { #expect(page.contains("id=\"\(PercentEncoding.decode(fragment))\""), "\(document.href)") }
        }
    }

    @Test func testScores_favourTheTitleAndRareTerms() {
        let documents = [
            SearchDocument(kind: .page, title: "移行計画", heading: "", href: "a.html", text: "本文です。"),
            SearchDocument(kind: .page, title: "費用", heading: "", href: "b.html", text: "移行計画について少し触れます。移行の話。"),
            SearchDocument(kind: .page, title: "その他", heading: "", href: "c.html", text: "関係のない本文です。"),
        ]
        let index = SearchIndex(documents: documents, synonyms: [])
        let postings = index.postings["計画"]?.decoded ?? []
        #expect(postings.map(\.document) == [0, 1])
        #expect(postings[0].score > postings[1].score)
        let common = index.postings["本文"]?.decoded.first?.score ?? 0
        let rare = index.postings["計画"]?.decoded.first?.score ?? 0
        #expect(rare > common)
    }

    @Test func testScripts_shardTermsByFirstCharacterAndChunkDocuments() {
        let documents = (0..<40).map { number in
            SearchDocument(kind: .section, title: "第\(number)課", heading: "見出し</script>", href: "p\(number).html#h", text: "本文 \(number)")
        }
        let index = SearchIndex(documents: documents, synonyms: [["ガバクラ", "ガバメントクラウド"]])
        let layout = SearchScripts.layout(of: documents)
        let files = Dictionary(SearchScripts.files(for: index, layout: layout).map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
        #expect(Set(files.keys) == Set(layout.paths))
        let meta = files["search/meta.js"] ?? ""
        #expect(meta.contains("\"synonyms\":[[\"がばくら\",\"がばめんとくらうど\"]]"))
        #expect(files.keys.filter { $0.hasPrefix("search/terms-") }.count == layout.termShards)
        let shard = SearchScripts.shard(of: "本文", shards: layout.termShards)
        // Document 0 (gap "0"), then its score; document 1 (gap "1"), and so on.
        #expect(files["search/terms-\(shard).js"]?.contains("\"本文\":\"0") == true)
        #expect(!files.values.contains { $0.contains("</script>") })
        #expect(files["search/docs-0.js"]?.hasPrefix("window.KENSHU_SEARCH_DATA=") == true)
    }

    @Test func testPostingCode_usesBase32DigitsWithContinuationLetters() {
        var out: [UInt8] = []
        for number in [0, 5, 31, 32, 255, 1025] { PostingCode.append(number, to: &out) }
        // 0, 5, v(31); 32 = [1, 0] → "B0"; 255 = [7, 31] → "Hv"; 1025 = [1, 0, 1] → "BA1".
        #expect(String(decoding: out, as: UTF8.self) == "05vB0HvBA1")
    }

    @Test func testPartitionTable_numbersOfEverySizeRoundTrip() {
        var stream: [UInt8] = []
        let numbers = [0, 1, 127, 128, 300, 16_383, 16_384, 2_097_151, 2_097_152, Int(UInt32.max), Int.max]
        for number in numbers { PartitionTable.append(number, to: &stream) }
        // One byte up to 127, two up to 16,383, three up to 2,097,151.
        #expect(stream.count == 1 + 1 + 1 + 2 + 2 + 2 + 3 + 3 + 4 + 5 + 9)
        var read: [Int] = []
        stream.withUnsafeBufferPointer { bytes in
            var position = 0
            while position < bytes.count { read.append(PartitionTable.read(bytes, at: &position)) }
        }
        #expect(read == numbers)
    }

    // Hundreds of terms (numbers past 127 take two bytes), counts past 127, and documents with no term
    // in a partition: every list comes back with its documents in order and its counts.
    @Test func testPartitionTable_takesBackEveryListInDocumentOrder() {
        let words = (0..<440).map { "w\($0)" }
        let documents = (0..<30).map { number -> DocumentTerms in
            var scratch = TermScratch()
            // Document 7 has no terms at all; the others use a slice of the words, one of them very often.
            if number != 7 {
                for word in words[(number * 10)..<(number * 10 + 150)] { scratch.add(.word(word), weight: 1) }
                for _ in 0..<(200 + number) { scratch.add(.word(words[number * 10]), weight: 1) }
            }
            return scratch.grouped(partitions: 1)
        }
        let table = PartitionTable(expectedDocuments: documents.count)
        table.add(Array(documents[0..<12]), part: 0, firstDocument: 0)
        table.add(Array(documents[12...]), part: 0, firstDocument: 12)
        let lists = Dictionary(uniqueKeysWithValues: table.take().map { entry -> (String, [(document: Int32, score: Int32)]) in
            guard case .word(let word) = entry.term else { return ("", []) }
            return (word, entry.list)
        })
        #expect(lists.count == 440)
        for number in 0..<440 {
            let expected = (0..<30).filter { $0 != 7 && (($0 * 10)..<($0 * 10 + 150)).contains(number) }
            #expect(lists["w\(number)"]?.map { Int($0.document) } == expected, "w\(number)")
        }
        // Document 10 uses w100 once in its slice and 210 times more; w101 once.
        let often: Int32? = lists["w100"]?.first(where: { $0.document == 10 })?.score
        let once: Int32? = lists["w101"]?.first(where: { $0.document == 10 })?.score
        #expect(often == 211)
        #expect(once == 1)
    }

    @Test func testPostingList_keepsGapsAndScoresAsTheFilesWriteThem() {
        let pairs: [(document: Int32, score: Int32)] = [(0, 1), (5, 255), (40, 32), (1_065, 8), (70_000, 200)]
        var scratch = Array("left over".utf8)
        let list = PostingList(pairs, scratch: &scratch)
        // Gaps 0, 5, 35, 1025, 68935 each followed by its score.
        var expected: [UInt8] = []
        for number in [0, 1, 5, 255, 35, 32, 1_025, 8, 68_935, 200] { PostingCode.append(number, to: &expected) }
        #expect(list.code == expected)
        #expect(list.decoded.map(\.document) == pairs.map(\.document))
        #expect(list.decoded.map(\.score) == pairs.map(\.score))
        #expect(PostingList([], scratch: &scratch).decoded.isEmpty)
    }

    @Test func testSynonyms_readFromSiteYAML() {
        let yaml = "title: t\nsearch:\n  synonyms:\n    - ガバクラ = ガバメントクラウド\n    - [標準化, 標準準拠]\n    - ひとつだけ\n"
        let (config, problems) = SiteConfig.parse(yaml, path: "site.yml")
        #expect(config.searchSynonyms == [["ガバクラ", "ガバメントクラウド"], ["標準化", "標準準拠"]])
        #expect(problems.map(\.code) == ["K7101"])
        let (_, notMapping) = SiteConfig.parse("title: t\nsearch: yes\n", path: "site.yml")
        #expect(notMapping.map(\.code) == ["K7100"])
    }

    @Test func testBuild_writesSearchScriptsAndTheBox() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded)
        #expect(site.exists("search/meta.js"))
        #expect(site.exists("search/terms-0.js"))
        let page = try site.read("intro/welcome.html")
        #expect(page.contains("<input type=\"search\" id=\"kenshu-search\""))
        #expect(page.contains("<script src=\"../assets/search.js\"></script>"))
    }
}

extension SearchTests {
    // The preview lists the index files at once and builds the index only when one is asked for.
    @Test func testPreview_servesTheIndexOnRequest() async throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        let session = PreviewSession(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path))
        guard case .ready(let preview) = await session.rebuildAll() else {
            Issue.record("the preview did not build")
            return
        }
        let meta = String(decoding: try #require(preview.file(at: "search/meta.js")), as: UTF8.self)
        #expect(meta.contains("KENSHU_SEARCH_DATA.meta="))
        let chunk = String(decoding: try #require(preview.file(at: "search/docs-0.js")), as: UTF8.self)
        #expect(chunk.contains("ようこそ研修へ"))
    }
}

extension SearchTests {
    // A build hands each index file out once and drops its copy; a file asked for again (an export
    // after a write) is made afresh, not returned empty. The index is made alone, before the pages.
    @Test func testBuildOutputs_searchFilesSameWhenRenderedTwice_andMadeAlone() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path))
        let rendered = pipeline.outputs(try pipeline.update())
        let meta = try #require(rendered.pagePaths.firstIndex(of: SitePath("search/meta.js")))
        let chunk = try #require(rendered.pagePaths.firstIndex(of: SitePath("search/docs-0.js")))
        #expect(rendered.renderAlone == [meta])
        #expect(!rendered.renderFirst.contains(meta))
        let first = (rendered.renderPage(meta).html, rendered.renderPage(chunk).html)
        #expect(first.1.contains("ようこそ研修へ"))
        #expect(rendered.renderPage(chunk).html == first.1)
        #expect(rendered.renderPage(meta).html == first.0)
    }
}

/// A fenced-block plug-in that swallows its block, as the quiz plug-in does for search purposes.
struct QuizBlockHandlerStub: FencedBlockHandler {
    func render(_ block: FencedBlock, context: FencedBlockContext) -> FencedBlockOutput {
        .html("<div></div>")
    }
}
