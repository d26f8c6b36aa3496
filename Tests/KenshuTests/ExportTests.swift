import Foundation
import KenshuBuild
import KenshuCore
import KenshuQuiz
import Testing
import ZIPFoundation
@testable import KenshuExport

/// `kenshu export`: archives are byte-identical for the same input, GIFT escapes every special
/// character and weighs multiple answers to 100 %, the SCORM manifest has one SCO per module.
@Suite struct ExportTests {
    static let quizPage = """
        ---
        title: 記号の問題
        ---

        ```quiz
        id: q-signs
        式 {a} = b: 〜 #1 と書くのはどれ？ \\ も
        - [x] {x} ~ y = #z: \\w
          > 正解 {だ} = #1
        - [ ] ふつうの答え
        解説: 記号 ~ = # { } : をすべて含む
        ```

        ```quiz
        id: q-many
        正しいものをすべて選んでください。
        - [x] いち
        - [x] に
        - [x] さん
        - [ ] よん
        - [ ] ご
        ```

        ```quiz
        id: q-text
        「ガバメントクラウド」を片仮名で答えてください。
        answer: ガバメント クラウド | GC
        kana
        ```

        """

    static func course(id: String? = "export-test", licence: String = "CC-BY-4.0") throws -> TemporarySite {
        var files = TemporarySite.smallCourse()
        files["site.yml"] = (id.map { "id: \($0)\n" } ?? "") + """
            title: 書き出し研修
            licence: \(licence)
            attribution:
              author: 架空市 情報政策課
              source_url: https://example.jp/kenshu/

            """
        files["01-intro/03-signs.md"] = quizPage
        files["01-intro/04-test.md"] = "---\ntitle: テスト\nkind: test\npass_mark: 70\n---\n\n```quiz\nid: t1\n問い\n- [x] はい\n- [ ] いいえ\n```\n"
        return try TemporarySite(files)
    }

    static func export(_ site: TemporarySite, _ format: ExportFormat, to name: String) throws -> ExportResult {
        try Exporter.export(ExportOptions(
            build: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path),
            format: format, outputFile: site.root.appendingPathComponent(name).path))
    }

    static func entries(_ path: String) throws -> [String: Data] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files[entry.path] = data
        }
        return files
    }

    @Test(arguments: [ExportFormat.zip, .scorm12, .source])
    func testSameCourse_givesByteIdenticalArchive(format: ExportFormat) throws {
        let site = try Self.course()
        defer { site.remove() }
        let first = try Self.export(site, format, to: "a.zip")
        Thread.sleep(forTimeInterval: 1.1)  // a timestamp taken from the clock would now differ
        let second = try Self.export(site, format, to: "b.zip")
        let a = try Data(contentsOf: URL(fileURLWithPath: try #require(first.outputPath)))
        let b = try Data(contentsOf: URL(fileURLWithPath: try #require(second.outputPath)))
        #expect(a == b)
        let archive = try Archive(url: URL(fileURLWithPath: try #require(first.outputPath)), accessMode: .read)
        let paths = archive.map(\.path)
        #expect(paths == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(paths.contains("LICENSE.txt"))
        // Zip stores a local date and time without a zone; ZIPFoundation reads it in this machine's zone.
        let fixed = Calendar.current.date(from: DateComponents(year: 2000, month: 1, day: 1))
        #expect(archive.allSatisfy { $0.fileAttributes[.modificationDate] as? Date == fixed })
    }

    @Test func testSiteZip_holdsTheBuiltSiteAndTheLicence() throws {
        let site = try Self.course()
        defer { site.remove() }
        let files = try Self.entries(try #require(try Self.export(site, .zip, to: "site.zip").outputPath))
        #expect(files["index.html"] != nil && files["assets/progress.js"] != nil && files["intro/images/図1.png"] != nil)
        let licence = String(decoding: try #require(files["LICENSE.txt"]), as: UTF8.self)
        #expect(licence.contains("クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）"))
        #expect(licence.contains("https://creativecommons.org/licenses/by/4.0/deed.ja"))
        #expect(licence.contains("原作: 架空市 情報政策課") && licence.contains("https://example.jp/kenshu/"))
        let page = String(decoding: try #require(files["intro/welcome.html"]), as: UTF8.self)
        #expect(page.contains("<a href=\"https://creativecommons.org/licenses/by/4.0/deed.ja\" rel=\"license\">"))
        #expect(page.contains("原作：架空市 情報政策課"))
    }

    @Test func testFreeTextLicence_isShownAsWritten() throws {
        let site = try Self.course(licence: "架空市の職員研修に限り複製可")
        defer { site.remove() }
        let files = try Self.entries(try #require(try Self.export(site, .zip, to: "site.zip").outputPath))
        let page = String(decoding: try #require(files["intro/welcome.html"]), as: UTF8.self)
        #expect(page.contains("<p class=\"site-licence\">ライセンス：架空市の職員研修に限り複製可</p>"))
    }

    @Test func testCourseWithoutID_isRefusedWithTheFix() throws {
        let site = try Self.course(id: nil)
        defer { site.remove() }
        let result = try Self.export(site, .zip, to: "site.zip")
        #expect(!result.succeeded)
        let problem = try #require(result.diagnostics.first { $0.code == "K7201" })
        #expect(problem.location?.path.hasSuffix("Content/site.yml") == true)
        #expect(problem.fix(in: .ja)?.contains("id: site-") == true)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site.zip").path))
    }

    /// Exports are named by the course's title, as Windows accepts it; by the id when the title leaves nothing.
    @Test func testDefaultFileNames_comeFromTheTitle() {
        #expect(ExportFormat.scorm12.defaultFileName(title: "A町 情報システム研修", siteID: "kenshu-493a3f01f266") == "A町-情報システム研修-scorm12.zip")
        #expect(ExportFormat.gift.defaultFileName(title: "研修: 基礎／応用 <2026>?", siteID: "x") == "研修-基礎／応用-2026-quizzes.gift.txt")
        #expect(ExportFormat.zip.defaultFileName(title: " ... ", siteID: "kenshu-1") == "kenshu-1-site.zip")
        #expect(ExportFormat.source.defaultFileName(title: String(repeating: "長", count: 80), siteID: "x") == String(repeating: "長", count: 50) + "-source.zip")
        #expect(ExportFormat.zip.defaultFileName(title: String(repeating: "🏛", count: 60), siteID: "x").utf8.count <= 160)
    }

    /// `--output exports/quiz` names a file without an extension: the format's is added (Moodle's file picker offers
    /// `.txt` for GIFT and `.zip` for a package); a name with one, or a folder, is taken as written.
    @Test func testOutputNameWithoutExtension_getsTheFormats() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path
        #expect(Exporter.outputURL(path + "/quiz", defaultName: "t-quizzes.gift.txt", fileExtension: ExportFormat.gift.fileExtension).path == path + "/quiz.txt")
        #expect(Exporter.outputURL(path + "/pkg", defaultName: "t-scorm12.zip", fileExtension: ExportFormat.scorm12.fileExtension).path == path + "/pkg.zip")
        #expect(Exporter.outputURL(path + "/quiz.gift", defaultName: "t-quizzes.gift.txt", fileExtension: ".txt").path == path + "/quiz.gift")
        #expect(Exporter.outputURL(path + "/第1.5回", defaultName: "t-quizzes.gift.txt", fileExtension: ".txt").path == path + "/第1.5回.txt")
        #expect(Exporter.outputURL(path + "/v1.0", defaultName: "t-site.zip", fileExtension: ".zip").path == path + "/v1.0.zip")
        #expect(Exporter.outputURL(path + "/pkg.ZIP", defaultName: "t-site.zip", fileExtension: ".zip").path == path + "/pkg.ZIP")
        #expect(Exporter.outputURL(path, defaultName: "t-quizzes.gift.txt", fileExtension: ".txt").path == path + "/t-quizzes.gift.txt")
        #expect(Exporter.outputURL(path + "/new/", defaultName: "t-site.zip", fileExtension: ".zip").path == path + "/new/t-site.zip")
    }

    @Test func testGIFTEscape_coversEverySpecialCharacter() {
        #expect(GIFTWriter.escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h")
        #expect(GIFTWriter.escape("一行目\n\n二行目") == "一行目\\n\\n二行目")
    }

    @Test func testGIFT_isBuiltFromTheQuizModel() throws {
        let site = try Self.course()
        defer { site.remove() }
        let result = try Self.export(site, .gift, to: "q.gift")
        #expect(result.itemCount == 4)
        let gift = try String(contentsOfFile: try #require(result.outputPath), encoding: .utf8)
        #expect(gift.hasPrefix("// 書き出し研修\n"))
        #expect(gift.contains("$CATEGORY: 書き出し研修/はじめに\n"))
        #expect(gift.contains("::intro/signs.html\\#q-signs::[markdown]式 \\{a\\} \\= b\\: 〜 \\#1 と書くのはどれ？ \\\\ も {"))
        #expect(gift.contains("\t=\\{x\\} \\~ y \\= \\#z\\: \\\\w#正解 \\{だ\\} \\= \\#1\n"))
        #expect(gift.contains("\t####記号 \\~ \\= \\# \\{ \\} \\: をすべて含む\n"))
        #expect(gift.contains("\t~%33.33333%いち\n\t~%33.33333%に\n\t~%33.33333%さん\n\t~%-50%よん\n\t~%-50%ご\n"))
        // Kenshu folds spaces, NFKC and (with `kana`) katakana/hiragana; Moodle folds only case.
        for answer in ["ガバメント クラウド", "ガバメントクラウド", "がばめんとくらうど", "GC", "ＧＣ"] {
            #expect(gift.contains("\t=" + answer + "\n"), "missing short answer \(answer)")
        }
    }

    /// Moodle reads `%8%` at the start of an answer as its weight: a choice that starts so is escaped for
    /// Markdown, and a typed answer gets its full weight written before it.
    @Test func testGIFTAnswerStartingWithPercent_isNotReadAsAWeight() throws {
        let site = try Self.course()
        defer { site.remove() }
        try site.write("01-intro/03-signs.md", """
            ---
            title: 税率
            ---
            ```quiz
            id: rate
            税率は？
            - [ ] %8%の税率
            - [x] %10%
            - [ ] 10%
            ```
            ```quiz
            id: typed
            割合は？
            answer: %5% | 5
            ```
            """)
        let result = try Self.export(site, .gift, to: "rate.gift")
        let gift = try String(contentsOfFile: try #require(result.outputPath), encoding: .utf8)
        #expect(gift.contains("\t~%0%%8%の税率\n\t=%10%\n\t~10%\n"), "\(gift)")
        #expect(gift.contains("\t=%100%%5%\n") && gift.contains("\t=5\n"), "\(gift)")
    }

    /// GIFT carries a quiz's Markdown as written: an image or a link into the course leads nowhere in a
    /// Moodle question bank, so each is a warning at its place; https:// links and links outside quizzes are not.
    @Test func testGIFT_warnsOfImagesAndLinksIntoTheCourse() throws {
        let site = try Self.course()
        defer { site.remove() }
        try site.write("01-intro/05-pictures.md", """
            ---
            title: 図の問題
            ---
            [本文のリンク](01-welcome.md) ![本文の図](images/図1.png)

            ```quiz
            どれでしょう。![図](images/図1.png) [前](01-welcome.md#目的) [外](https://example.com/)
            - [x] はい
            - [ ] いいえ
            ```

            """)
        try site.write("01-intro/02-roles.md", TemporarySite.page("役割", "## 役割分担\n\n[図](05-pictures.md)\n"))
        let result = try Self.export(site, .gift, to: "q.gift.txt")
        #expect(result.succeeded)
        let warned = result.diagnostics.filter { $0.code.hasPrefix("K721") }.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(warned == ["K7210 7:8", "K7211 7:28"], "\(result.diagnostics)")
    }

    /// HTML comments are the author's notes: the page leaves them out, and so do the search index and the
    /// GIFT export, which carry the quiz's Markdown ("前年度はこれが正解だった" would give an answer away).
    /// A comment written inside a code span is text, and stays.
    @Test func testQuizCommentsReachNeitherSearchNorGIFT() throws {
        let site = try Self.course()
        defer { site.remove() }
        try site.write("01-intro/05-notes.md", """
            ---
            title: メモ入りの問題
            ---
            ```quiz
            id: q-memo
            利用料を負担するのは誰でしょう。<!-- 内部メモ：課長に確認中 --> `<!-- 符号 -->` も見ます。
            - [ ] デジタル庁 <!-- 前年度はこれが正解だった -->
              > 違います。<!-- 出典未確認 -->
            - [x] 各団体
            解説: 各団体が負担します。<!-- 二行に
            わたるメモ -->

            <!-- 解説の後のメモ -->
            ```

            """)
        try site.write("01-intro/02-roles.md", TemporarySite.page("役割", "## 役割分担\n\n[メモ](05-notes.md)\n"))
        let built = try site.build()
        #expect(built.succeeded, "\(site.messages(built))")
        let result = try Self.export(site, .gift, to: "q.gift.txt")
        #expect(result.succeeded, "\(result.diagnostics)")
        let gift = try String(contentsOfFile: try #require(result.outputPath), encoding: .utf8)
        let searchFolder = site.output.appendingPathComponent("search")
        let search = try FileManager.default.contentsOfDirectory(atPath: searchFolder.path)
            .map { try String(contentsOf: searchFolder.appendingPathComponent($0), encoding: .utf8) }.joined()
        let page = try site.read("intro/notes.html")
        for published in [gift, search, page] {
            for note in ["内部メモ", "前年度", "出典未確認", "二行に", "わたるメモ", "解説の後のメモ"] {
                #expect(!published.contains(note), "\(note) in \(published.prefix(200))")
            }
        }
        #expect(gift.contains("::[markdown]利用料を負担するのは誰でしょう。 `<!-- 符号 -->` も見ます。 {"), "\(gift)")
        #expect(gift.contains("\t~デジタル庁#違います。\n"), "\(gift)")
        #expect(search.contains("利用料を負担するのは誰でしょう。"))
    }

    /// A comment over several lines, or one left open at a quiz's end (a save caught half-typed in the
    /// preview), builds: the quiz keeps its text without the note.
    @Test func testQuizWithAMultiLineOrOpenComment_builds() throws {
        let site = try Self.course()
        defer { site.remove() }
        try site.write("01-intro/05-notes.md", "---\ntitle: メモ\n---\n```quiz\n問い\n- [x] はい\n- [ ] いいえ\n解説: 理由\n\n<!-- メモ\n次の行 -->\n```\n\n```quiz\n問い二\n- [x] はい\n- [ ] いいえ\n\n<!-- 書きかけ\n```\n")
        try site.write("01-intro/02-roles.md", TemporarySite.page("役割", "## 役割分担\n\n[メモ](05-notes.md)\n"))
        let result = try site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        // The closed comment is no "unclosed comment" (K5015); the one left open is, at its line.
        #expect(result.diagnostics.filter { $0.code == "K5015" }.map { $0.location?.line ?? 0 } == [19], "\(site.messages(result))")
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path))
        let page = try #require(try pipeline.update().site.pages.first { $0.file.relativePath == "01-intro/05-notes.md" })
        let quizzes = page.body.quizzes
        #expect(quizzes.map(\.questionMarkdown) == ["問い", "問い二"])
        #expect(quizzes.allSatisfy { !$0.explanationMarkdown.contains("メモ") && !$0.explanationMarkdown.contains("書きかけ") }, "\(quizzes.map(\.explanationMarkdown))")
        #expect(quizzes.first?.explanationMarkdown.hasPrefix("理由") == true)
    }

    /// A starter course exported (or built: the same pipeline) before its `organisation:` was filled in: the
    /// placeholder would credit nobody in the licence and attribution, so it is warned at that line, once.
    @Test func testExportOfTheStarterPlaceholderOrganisation_isWarned() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-placeholder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try StarterCourse.write(to: folder)
        let content = folder.appendingPathComponent("Content").path
        func export() throws -> ExportResult {
            try Exporter.export(ExportOptions(
                build: BuildOptions(contentDirectory: content), format: .zip, outputFile: folder.appendingPathComponent("site.zip").path))
        }
        let result = try export()
        #expect(result.succeeded)
        let warned = result.diagnostics.filter { $0.code == "K7212" }
        #expect(warned.map { $0.location?.line } == [12], "\(result.diagnostics)")
        let printer = DiagnosticPrinter(language: .ja)
        #expect(warned.map { printer.line($0).replacingOccurrences(of: folder.path + "/", with: "") } == [
            "Content/site.yml:12:1: 警告: site.yml の 'organisation: （ここに団体名を書く）' は 'kenshu new' のひな形のままです。すべてのページの下と、書き出したファイルの利用条件・出典の表示に、このまま出ます — organisation: に教材を作った団体の名前（例：架空市 情報政策課）を書いてください [K7212]",
        ])
        let siteYAML = URL(fileURLWithPath: content + "/site.yml")
        let text = try String(contentsOf: siteYAML, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "（ここに団体名を書く）", with: "架空市 情報政策課").utf8).write(to: siteYAML)
        #expect(try export().diagnostics.allSatisfy { $0.code != "K7212" })
    }

    @Test func testSCORMManifest_hasOneSCOPerModuleWithItsPassMark() throws {
        let site = try Self.course()
        defer { site.remove() }
        let files = try Self.entries(try #require(try Self.export(site, .scorm12, to: "scorm.zip").outputPath))
        let manifest = String(decoding: try #require(files["imsmanifest.xml"]), as: UTF8.self)
        #expect(manifest.components(separatedBy: "adlcp:scormtype=\"sco\"").count - 1 == 2)
        #expect(manifest.contains("""
                  <item identifier="item-01" identifierref="sco-01" isvisible="true">
                    <title>はじめに</title>
                    <adlcp:masteryscore>70</adlcp:masteryscore>
                  </item>
                  <item identifier="item-02" identifierref="sco-02" isvisible="true">
                    <title>クラウド</title>
                  </item>
            """))
        #expect(manifest.contains("href=\"scorm-launch.html?start=intro/index.html\""))
        #expect(manifest.contains("<file href=\"intro/test.html\"/>"))
        #expect(manifest.contains("<file href=\"intro/images/%E5%9B%B31.png\"/>"))
        #expect(manifest.contains("<file href=\"assets/scorm.js\"/>"))
        // Every file of the package is listed once, and every listed file is in the package.
        let listed = manifest.components(separatedBy: "<file href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(listed).count == listed.count)
        #expect(Set(listed.map { PercentEncoding.decode($0) }) == Set(files.keys).subtracting(["imsmanifest.xml"]))
    }

    /// A source zip unpacked and built in place keeps the original's id and no attribution: a warning says
    /// to start with `kenshu new --base` (or, for one's own backup, to delete the manifest, which silences it).
    @Test func testUnpackedSourceExport_isWarnedAtItsID() throws {
        let site = try Self.course()
        defer { site.remove() }
        let exported = try Self.export(site, .source, to: "source.zip")
        let unpacked = site.root.appendingPathComponent("unpacked")
        for (path, data) in try Self.entries(try #require(exported.outputPath)) {
            let url = unpacked.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        func build() throws -> [String] {
            let result = try Builder.build(BuildOptions(
                contentDirectory: unpacked.appendingPathComponent("Content").path, themesDirectory: site.themes.path,
                outputDirectory: unpacked.appendingPathComponent("Output").path, removeOldOutputInBackground: false))
            return result.diagnostics.filter { $0.code == "K1040" }.map { DiagnosticPrinter(language: .ja).line($0) }
        }
        let warned = try build()
        #expect(warned.count == 1 && warned[0].contains("Content/site.yml:1:1: 警告: この教材は 'kenshu export --format source' の zip を展開したもので、id が元の教材（書き出し研修）と同じです"), "\(warned)")
        try FileManager.default.removeItem(at: unpacked.appendingPathComponent("kenshu-source.json"))
        #expect(try build().isEmpty)
        #expect(try Builder.build(BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path,
            outputDirectory: site.output.path, removeOldOutputInBackground: false)).diagnostics.allSatisfy { $0.code != "K1040" })
    }

    @Test func testSourceArchive_listsEachFileWithItsHash() throws {
        let site = try Self.course()
        defer { site.remove() }
        let files = try Self.entries(try #require(try Self.export(site, .source, to: "source.zip").outputPath))
        #expect(files["Content/01-intro/03-signs.md"] == Data(Self.quizPage.utf8))
        let manifest = String(decoding: try #require(files["kenshu-source.json"]), as: UTF8.self)
        #expect(manifest.contains("\"id\": \"export-test\""))
        let hash = SHA256.hex(Data(Self.quizPage.utf8))
        #expect(manifest.contains("{\"path\": \"Content/01-intro/03-signs.md\", \"sha256\": \"\(hash)\""))
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Fed in pieces of every size, and streamed from a file, the digest is the same (FIPS 180-2's million 'a's).
        let million = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
        var hasher = SHA256.Hasher()
        var offset = 0, piece = 1
        while offset < million.count {
            let end = min(million.count, offset + piece)
            hasher.update(million.subdata(in: offset..<end))
            offset = end
            piece = piece * 3 % 1000 + 1
        }
        #expect(hasher.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try million.write(to: file)
        #expect(SHA256.hex(fileAt: file.path) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

/// The spellings the site accepts for a typed answer reach Moodle too.
@Suite struct ShortAnswerVariantTests {
    @Test func testDashesAndAFinalFullStop_asTheSiteAcceptsThem() {
        let variants = ShortAnswerVariants.variants(of: ["J-LIS"], kanaInsensitive: false)
        #expect(variants.contains("J\u{30FC}LIS") && variants.contains("J\u{2212}LIS"), "\(variants)")
        #expect(variants.contains("J-LIS\u{3002}"), "\(variants)")
        #expect(!ShortAnswerVariants.variants(of: ["文字同定"], kanaInsensitive: false).contains { $0.contains("\u{30FC}") })
        #expect(ShortAnswerVariants.variants(of: ["文字同定。"], kanaInsensitive: false).filter { $0.hasSuffix("\u{3002}\u{3002}") }.isEmpty)
        // Written with the IME's dash, the ASCII one is offered too; every dash spelling also ends with 。.
        let ime = ShortAnswerVariants.variants(of: ["J\u{30FC}LIS"], kanaInsensitive: false)
        for spelling in ["J-LIS", "J\u{2212}LIS", "J-LIS\u{3002}", "J\u{2212}LIS\u{3002}", "J\u{30FC}LIS\u{3002}"] {
            #expect(ime.contains(spelling), "\(spelling) in \(ime)")
        }
        // Every spelling the export writes is one the page accepts.
        for variant in ShortAnswerVariants.variants(of: ["J-LIS", "ジェイリス"], kanaInsensitive: true) {
            #expect(KenshuQuiz.QuizAnswer.matches(variant, accepted: ["J-LIS", "ジェイリス"], kanaInsensitive: true), "\(variant)")
        }
    }
}
