import Foundation
@testable import KenshuContent
import KenshuCore
import Testing
@testable import KenshuQuiz
@testable import KenshuBuild

/// The mistakes authors really make are named as what they are, at their place, in Japanese and English.
@Suite struct AuthorMistakesTests {
    /// Builds the small course with `changes` (a `nil` text deletes the file) and returns the lines
    /// printed for diagnostics with `code`, in Japanese and in English.
    func lines(_ changes: [String: String?], code: String) throws -> (ja: [String], en: [String], result: BuildResult) {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        for (path, text) in changes {
            if let text { try site.write(path, text) } else { try site.delete(path) }
        }
        let result = try site.build()
        let ja = site.printed(result, .ja).filter { $0.hasSuffix("[\(code)]") }
        let en = site.printed(result, .en).filter { $0.hasSuffix("[\(code)]") }
        return (ja, en, result)
    }

    @Test func testFullWidthColonAfterAKey() throws {
        let (ja, en, result) = try lines(["01-intro/01-welcome.md": "---\ntitle：ようこそ\n---\n本文\n"], code: "K2011")
        #expect(!result.succeeded)
        #expect(ja == ["Content/01-intro/01-welcome.md:2:6: エラー: 'title' の後ろが全角のコロン「：」です。YAML は全角のコロンを区切りとして読みません — 半角のコロンと空白にしてください：'title: …' [K2011]"])
        #expect(en == ["Content/01-intro/01-welcome.md:2:6: error: 'title' is followed by a full-width colon '：', which YAML does not read as a separator — write a half-width colon and a space: 'title: …' [K2011]"])
    }

    /// `title:` with nothing after it was told as a missing title at 1:1; it is told at its line as empty.
    @Test func testEmptyTitle_isToldAtItsLine() throws {
        let (ja, _, result) = try lines(["01-intro/02-roles.md": "---\ndescription: 説明\ntitle:\n---\n本文\n"], code: "K3012")
        #expect(!result.succeeded)
        #expect(ja == ["Content/01-intro/02-roles.md:3:1: エラー: 'title' の値が空です — 'title:' の後ろに空白を 1 つ置いて、ページの題名を書いてください（例：'title: 窓口対応の基本'） [K3012]"], "\(result.diagnostics)")
        #expect(!result.diagnostics.contains { $0.code == "K3002" })
        let list = try lines(["01-intro/02-roles.md": "---\ntitle: []\n---\n本文\n"], code: "K2004")
        #expect(list.ja.count == 1 && !list.result.diagnostics.contains { ["K3002", "K3012"].contains($0.code) }, "\(list.result.diagnostics)")
    }

    /// ` #` starts a YAML comment: `title: 窓口対応 #2 電話` became the title 「窓口対応」 without a word. Told at the `#`
    /// with the quoted value (or item) to write; `#` without a blank before it, quoted values, comments on their own
    /// line and comments set apart (two blanks before `#`, or one after it, as the README's example writes them) are
    /// left alone.
    @Test func testValueCutByAComment() throws {
        let page = "---\ntitle: 窓口対応 #2 電話\nobjectives:\n  - 手順 #3 を説明できる\n  - \"番号 #4\"\n  # メモ\n  - 目標  #5 はコメント\n  - 目標 # これもコメント\ndescription: 第1回#研修\n---\n本文\n\n## 目的\n"
        let (ja, en, result) = try lines(["01-intro/01-welcome.md": page], code: "K2016")
        #expect(result.succeeded)
        #expect(ja == [
            "Content/01-intro/01-welcome.md:2:13: 警告: 'title' の値は '窓口対応' までです。空白の後ろの '#' から行の終わりまでは、YAML のコメントとして読み飛ばされます — '#' も値に入れるなら、値全体を引用符で囲んでください：title: \"窓口対応 #2 電話\"（コメントのつもりなら、コメントを別の行に書けばこの警告は出ません） [K2016]",
            "Content/01-intro/01-welcome.md:4:8: 警告: 'objectives' の値は '手順' までです。空白の後ろの '#' から行の終わりまでは、YAML のコメントとして読み飛ばされます — '#' も値に入れるなら、値全体を引用符で囲んでください：- \"手順 #3 を説明できる\"（コメントのつもりなら、コメントを別の行に書けばこの警告は出ません） [K2016]",
        ], "\(ja)")
        #expect(en.first?.contains("put the whole value in quotes: title: \"窓口対応 #2 電話\"") == true, "\(en)")
        // A value starting with a variable reaches YAML quoted; cut all the same, and told.
        let variable = try lines(["01-intro/01-welcome.md": "---\ntitle: {{自治体名}} #研修\n---\n本文\n\n## 目的\n", "site.yml": "id: t\ntitle: テスト\nvars:\n  自治体名: 架空市\n"], code: "K2016")
        #expect(variable.ja.count == 1 && variable.ja.first?.contains("title: \"{{自治体名}} #研修\"") == true, "\(variable.ja)")
        #expect(variable.ja.first?.hasPrefix("Content/01-intro/01-welcome.md:2:17:") == true, "\(variable.ja)")
    }

    /// A Japanese key (`vars:` names are Japanese) with a full-width colon is named at its colon, not as the next
    /// line's indentation; `目的：…` in a block of text or a list stays a sentence.
    @Test func testFullWidthColonAfterAJapaneseKey() throws {
        let siteYAML = "id: t\ntitle: テスト研修\ndescription: |\n  目的：標準化を知る\nvars:\n  担当課：\"総務課\"\n  自治体名: \"A町\"\n"
        let (ja, _, result) = try lines(["site.yml": siteYAML], code: "K2011")
        #expect(!result.succeeded)
        #expect(ja == ["Content/site.yml:6:6: エラー: '担当課' の後ろが全角のコロン「：」です。YAML は全角のコロンを区切りとして読みません — 半角のコロンと空白にしてください：'担当課: …' [K2011]"], "\(result.diagnostics)")
        let (last, _, _) = try lines(["site.yml": "id: t\ntitle: テスト研修\nvars:\n  自治体名: \"A町\"\n  担当課：\"総務課\""], code: "K2011")
        #expect(last.count == 1 && last.first?.hasPrefix("Content/site.yml:5:6:") == true, "\(last)")
        let sentences = "---\ntitle: ようこそ\nobjectives:\n  - 目標：手順を説明できる\ndescription: >\n  注意：火曜日\n---\n本文\n"
        let (none, _, fine) = try lines(["01-intro/03-goals.md": sentences], code: "K2011")
        #expect(none.isEmpty && fine.succeeded, "\(fine.diagnostics)")
        // The YAML fails for another reason (an indented key): that error is told, not the sentences' colons.
        let broken = "---\ntitle: レッスン\nobjectives:\n  - 目的：制度を理解する\ndescription: \"説明\n  注意：ここは文章\"\n minutes: 3\n---\n本文\n"
        let (colons, _, failed) = try lines(["01-intro/03-goals.md": broken], code: "K2011")
        #expect(colons.isEmpty && failed.diagnostics.contains { $0.code == "K2001" && $0.location?.line == 7 }, "\(failed.diagnostics)")
    }

    /// Fences typed through a Japanese input method are read as fences, with a warning at each; a first line of
    /// long-vowel marks that opens nothing stays the author's text; `--- ` with a trailing blank is a fence.
    @Test func testLookAlikeFrontMatterFences() throws {
        let changes: [String: String?] = [
            "01-intro/01-welcome.md": "ーーー\ntitle: ようこそ研修へ\n－－－\n## 目的\n\n本文\n",
            "01-intro/02-roles.md": "--- \ntitle: 役割\n---\t\n## 役割分担\n",
        ]
        let (ja, en, result) = try lines(changes, code: "K1036")
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(ja == [
            "Content/01-intro/01-welcome.md:1:1: 警告: フロントマターの区切り 'ーーー' に、半角のハイフンでない文字（長音記号「ー」や全角の「－」など）が入っています。Kenshu は区切りとして読みましたが、ほかのツールは読みません — 半角のハイフン 3 つ '---' だけの行にしてください [K1036]",
            "Content/01-intro/01-welcome.md:3:1: 警告: フロントマターの区切り '－－－' に、半角のハイフンでない文字（長音記号「ー」や全角の「－」など）が入っています。Kenshu は区切りとして読みましたが、ほかのツールは読みません — 半角のハイフン 3 つ '---' だけの行にしてください [K1036]",
        ], "\(ja)")
        #expect(en.count == 2)
        // Rows of 'ー' around a heading are decoration: no front matter, no warning.
        for decorated in ["ーーーー\n\u{3000}令和6年度 新任研修\nーーーー\n本文\n", "――――\nお知らせ\n\n---\n本文\n"] {
            let page = FrontMatterSplitter.split(decorated)
            #expect(page.yaml == nil && page.lookAlikeFences.isEmpty && page.unterminatedAt == nil, "\(decorated)")
        }
        let split = FrontMatterSplitter.split("ーーーーーー\n区切りの下の本文\n")
        #expect(split.yaml == nil && split.unterminatedAt == nil && split.lookAlikeFences.isEmpty && split.body.hasPrefix("ーーー"))
        #expect(FrontMatterSplitter.split("------\ntitle: a\n---\n").yaml == nil)
    }

    /// A web address copied without its scheme would be a link to a file beside the page.
    @Test func testSourceURLWithoutScheme() throws {
        let page = "---\ntitle: 出典\nsources:\n  - title: 総務省\n    url: www.soumu.go.jp/a.html\n  - title: 資料\n    url: files/資料.pdf\n  - title: 報告\n    url: report.pdf\n---\n本文\n"
        let (ja, en, result) = try lines(["01-intro/01-welcome.md": page], code: "K3008")
        #expect(!result.succeeded)
        #expect(ja == ["Content/01-intro/01-welcome.md:5:10: エラー: 出典の URL 'www.soumu.go.jp/a.html' に https:// がないため、サイトの中のファイルへのリンクになってしまいます — 'https://www.soumu.go.jp/a.html' のように書いてください [K3008]"])
        #expect(en.count == 1)
        #expect(SourceURL.looksLikeAHostWithoutScheme("example.jp") && SourceURL.looksLikeAHostWithoutScheme("city.kakuu.lg.jp/kurashi/")
            && SourceURL.looksLikeAHostWithoutScheme("WWW.Example.org/x"))
        #expect(!SourceURL.looksLikeAHostWithoutScheme("report.pdf") && !SourceURL.looksLikeAHostWithoutScheme("files/a.jp")
            && !SourceURL.looksLikeAHostWithoutScheme("https://example.jp/") && !SourceURL.looksLikeAHostWithoutScheme("./www.x.jp")
            && !SourceURL.looksLikeAHostWithoutScheme("資料.jp"))
    }

    /// A source on the page itself (`#目的`) leads to the same heading from print.html.
    @Test func testSourceURLToAHeadingOfThePage_buildsWithPrint() throws {
        let page = "---\ntitle: 出典\nsources:\n  - title: この節\n    url: \"#目的\"\n---\n## 目的\n\n本文\n"
        let site = try TemporarySite(TemporarySite.smallCourse().merging(["01-intro/01-welcome.md": page]) { $1 })
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(try site.read("print.html").contains("href=\"#print-"), "the fragment gets the page's print prefix")
    }

    /// A source's relative URL that leads nowhere is reported at its entry in the front matter, not in a
    /// built file that was never written.
    @Test func testBrokenRelativeSourceURL_isLocatedInTheFrontMatter() throws {
        let page = "---\ntitle: 出典\nsources:\n  - title: 資料\n    url: files/資料.pdf\n---\n## 目的\n\n本文\n"
        let (ja, _, result) = try lines(["01-intro/01-welcome.md": page], code: "K9001")
        #expect(!result.succeeded)
        #expect(ja.count == 1, "once, not again for print.html (where the URL leads to the same file): \(ja)")
        #expect(ja.first?.hasPrefix("Content/01-intro/01-welcome.md:4:5: エラー: ") == true, "\(ja)")
    }

    /// What Japanese keyboards slip into YAML is named at its line, not as libyaml's English about a later one.
    @Test func testYAMLSlipsOfJapaneseKeyboards() throws {
        let noSpace = try lines(["01-intro/01-welcome.md": "---\ntitle:ようこそ\nminutes: 5\n---\n本文\n"], code: "K2014")
        #expect(noSpace.ja == ["Content/01-intro/01-welcome.md:2:7: エラー: 'title:' の後ろに空白がないため、YAML はこの行を「キー: 値」と読めません — コロンの後ろに半角の空白を入れてください：'title: …' [K2014]"])
        let alone = try lines(["01-intro/01-welcome.md": "---\ntitle:ようこそ\n---\n本文\n"], code: "K2014")
        #expect(alone.ja.count == 1, "a front matter of that one line is one text to YAML: \(alone.ja)")
        // Reported where it is, though libyaml stops at a later line.
        // After a list's '- ' a full-width space is the item's text: the real mistake is named.
        let item = try lines(["01-intro/01-welcome.md": "---\ntitle: 題\nobjectives:\n  - \u{3000}目的を理解する\nminutes: 30\ndescription: 目的: 理解\n---\n本文\n"], code: "K2013")
        #expect(item.ja.isEmpty, "\(item.result.diagnostics)")
        let early = try lines(["01-intro/01-welcome.md": "---\ntitle: 全角\nobjectives:\n\u{3000}\u{3000}- 目標1\n  - 目標2\n---\n本文\n"], code: "K2013")
        #expect(early.ja.count == 1 && early.ja[0].hasPrefix("Content/01-intro/01-welcome.md:4:1: "), "\(early.ja)")
        let indent = try lines(["01-intro/01-welcome.md": "---\ntitle: ようこそ\nobjectives:\n\u{3000}- 目標\n---\n本文\n"], code: "K2013")
        #expect(indent.ja == ["Content/01-intro/01-welcome.md:4:1: エラー: 行の始めに全角の空白があります。YAML は全角の空白を字下げと読みません — 字下げは半角の空白にしてください（1 段につき 2 つ） [K2013]"])
        #expect(indent.en == ["Content/01-intro/01-welcome.md:4:1: error: this line starts with a full-width space, which YAML does not read as indentation — indent with half-width spaces (two per level) [K2013]"])
        #expect(try lines(["01-intro/01-welcome.md": "---\ntitle: ようこそ\nurl: https://example.jp\n---\n本文\n"], code: "K2014").ja.isEmpty)
    }

    /// libyaml's common problems in the author's language; an unclosed quote is shown where it opens.
    @Test func testYAMLProblemsInTheAuthorsLanguage() throws {
        let colon = try lines(["01-intro/01-welcome.md": "---\ntitle: 研修: 第1回\n---\n本文\n"], code: "K2001")
        #expect(colon.ja.count == 1 && colon.ja[0].hasPrefix("Content/01-intro/01-welcome.md:2:10: エラー: YAML の書き方に誤りがあります：値の中に「: 」"), "\(colon.ja)")
        #expect(colon.en.count == 1 && colon.en[0].contains("a value holds ': '") && !colon.en[0].contains("mapping values"), "\(colon.en)")
        // A key indented under another key's value is told as an indentation slip, not as a colon to quote.
        let indented = try lines(["01-intro/01-welcome.md": "---\ntitle: ようこそ\n  minutes: 5\n---\n本文\n"], code: "K2015")
        #expect(try lines(["01-intro/01-welcome.md": "---\ntitle: ようこそ\n  続きの文: です\n---\n本文\n"], code: "K2015").ja.isEmpty)
        #expect(indented.ja == ["Content/01-intro/01-welcome.md:3:1: エラー: この行は前の行より深く（空白 2 個）字下げされているため、YAML は前の行の値の続きと読み、ここで読めなくなりました — 前の行と同じ字下げにそろえてください（'title:' などの項目は行の始めから書きます） [K2015]"], "\(indented.ja)")
        let quote = try lines(["01-intro/01-welcome.md": "---\ntitle: \"閉じない\nminutes: 5\n---\n本文\n"], code: "K2001")
        #expect(quote.ja.count == 1 && quote.ja[0].hasPrefix("Content/01-intro/01-welcome.md:2:8: ") && quote.ja[0].contains("閉じられないまま"), "\(quote.ja)")
        #expect(!quote.ja[0].contains("end of stream"))
        // A block of text may begin with a full-width space; a later mistake is not blamed on it.
        let block = try lines(["01-intro/01-welcome.md": "---\ntitle: ようこそ\ndescription: |\n  \u{3000}全角で始まる文\n  see:here\nminutes: \"閉じない\n---\n本文\n"], code: "K2001")
        #expect(block.ja.count == 1 && block.ja[0].contains("閉じられないまま"), "\(block.ja)")
        #expect(try lines(["01-intro/01-welcome.md": "---\ntitle: ようこそ\ndescription: |\n  \u{3000}全角で始まる文\n  see:here\nminutes: \"閉じない\n---\n本文\n"], code: "K2013").ja.isEmpty)
    }

    /// `-[ ]` and choices that change marker used to make a quiz of the wrong choices without a word.
    @Test func testQuizChoiceMarkerSlips() throws {
        let quiz = "```quiz\n記号違い\n-[ ] a\n* [x] b\n+ [ ] c\n```\n\n```quiz\n正しい\n- [x] a\n- [ ] b\n  * [ ] 字下げした別の話\n```\n"
            // The explanation is the author's own Markdown: any list, any marker.
            + "\n```quiz\n説明つき\n- [x] a\n- [ ] b\n解説: 手順\n\n* [x] 手順1\n-[ ] の書き方は誤りです\n```\n"
            + "\n```quiz\n記述式\nanswer: 二十\n解説: 例\n\n- [x] 一\n* [x] 二\n```\n"
        let body = TemporarySite.page("A", "## 目的\n\n" + quiz)
        let noSpace = try lines(["01-intro/01-welcome.md": body], code: "K6014")
        #expect(!noSpace.result.succeeded)
        #expect(noSpace.ja.count == 1 && noSpace.ja[0].contains("'-[ ]' は印の後ろに空白がないため"), "\(noSpace.ja)")
        let mixed = try lines(["01-intro/01-welcome.md": body], code: "K6015")
        #expect(mixed.ja.count == 1 && mixed.ja[0].contains("'+' で始まり、前の選択肢の '*' と違う"), "\(mixed.ja)")
        #expect(mixed.en.count == 1 && mixed.en[0].contains("starts with '+', not '*'"), "\(mixed.en)")
        #expect(QuizMarkerSlips.find(in: "問い\n- [x] a\n- [ ] b\n").isEmpty)
    }

    /// Quiz fences as they slip: ```` ```Quiz ```` and ```` ```ｑｕｉｚ ```` are quizzes with a warning (their answers
    /// never in search as code); an indented one is code, warned; a quiz left open swallows the next one,
    /// an error. An example fenced on purpose (```` ```` ````, or inside a ```` ````quiz ````) is left alone.
    @Test func testQuizFenceSlips() throws {
        let quiz = "```Quiz\n大文字\n- [x] 正解その一\n- [ ] b\n```\n\n```ｑｕｉｚ\n全角\n- [x] 正解その二\n- [ ] b\n```\n"
            + "\n    ```quiz\n    字下げ\n    - [x] a\n    ```\n"
            + "\n````\n```quiz\n書き方の例\n- [x] a\n```\n````\n"
            + "\n````quiz\n例を含む問題\n- [x] a\n- [ ] b\n解説: 書き方\n\n```quiz\n例\n- [x] a\n```\n````\n"
        let body = TemporarySite.page("A", "## 目的\n\n" + quiz)
        let spelled = try lines(["01-intro/01-welcome.md": body], code: "K6020")
        #expect(spelled.result.succeeded, "\(spelled.result.diagnostics)")
        #expect(spelled.ja == [
            "Content/01-intro/01-welcome.md:6:1: 警告: '```Quiz' を '```quiz' として読みました — 小文字で '```quiz' と書いてください [K6020]",
            "Content/01-intro/01-welcome.md:12:1: 警告: '```ｑｕｉｚ' を '```quiz' として読みました — 半角の小文字で '```quiz' と書いてください（日本語入力をオフにして打ちます） [K6020]",
        ], "\(spelled.ja)")
        let indented = try lines(["01-intro/01-welcome.md": body], code: "K6021")
        #expect(indented.ja == ["Content/01-intro/01-welcome.md:18:5: 警告: '```quiz' の行が字下げ（4 文字以上の空白かタブ）されているため、ブロック全体がコードとして、正解の印も含めてそのまま表示されます — '```quiz' から閉じる '```' までの行の先頭の空白を消してください（書き方の説明としてわざと見せるなら、'````markdown' で囲んでください） [K6021]"], "\(indented.ja)")

        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try site.write("01-intro/01-welcome.md", body)
        #expect(try site.build().succeeded)
        let page = try site.read("intro/welcome.html")
        #expect(page.components(separatedBy: "class=\"quiz").count - 1 >= 3, "Quiz, ｑｕｉｚ and the four-backtick quiz are quizzes")
        #expect(!page.contains("language-Quiz") && !page.contains("language-ｑｕｉｚ"))
        let searchFolder = site.output.appendingPathComponent("search")
        let search = try FileManager.default.contentsOfDirectory(atPath: searchFolder.path)
            .map { try String(contentsOf: searchFolder.appendingPathComponent($0), encoding: .utf8) }.joined()
        #expect(!search.contains("[x] 正解その一") && !search.contains("[x] 正解その二"), "no answer key in search as code")

        let open = TemporarySite.page("A", "## 目的\n\n```quiz\n一つ目\n- [x] a\n- [ ] b\n\n```quiz\n二つ目\n- [x] c\n- [ ] d\n```\n")
        let swallowed = try lines(["01-intro/01-welcome.md": open], code: "K6019")
        #expect(!swallowed.result.succeeded)
        #expect(swallowed.ja == ["Content/01-intro/01-welcome.md:11:1: エラー: 確認問題の中に、次の確認問題の始まり（```quiz）があります。前の確認問題を閉じる '```' の行がないため、次の問題が前の問題の中にコードとして入り、正解が見えてしまいます — 前の確認問題の最後の行の次に、'```' だけの行を足してください [K6019]"], "\(swallowed.ja)")
    }

    /// Numbered choices, a choice with no text and an empty `answer:` are named as what they are, at their line;
    /// a lower-case `explanation:` starts the explanation instead of being an unknown option.
    @Test func testQuizChoicesNumberedOrEmpty() throws {
        let quiz = "```quiz\n番号付き\n1. [ ] a\n2. [x] b\n```\n\n```quiz\n空の選択肢\n- [x]\n- [ ] b\n- [ ]\n```\n"
            + "\n```quiz\n空の正解\nanswer:\n```\n"
            + "\n```quiz\n英語の解説\n- [x] a\n- [ ] b\n\nexplanation: because a.\n```\n"
        let body = TemporarySite.page("A", "## 目的\n\n" + quiz)
        let ordered = try lines(["01-intro/01-welcome.md": body], code: "K6016")
        #expect(!ordered.result.succeeded)
        #expect(ordered.ja == ["Content/01-intro/01-welcome.md:8:1: エラー: 選択肢が番号付きのリスト（'1. [ ] …'）で書かれているため、選択肢として読まれません — 各選択肢を '- [ ] …'（正解は '- [x] …'）で始めてください。番号は画面に表示されません [K6016]"], "\(ordered.ja)")
        let empty = try lines(["01-intro/01-welcome.md": body], code: "K6017")
        #expect(empty.ja == [
            "Content/01-intro/01-welcome.md:14:3: エラー: 選択肢 '[x]' の後ろに文がありません — '[x]' の後ろに空白と選択肢の文を書くか、この行を消してください [K6017]",
            "Content/01-intro/01-welcome.md:16:3: エラー: 選択肢 '[ ]' の後ろに文がありません — '[ ]' の後ろに空白と選択肢の文を書くか、この行を消してください [K6017]",
        ], "\(empty.ja)")
        let answer = try lines(["01-intro/01-welcome.md": body], code: "K6018")
        #expect(answer.en == ["Content/01-intro/01-welcome.md:21:1: error: 'answer:' is followed by no answer — write the accepted answers separated by '|', as in 'answer: 20業務 | 二十業務' [K6018]"], "\(answer.en)")
        // Each mistake is said once: no "nothing to answer" (K6004) or "no box" (K6008) besides.
        for code in ["K6004", "K6007", "K6008", "K6010"] {
            #expect(try lines(["01-intro/01-welcome.md": body], code: code).ja.isEmpty, "\(code)")
        }
    }

    /// mdBook and GitHub pages: the first `# heading` is the title when there is no front matter, and is not
    /// written twice when front matter gives the same title; their SUMMARY.md and book.toml are not published.
    @Test func testPagesFromOtherTools() throws {
        let site = try TemporarySite(TemporarySite.smallCourse().merging([
            "01-intro/01-welcome.md": "\n# ネットワークの**基本**\n\n## 目的\n\n本文。\n",
            "01-intro/02-roles.md": "---\ntitle: 役割\n---\n# 役割\n\n## 役割分担\n",
            "SUMMARY.md": "# Summary\n\n- [はじめに](01-intro/01-welcome.md)\n", "book.toml": "[book]\ntitle = \"x\"\n",
            "02-cloud/README.md": "# クラウド\n",
        ]) { $1 })
        defer { site.remove() }
        try site.delete("02-cloud/index.md")
        let result = try site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        let printed = site.printed(result, .ja)
        #expect(printed.contains("Content/01-intro/01-welcome.md:2:1: 警告: このページにはフロントマターがないため、最初の見出し 'ネットワークの基本' を題名にしました — ファイルの先頭を '---'、'title: ネットワークの基本'、'---' の 3 行にすると、題名や説明をはっきり書けます（最初の見出しの行は消してください） [K3009]"), "\(printed)")
        #expect(printed.contains("Content/SUMMARY.md:1:1: 警告: 'SUMMARY.md' は mdBook の設定や目次のファイルで、Kenshu は読まず、公開もしません — Kenshu はフォルダーとファイルの名前（先頭の番号）から目次を作ります。このファイルは消してかまいません [K1038]"))
        #expect(printed.contains { $0.hasPrefix("Content/book.toml:1:1: 警告: 'book.toml' は mdBook の") })
        #expect(printed.contains { $0.hasPrefix("Content/02-cloud/README.md:1:1: 警告: '02-cloud/README.md' はページとして公開しません") })
        #expect(!site.exists("SUMMARY.md") && !site.exists("book.toml") && !site.exists("SUMMARY.html"))
        #expect(try site.read("intro/welcome.html").components(separatedBy: "<h1").count == 2, "one <h1>")
        #expect(printed.contains { $0.hasPrefix("Content/01-intro/02-roles.md:4:1: 警告: 本文の最初の見出し '役割' は題名と同じです") }, "\(printed)")
        #expect(try site.read("intro/welcome.html").contains("ネットワークの基本"))
    }

    /// Hugo shortcodes, Liquid tags (Jekyll, GitBook), their page variables, kramdown attribute lists, MyST
    /// directives and Zenn embeds are warned at their place (K5038) instead of reaching the page as braces
    /// unremarked; code spans, `\{%` and `vars:` names are left alone, and a Hugo `ref` link is not told
    /// to wrap its "path with spaces" in `< >` (K5002).
    @Test func testOtherToolsTemplateSyntax_isWarnedWhereWritten() throws {
        let body = """
            {{< figure src="images/flow.svg" title="流れ" >}}

            {{% notice warning %}}
            注意。
            {{% /notice %}}

            本文 {{ site.title }} と {{ .Site.Title }}、{% include note.html %}。

            強調する段落。
            {: .alert}

            [次]({{< ref "02-roles.md" >}}) と `{% raw %}` と \\{% escaped %} と {{自治体名}}

            ```{note}
            MyST
            ```

            動画 @[youtube](https://www.youtube.com/watch?v=abc) と @[card](https://example.jp/)

            予算は{%}増、{% の後に閉じない、{{ a.b と {: 閉じない

            ## 目的

            """
        let (ja, en, result) = try lines([
            "site.yml": "id: t\ntitle: テスト\nvars:\n  自治体名: 架空町\n",
            "01-intro/01-welcome.md": TemporarySite.page("A", body),
        ], code: "K5038")
        #expect(result.succeeded, "\(result.diagnostics)")
        let places = ja.map { $0.components(separatedBy: ": 警告: ").first ?? "" }
        let expected = zip([4, 6, 8, 10, 10, 10, 13, 15, 17, 21, 21], [1, 1, 1, 4, 23, 41, 1, 5, 1, 4, 54])
            .map { "Content/01-intro/01-welcome.md:\($0):\($1)" }
        #expect(places == expected)
        #expect(ja.first == "Content/01-intro/01-welcome.md:4:1: 警告: '{{< figure src=\"images/flow.svg\" title=\"…' は Hugo の書き方で、Kenshu では働かず、文字のまま表示されます — Kenshu の書き方に直すか、消してください。画像は '![説明](images/図.png)'、囲みは '> [!NOTE]' で始まる引用、ほかのページの取り込みや埋め込みはそのページへのリンク、文字の飾りは '**太字**' です [K5038]")
        #expect(ja.contains { $0.contains("'{: .alert}' は kramdown (Jekyll) の書き方") })
        #expect(ja.contains { $0.contains("'```{note}' は MyST (Sphinx) の書き方") })
        #expect(ja.contains { $0.contains("'@[card](…)' は Zenn の書き方") })
        #expect(en.first?.hasSuffix("is written for Hugo: Kenshu does not read it, and it is shown as text — write it the Kenshu way or remove it: an image is '![description](images/figure.png)', a callout a quote starting '> [!NOTE]', an included or embedded page a link to it, emphasis '**bold**' [K5038]") == true)
        let spaced = try lines(["01-intro/01-welcome.md": TemporarySite.page("A", body)], code: "K5002")
        #expect(spaced.ja.isEmpty, "\(spaced.ja)")
    }

    /// Front matter without its closing `---` (a save caught half-written, too) is one error at line 1: the file
    /// read as body would also say "no title", "second <h1>" for a YAML comment and "unused image".
    @Test func testUnclosedFrontMatter_isTheOnlyProblemOfItsPage() throws {
        let changes: [String: String?] = [
            "01-intro/01-welcome.md": "---\n# 入門のページ\ntitle: ようこそ\n\n本文 ![図](図.png)\n\n## 目的\n",
            "01-intro/図.png": "PNG",
        ]
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        for (path, text) in changes { if let text { try site.write(path, text) } }
        let result = try site.build()
        #expect(!result.succeeded)
        let ja = site.printed(result, .ja).filter { $0.hasPrefix("Content/01-intro/") }
        #expect(ja == ["Content/01-intro/01-welcome.md:1:1: エラー: フロントマターが閉じられていません — フロントマターの最後の行の後に、'---' だけの行を入れてください [K1004]"], "\(ja)")
    }

    /// `<!-- メモ` left open inside a paragraph is no comment: the note is published as text, warned at the `<`
    /// (K5039); `\<!--`, `&lt;!--` and a code span show those characters on purpose and are left alone.
    @Test func testUnclosedCommentInAParagraph_isWarned() throws {
        let body = "本文の途中 <!-- メモ：後で直す\n\n次 `<!-- code` と &lt;!-- 文字 と \\<!-- 印\n\n> 引用 **強調** の中 <!-- 閉じない\n\n閉じた <!-- 内部 --> メモ\n\n## 目的\n"
        let (ja, en, result) = try lines(["01-intro/01-welcome.md": TemporarySite.page("A", body)], code: "K5039")
        #expect(result.succeeded)
        #expect(ja == [
            "Content/01-intro/01-welcome.md:4:7: 警告: HTML コメント '<!--' が同じ段落の中で閉じられていないため、コメントにならず、中のメモも文字のまま表示されます — メモの終わりに '-->' を書いてください（コメントは段落をまたげません。空行の前で閉じます） [K5039]",
            "Content/01-intro/01-welcome.md:8:16: 警告: HTML コメント '<!--' が同じ段落の中で閉じられていないため、コメントにならず、中のメモも文字のまま表示されます — メモの終わりに '-->' を書いてください（コメントは段落をまたげません。空行の前で閉じます） [K5039]",
        ], "\(ja)")
        #expect(en.count == 2)
    }

    /// Diagrams and formulas other tools draw with a script from the internet (mermaid, PlantUML, `$$`) are shown
    /// as written here: a warning at each says so and how to show them (K5040); other code is left alone.
    @Test func testDiagramsAndFormulas_areWarnedAsNotDrawn() throws {
        let body = "```mermaid\ngraph TD; A-->B\n```\n\n```PlantUML\n@startuml\n@enduml\n```\n\n$$\nE = mc^2\n$$\n\n費用は $100 と $200 です。\n\n```swift\nlet x = 1\n```\n\n## 目的\n"
        let (ja, en, result) = try lines(["01-intro/01-welcome.md": TemporarySite.page("A", body)], code: "K5040")
        #expect(result.succeeded)
        #expect(ja.map { $0.components(separatedBy: ": 警告: ").first ?? "" } == [
            "Content/01-intro/01-welcome.md:4:1", "Content/01-intro/01-welcome.md:8:1", "Content/01-intro/01-welcome.md:13:1",
        ], "\(ja)")
        #expect(ja.first == "Content/01-intro/01-welcome.md:4:1: 警告: '```mermaid' の図や数式は、Kenshu では描かれず、書いた文字のまま表示されます（ほかのツールはインターネットから読み込む仕組みで描きます） — 図はツールで SVG か PNG に書き出して教材のフォルダーに入れ、'![図の説明](images/図.svg)' で載せてください。数式は画像にするか、文で書いてください [K5040]")
        #expect(en.last?.contains("the diagram or formula '$$' is not drawn") == true)
    }

    /// Sections written `# 節` (GitHub, pandoc from Word) become second `<h1>`s beside the theme's title: one
    /// warning per page at the first, counting them; the heading that repeats the title is K3010's alone.
    @Test func testBodyTopLevelHeadings_warnedOncePerPage() throws {
        let (ja, en, result) = try lines([
            "01-intro/01-welcome.md": "---\ntitle: ようこそ\n---\n# ようこそ\n\n# 目的\n\n本文。\n\n## 細目\n\n# 手順\n",
            "01-intro/02-roles.md": "# 役割\n\n## 役割分担\n",
            "02-cloud/01-basics.md": TemporarySite.page("基礎", "## 節\n\n### 小節\n"),
        ], code: "K3011")
        #expect(result.succeeded)
        // A front matter in error (a full-width colon) leaves the title unknown: its repeated heading is not warned.
        let unknownTitle = try lines(["01-intro/02-roles.md": "---\ntitle：役割\n---\n# 役割\n\n## 役割分担\n"], code: "K3011")
        #expect(unknownTitle.ja.isEmpty, "\(unknownTitle.ja)")
        #expect(ja == ["Content/01-intro/01-welcome.md:6:1: 警告: 本文の大見出し '目的' は、ページの題名と同じ最上位の見出し（h1）になります（このページに 2 個）。読み上げソフトの見出しの一覧で、ページの題名と節が同じ段に並びます — 本文の見出しは '## ' から始めてください（本文のすべての見出しに '#' を 1 つずつ足すと、上下の関係はそのままです） [K3011]"], "\(ja)")
        #expect(en.first?.hasPrefix("Content/01-intro/01-welcome.md:6:1: warning: the body's heading '目的' becomes a top-level heading (h1)") == true)
    }

    /// The heading a page is titled by keeps its id (on the theme's `<h1>`, and in print.html) and has its
    /// `{{変数}}` filled; an unknown variable in it is located in the heading's line.
    @Test func testTitleHeadingKeepsItsIDAndFillsVariables() throws {
        let site = try TemporarySite(TemporarySite.smallCourse().merging([
            "site.yml": "id: t\ntitle: テスト\nvars:\n  自治体名: 架空町\n",
            "01-intro/01-welcome.md": "# {{自治体名}}の標準化\n\n[上へ](#架空町の標準化)\n\n# 架空町の標準化\n\n## 目的\n",
            "01-intro/02-roles.md": "---\ntitle: 役割\n---\n[戻る](01-welcome.md#架空町の標準化)\n",
            "01-intro/03-own.md": "# 概要 {#overview}\n\n[上へ](#overview)\n",
        ]) { $1 })
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        let page = try site.read("intro/welcome.html")
        #expect(page.contains("<title>架空町の標準化 | テスト</title>"), "variables filled in the title")
        #expect(page.contains("<h1 id=\"架空町の標準化\">架空町の標準化</h1>"))
        #expect(page.contains("id=\"架空町の標準化-1\""), "a body heading with the same text is numbered after the title's id")
        #expect(try site.read("intro/own.html").contains("<h1 id=\"overview\">概要</h1>"))
        let print = try site.read("print.html")
        let anchor = try #require(print.range(of: "-架空町の標準化\">架空町の標準化</span>"))
        #expect(print[..<anchor.lowerBound].hasSuffix("<span id=\"print-2"), "the title's id, prefixed as print.html prefixes the page's ids")
        #expect(print.contains("href=\"#print-2-%E6%9E%B6%E7%A9%BA%E7%94%BA%E3%81%AE%E6%A8%99%E6%BA%96%E5%8C%96\""), "the link above leads there")

        // A code span keeps what was written, and `\{{` keeps the braces, as in the body.
        try site.write("01-intro/03-own.md", "# `{{名前}}` の書き方 \\{{自治体名}}\n")
        let escaped = try site.build()
        #expect(escaped.succeeded, "\(site.messages(escaped))")
        #expect(try site.read("intro/own.html").contains("<title>{{名前}} の書き方 {{自治体名}} | テスト</title>"))
        try site.write("01-intro/03-own.md", "\n# {{自治休名}}とは\n")
        let unknown = site.printed(try site.build(), .ja).filter { $0.contains("[K5020]") }
        #expect(unknown == ["Content/01-intro/03-own.md:2:3: エラー: 変数 '自治休名' は site.yml の 'vars:' にありません — '{{自治体名}}' のことですか？ [K5020]"], "\(unknown)")
    }

    /// Material from Docusaurus, Obsidian, VuePress, pandoc and Windows, each told what it is with a fix that works.
    @Test func testMaterialFromOtherTools_secondRound() throws {
        // Another tool's front-matter key is never guessed to be one of Kenshu's (`id` is not a slip for `kind`).
        let keys = try lines(["01-intro/01-welcome.md": "---\ntitle: ようこそ\nid: intro\nsidebar_position: 1\n---\n本文\n"], code: "K2010")
        #expect(keys.ja.count == 2 && keys.ja.allSatisfy { $0.contains("他のツール（Docusaurus・Hugo・Jekyll・Obsidian など）のキーで") }, "\(keys.ja)")
        #expect(!keys.ja.joined().contains("のことですか"))
        // Each unnumbered file is offered its own next number: following both suggestions gives no duplicate.
        let numbers = try lines(["01-intro/extra.md": TemporarySite.page("追加"), "01-intro/more.md": TemporarySite.page("もう一つ")], code: "K1010")
        #expect(numbers.ja.map { $0.components(separatedBy: "（例：").last ?? "" } == ["'03-extra.md'） [K1010]", "'04-more.md'） [K1010]"], "\(numbers.ja)")
        // A page linked without its `.md`, and a Windows path with a space.
        let bare = try lines(["01-intro/02-roles.md": TemporarySite.page("役割", "## 役割分担\n\n[前](01-welcome#目的)\n")], code: "K5006")
        #expect(bare.ja.first?.contains("'01-welcome.md#目的' のことですか？") == true, "\(bare.ja)")
        let windows = try lines(["01-intro/02-roles.md": TemporarySite.page("役割", "## 役割分担\n\n[前](..\\01-intro\\01 welcome.md)\n")], code: "K5002")
        #expect(windows.ja.first?.contains("'<../01-intro/01 welcome.md>' のように") == true, "\(windows.ja)")
        // VuePress writes a blank after the colons.
        let vuepress = try lines(["01-intro/02-roles.md": TemporarySite.page("役割", "## 役割分担\n\n::: tip 便利\n本文\n:::\n")], code: "K5032")
        #expect(vuepress.ja.first?.contains("':::tip' は Zenn・Qiita・Docusaurus・VuePress などの囲み") == true, "\(vuepress.ja)")
        // Obsidian and wiki links: each told with the Markdown link to write; code spans, indented code and [[_TOC_]] are not links.
        let wiki = try lines(["01-intro/02-roles.md": TemporarySite.page("役割", """
            ## 役割分担

            [[01-welcome|前のページ]] と [[01-welcome#目的]] と ![[images/図1.png|300]] と [[窓口>https://example.jp/]]

            `[[コード]]` と [[_TOC_]]

                [[字下げ]]
            """)], code: "K5035")
        #expect(wiki.ja.map { $0.components(separatedBy: "書いてください：").last?.components(separatedBy: "（").first ?? "" } == [
            "'[前のページ](01-welcome.md)'", "'[01-welcome 目的](01-welcome.md#目的)'", "'![図1](images/図1.png)'", "'[窓口](https://example.jp/)'",
        ], "\(wiki.ja)")
        #expect(wiki.ja.first?.hasPrefix("Content/01-intro/02-roles.md:6:1: 警告: '[[01-welcome|前のページ]]' は Obsidian や Wiki のリンクの書き方で") == true)
        // An MDX file is neither read nor published (it was a raw download), and told how to make it a page.
        let mdx = try lines(["01-intro/03-tabs.mdx": "import Tabs from '@theme/Tabs';\n# タブ\n"], code: "K1043")
        #expect(mdx.ja == ["Content/01-intro/03-tabs.mdx:1:1: 警告: '03-tabs.mdx' は Docusaurus などの MDX のファイルで、Kenshu は読まず、公開もしません — 名前を '03-tabs.md' に変えてください。import の行や <Tabs> などの部品は文字のまま表示されるので、Markdown に書き換えます [K1043]"], "\(mdx.ja)")
        // `.markdown` (another editor's name for Markdown) was published as a raw text file: told to be renamed.
        let other = try lines(["01-intro/12-madoguchi.markdown": "---\ntitle: 窓口\n---\n本文\n"], code: "K1054")
        #expect(other.ja == ["Content/01-intro/12-madoguchi.markdown:1:1: 警告: '12-madoguchi.markdown' は Markdown のファイルですが、名前が '.md' で終わらないので、ページにしません（公開もしません） — 名前を '12-madoguchi.md' に変えてください [K1054]"], "\(other.ja)")
        #expect(!other.result.diagnostics.contains { $0.code == "K1041" }, "\(other.result.diagnostics)")
        // Linked as a download, it is told to be renamed, not to be put beside the lesson where it already is.
        let linked = try lines([
            "01-intro/sample.markdown": "# 見本\n", "01-intro/01-welcome.md": TemporarySite.page("A", "[見本](sample.markdown)\n\n## 目的\n"),
        ], code: "K5006")
        #expect(linked.ja == ["Content/01-intro/01-welcome.md:4:1: エラー: リンク 'sample.markdown' の先のファイルがありません — Markdown のファイルは名前が '.md' で終わらないと公開しません（K1054）。ファイルの名前を変えて、リンクを 'sample.md' にしてください [K5006]"], "\(linked.ja)")
        // Redmine's table-of-contents marker is not an unknown variable.
        let toc = try lines(["01-intro/02-roles.md": TemporarySite.page("役割", "## 役割分担\n\n{{toc}}\n")], code: "K5031")
        #expect(toc.ja.count == 1 && toc.result.succeeded, "\(toc.result.diagnostics)")
        // pandoc leaves every image from Word without words: told at each, in Markdown and in HTML; alt="" is on purpose.
        let images = try lines([
            "01-intro/02-roles.md": TemporarySite.page("役割", "## 役割分担\n\n![](images/図1.png)\n\n<img src=\"images/図1.png\">\n\n<img src=\"images/図1.png\" alt=\"\">\n"),
        ], code: "K5034")
        #expect(images.ja.map { $0.components(separatedBy: ": 警告").first ?? "" } == ["Content/01-intro/02-roles.md:6:1", "Content/01-intro/02-roles.md:8:1"], "\(images.ja)")
        // pandoc's column widths: the table is a table; only the style attribute is dropped (and said).
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try site.write("01-intro/02-roles.md", TemporarySite.page("役割", """
            ## 役割分担

            <table>
            <colgroup>
            <col style="width: 50%" />
            </colgroup>
            <tbody><tr><td>項目</td></tr></tbody>
            </table>

            """))
        let built = try site.build()
        #expect(built.diagnostics.map(\.code).filter { $0 == "K5013" }.isEmpty, "\(built.diagnostics)")
        #expect(try site.read("intro/roles.html").contains("<colgroup>\n<col />"))
    }

    @Test func testTabInYAML() throws {
        let (ja, en, _) = try lines(["site.yml": "id: t\ntitle: テスト\noptions:\n\traw_html: true\n"], code: "K2012")
        #expect(ja == ["Content/site.yml:4:1: エラー: ここにタブ文字があります。YAML の字下げには空白しか使えません — タブを半角の空白（1 段につき 2 つ）に置き換えてください [K2012]"])
        #expect(en == ["Content/site.yml:4:1: error: a tab is used here; YAML allows only spaces for indentation — replace the tab with spaces (two per level) [K2012]"])
    }

    @Test func testFullWidthQuizBoxes() throws {
        let quiz = "```quiz\n問題文\n- ［ ］ ちがう\n- [ｘ] 正しい\n```\n"
        let (ja, en, result) = try lines(["01-intro/01-welcome.md": TemporarySite.page("A", quiz)], code: "K6012")
        #expect(!result.succeeded)
        #expect(ja == [
            "Content/01-intro/01-welcome.md:6:3: エラー: '［ ］' が全角の文字で書かれているため、選択肢の印として読めません — 半角で '[ ]' か '[x]' と書いてください [K6012]",
            "Content/01-intro/01-welcome.md:7:3: エラー: '[ｘ]' が全角の文字で書かれているため、選択肢の印として読めません — 半角で '[ ]' か '[x]' と書いてください [K6012]",
        ])
        #expect(en.first == "Content/01-intro/01-welcome.md:6:3: error: '［ ］' is written with full-width characters, so it is not read as a choice box — write the box with half-width characters: '[ ]' or '[x]' [K6012]")
        // One slip, one message: not also "a choice without a box" (K6008) and "no right choice" (K6010).
        let once = try lines(["01-intro/01-welcome.md": TemporarySite.page("A", "```quiz\n問題文\n- [ ] ちがう\n- ［x］ 正しい\n```\n")], code: "K60")
        #expect(once.result.diagnostics.map(\.code).filter { $0.hasPrefix("K6") } == ["K6012"], "\(once.result.diagnostics)")
    }

    @Test func testLookAlikeListMarkers() throws {
        let quiz = "```quiz\n問題文\n－ [ ] ちがう\nー [x] 正しい\n```\n"
        let (ja, en, _) = try lines(["01-intro/01-welcome.md": TemporarySite.page("A", quiz)], code: "K6013")
        #expect(ja == [
            "Content/01-intro/01-welcome.md:6:1: エラー: 行頭の '－' はリストの印ではないため、選択肢になりません — 選択肢は半角の '-' と空白で始めてください：'- [ ] …' [K6013]",
            "Content/01-intro/01-welcome.md:7:1: エラー: 行頭の 'ー' はリストの印ではないため、選択肢になりません — 選択肢は半角の '-' と空白で始めてください：'- [ ] …' [K6013]",
        ])
        #expect(en.first == "Content/01-intro/01-welcome.md:6:1: error: '－' at the start of the line is not a list marker, so this is not a choice — start each choice with a half-width '-' and a space: '- [ ] …' [K6013]")
    }

    @Test func testSpaceInALinkTarget() throws {
        let (ja, en, _) = try lines(["01-intro/01-welcome.md": TemporarySite.page("A", "資料は[こちら](02-標的型 メール.md)です。\n")], code: "K5002")
        #expect(ja == ["Content/01-intro/01-welcome.md:4:10: 警告: リンク先 '02-標的型 メール.md' に空白が入っているため、リンクにならず文字のまま表示されます — '<02-標的型 メール.md>' のように < > で囲むか、空白を %20 に置き換えてください [K5002]"])
        #expect(en == ["Content/01-intro/01-welcome.md:4:10: warning: the link target '02-標的型 メール.md' contains a space, so the link is shown as text — write '<02-標的型 メール.md>' or replace each space with %20 [K5002]"])
    }

    @Test func testFullWidthLinkBrackets() throws {
        let body = """
        資料は[こちら]（02-next.md）です。
        ［一覧］(../index.md) と ［節］（#節） と [外](https://example.jp/a）。
        ［注］（2024年）、`[コード]（a.md）` と「（参考）」はリンクではありません。

        """
        let (ja, en, _) = try lines(["01-intro/01-welcome.md": TemporarySite.page("A", body)], code: "K5021")
        #expect(ja == [
            "Content/01-intro/01-welcome.md:4:4: 警告: '[こちら]（02-next.md）' は括弧が全角のため、リンクにならず文字のまま表示されます — [ ] と ( ) を半角にして '[こちら](02-next.md)' と書いてください [K5021]",
            "Content/01-intro/01-welcome.md:5:1: 警告: '［一覧］(../index.md)' は括弧が全角のため、リンクにならず文字のまま表示されます — [ ] と ( ) を半角にして '[一覧](../index.md)' と書いてください [K5021]",
            "Content/01-intro/01-welcome.md:5:21: 警告: '［節］（#節）' は括弧が全角のため、リンクにならず文字のまま表示されます — [ ] と ( ) を半角にして '[節](#節)' と書いてください [K5021]",
            "Content/01-intro/01-welcome.md:5:31: 警告: '[外](https://example.jp/a）' は括弧が全角のため、リンクにならず文字のまま表示されます — [ ] と ( ) を半角にして '[外](https://example.jp/a)' と書いてください [K5021]",
        ], "\(ja)")
        #expect(en.first == "Content/01-intro/01-welcome.md:4:4: warning: '[こちら]（02-next.md）' is written with a full-width bracket, so it is shown as text, not as a link — write the brackets half-width: '[こちら](02-next.md)' [K5021]")
    }

    /// A file whose name holds '#' is linked as it is named: the message gives the '%23' spelling, which works.
    @Test func testHashInALinkedFileName() throws {
        let changes: [String: String?] = [
            "01-intro/03-C#入門.md": TemporarySite.page("C#"),
            "01-intro/01-welcome.md": TemporarySite.page("A", "## 目的\n\n[C#](03-C#入門.md) と [節](03-C#入門.md#目的)\n"),
        ]
        let (ja, _, result) = try lines(changes, code: "K5005")
        #expect(!result.succeeded)
        #expect(ja == [
            "Content/01-intro/01-welcome.md:6:1: エラー: リンク '03-C#入門.md' の先のページがありません — ファイル名の '#' はリンクでは見出しへの印になるため、'%23' と書いてください：'03-C%23入門.md' [K5005]",
            "Content/01-intro/01-welcome.md:6:20: エラー: リンク '03-C#入門.md#目的' の先のページがありません — ファイル名の '#' はリンクでは見出しへの印になるため、'%23' と書いてください：'03-C%23入門.md#目的' [K5005]",
        ], "\(ja)")
        let fixed = try lines(["01-intro/03-C#入門.md": TemporarySite.page("C#"),
                               "01-intro/01-welcome.md": TemporarySite.page("A", "## 目的\n\n[C#](03-C%23入門.md)\n")], code: "K5005")
        #expect(fixed.result.succeeded && fixed.ja.isEmpty, "\(fixed.result.diagnostics)")
    }

    /// The glossary, the print view and the progress page are pages of the built site (the header links them), but a
    /// lesson's link to one was "no such file — put the file beside the lesson". A link to glossary.yml is offered the
    /// glossary page, and a typo the nearest of them.
    @Test func testLinksToThePagesTheBuildMakes_areAccepted() throws {
        let glossary = "- term: 標準化\n  reading: ひょうじゅんか\n  definition: 仕様をそろえること\n"
        let links = "[用語集](../glossary.html#標準化)、[行](../glossary.html#gojuon-は)、[印刷](../print.html)、[進捗](../progress.html)\n\n標準化の話です。\n"
        let (_, _, result) = try lines(["glossary.yml": glossary, "02-cloud/01-basics.md": TemporarySite.page("基礎", links)], code: "K5006")
        #expect(result.succeeded, "\(result.diagnostics)")

        let (ja, _, _) = try lines(
            ["glossary.yml": glossary, "02-cloud/01-basics.md": TemporarySite.page("基礎", "[用語](../glossary.yml)、[誤](../glosary.html)\n")],
            code: "K5006")
        #expect(ja == ["Content/02-cloud/01-basics.md:4:1: エラー: リンク '../glossary.yml' の先のファイルがありません — '../glossary.html' のことですか？ [K5006]",
                       "Content/02-cloud/01-basics.md:4:23: エラー: リンク '../glosary.html' の先のファイルがありません — '../glossary.html' のことですか？ [K5006]"], "\(ja)")
        // A term's entry is checked here, so the preview tells a wrong one too (the built pages' check did alone).
        let entry = try lines(
            ["glossary.yml": glossary, "02-cloud/01-basics.md": TemporarySite.page("基礎", "[用語](../glossary.html#標準)\n\n標準化の話。\n")],
            code: "K5009")
        #expect(entry.ja == ["Content/02-cloud/01-basics.md:4:1: エラー: リンク '../glossary.html#標準'：'glossary.html' に ID '標準' の見出しがありません — '#標準化' のことですか？ [K5009]"], "\(entry.ja)")
        // Without glossary.yml there is no glossary page.
        let none = try lines(["02-cloud/01-basics.md": TemporarySite.page("基礎", "[用語集](../glossary.html)\n")], code: "K5006")
        #expect(none.ja.count == 1 && !none.result.succeeded, "\(none.ja)")
    }

    /// A lesson renamed under its number (`02-roles.md` → `02-yakuwari.md`) is offered by that number, however
    /// far the new name is spelled from the old.
    @Test func testLinkToARenamedLesson_offersTheLessonWithItsNumber() throws {
        let (ja, _, result) = try lines([
            "01-intro/02-roles.md": nil,
            "01-intro/02-yakuwari.md": TemporarySite.page("役割", "## 役割分担\n"),
            "02-cloud/01-basics.md": TemporarySite.page("基礎", "[役割](../01-intro/02-roles.md#役割分担)\n"),
        ], code: "K5005")
        #expect(!result.succeeded)
        #expect(ja.contains("Content/02-cloud/01-basics.md:4:1: エラー: リンク '../01-intro/02-roles.md#役割分担' の先のページがありません — '../01-intro/02-yakuwari.md#役割分担' のことですか？ [K5005]"), "\(ja)")
        // A lesson inserted before it renumbers it: its own name, under the new number, is offered, not the newcomer.
        let renumbered = try lines([
            "01-intro/02-roles.md": nil,
            "01-intro/02-atarashii.md": TemporarySite.page("新しい", "本文\n"),
            "01-intro/03-roles.md": TemporarySite.page("役割", "## 役割分担\n"),
            "02-cloud/01-basics.md": TemporarySite.page("基礎", "[役割](../01-intro/02-roles.md)\n"),
        ], code: "K5005")
        // GitHub's README.md of a folder is its index.md here.
        let readme = try lines(["02-cloud/01-basics.md": TemporarySite.page("基礎", "[一覧](../01-intro/README.md)\n")], code: "K5005")
        #expect(readme.ja == ["Content/02-cloud/01-basics.md:4:1: エラー: リンク '../01-intro/README.md' の先のページがありません — '../01-intro/index.md' のことですか？ [K5005]"], "\(readme.ja)")
        #expect(renumbered.ja.contains("Content/02-cloud/01-basics.md:4:1: エラー: リンク '../01-intro/02-roles.md' の先のページがありません — '../01-intro/03-roles.md' のことですか？ [K5005]"), "\(renumbered.ja)")
        // A module's folder without its final `/` was told to put a file beside the lesson.
        let folder = try lines(["02-cloud/01-basics.md": TemporarySite.page("基礎", "[はじめに](../01-intro#目的)\n")], code: "K5006")
        #expect(folder.ja == ["Content/02-cloud/01-basics.md:4:1: エラー: リンク '../01-intro#目的' の先のファイルがありません — '../01-intro/#目的' のことですか？ [K5006]"], "\(folder.ja)")
        // `..` from a module's page is the content folder, whose page is the home page: it was K5003, "outside the
        // content folder"; `../..` still is.
        let home = try lines(["02-cloud/index.md": TemporarySite.page("クラウド", "[ホーム](..)、[外](../..)\n")], code: "K5006")
        #expect(home.ja == ["Content/02-cloud/index.md:4:1: エラー: リンク '..' の先のファイルがありません — '../' のことですか？ [K5006]"], "\(home.ja)")
        let outside = try lines(["02-cloud/index.md": TemporarySite.page("クラウド", "[ホーム](..)、[外](../..)\n")], code: "K5003")
        #expect(outside.ja.count == 1 && outside.ja[0].contains("リンク '../..' は教材フォルダーの外"), "\(outside.ja)")
    }

    /// A link to a Markdown file that exists but is no page (K1005) says where to move it; it used to guess
    /// another page ("'../index.md' のことですか？"), and following that linked the wrong page.
    @Test func testLinkToAnUnpublishedMarkdownFile_saysWhyAndWhereToMoveIt() throws {
        let (ja, en, result) = try lines([
            "draft.md": TemporarySite.page("下書き"),
            "01-intro/notes/memo.md": TemporarySite.page("メモ"),
            "01-intro/01-welcome.md": TemporarySite.page("A", "[下書き](../draft.md) と [メモ](notes/memo.md)\n"),
        ], code: "K5005")
        #expect(!result.succeeded)
        #expect(ja == [
            "Content/01-intro/01-welcome.md:4:1: エラー: リンク '../draft.md' の先のページがありません — 'draft.md' はモジュールのフォルダーの中にないため、ページとして公開されません（K1005）。レッスンにするなら '01-intro/' のようなモジュールのフォルダーに移して、リンクを直してください [K5005]",
            "Content/01-intro/01-welcome.md:4:22: エラー: リンク 'notes/memo.md' の先のページがありません — '01-intro/notes/memo.md' はモジュールのフォルダーの直下にないため、ページとして公開されません（K1005）。レッスンにするなら '01-intro/' に移して、リンクを直してください [K5005]",
        ], "\(ja)")
        #expect(en.last == "Content/01-intro/01-welcome.md:4:22: error: link 'notes/memo.md' points to a page that does not exist — '01-intro/notes/memo.md' is not directly in a module folder, so it is not published as a page (K1005): to make it a lesson, move it up to '01-intro/' and fix the link [K5005]")
    }

    @Test func testLinkToAPagesBuiltName_isAcceptedAndRewritten() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try site.write("02-cloud/01-basics.md", TemporarySite.page("基礎", "[役割](../intro/roles.html#役割分担) と [方式](models.html)\n"))
        let result = try site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        let html = try site.read("cloud/basics.html")
        #expect(html.contains("href=\"../intro/roles.html#%E5%BD%B9%E5%89%B2%E5%88%86%E6%8B%85\""))
        #expect(html.contains("href=\"models.html\""))
    }

    @Test func testUnknownQuizOption() throws {
        let quiz = "```quiz\n問題文\nshufle\n- [ ] ちがう\n- [x] 正しい\n```\n"
        let (ja, en, result) = try lines(["01-intro/01-welcome.md": TemporarySite.page("A", quiz)], code: "K6007")
        #expect(!result.succeeded)
        #expect(ja == ["Content/01-intro/01-welcome.md:6:1: エラー: 問題のオプション 'shufle' は知らないオプションです — 'shuffle' のことですか？ [K6007]"])
        #expect(en == ["Content/01-intro/01-welcome.md:6:1: error: unknown quiz option 'shufle' — did you mean 'shuffle'? [K6007]"])
    }

    @Test func testTestPageWithoutQuestions_andWithoutPassMark() throws {
        let (ja, en, result) = try lines(["01-intro/03-test.md": "---\ntitle: テスト\nkind: test\n---\n説明だけ\n"], code: "K3007")
        #expect(!result.succeeded)
        #expect(ja == ["Content/01-intro/03-test.md:1:1: エラー: このモジュールテストには問題がないため、採点できません — ```quiz の問題を足すか、'kind: test' を消してください [K3007]"])
        #expect(en == ["Content/01-intro/03-test.md:1:1: error: this module test has no questions, so there is nothing to grade — add ```quiz blocks, or remove 'kind: test' [K3007]"])
        let passMark = try lines(["01-intro/03-test.md": "---\ntitle: テスト\nkind: test\n---\n説明だけ\n"], code: "K3006")
        #expect(passMark.ja == ["Content/01-intro/03-test.md:1:1: 警告: このモジュールテストには 'pass_mark' がないため、合格点を 80（%）とします — 'pass_mark: 80'（合格に必要な正答率 %）の行を足してください [K3006]"])
    }

    @Test func testUnnumberedAndDuplicateNumberedLessons() throws {
        let unnumbered = try lines(["01-intro/extra.md": TemporarySite.page("追加")], code: "K1010")
        #expect(unnumbered.ja == ["Content/01-intro/extra.md:1:1: 警告: 'extra.md' に順番の番号がないため、番号付きのレッスンの後に並びます — 先頭に番号を付けた名前にしてください（例：'03-extra.md'） [K1010]"])
        #expect(unnumbered.en == ["Content/01-intro/extra.md:1:1: warning: 'extra.md' has no order number, so it comes after the numbered lessons — rename it with a number first, for example '03-extra.md' [K1010]"])
        // An order number typed full-width or with another separator is read for what it meant.
        let slips = try lines([
            "01-intro/０３-概要.md": TemporarySite.page("概要"), "01-intro/04 補足.md": TemporarySite.page("補足"),
            "01-intro/5.まとめ.md": TemporarySite.page("まとめ"), "01-intro/2024年度.md": TemporarySite.page("年度"),
        ], code: "K1037")
        #expect(slips.ja.sorted() == [
            "Content/01-intro/04 補足.md:1:1: 警告: '04 補足.md' の先頭の番号は、全角の数字か '-' 以外の区切りで書かれているため、順番の番号として読めません。番号付きのものの後に並び、URL にも番号が残ります — '04-補足.md' に名前を変えてください（半角の数字と '-'） [K1037]",
            "Content/01-intro/5.まとめ.md:1:1: 警告: '5.まとめ.md' の先頭の番号は、全角の数字か '-' 以外の区切りで書かれているため、順番の番号として読めません。番号付きのものの後に並び、URL にも番号が残ります — '05-まとめ.md' に名前を変えてください（半角の数字と '-'） [K1037]",
            "Content/01-intro/０３-概要.md:1:1: 警告: '０３-概要.md' の先頭の番号は、全角の数字か '-' 以外の区切りで書かれているため、順番の番号として読めません。番号付きのものの後に並び、URL にも番号が残ります — '03-概要.md' に名前を変えてください（半角の数字と '-'） [K1037]",
        ], "\(slips.ja)")
        #expect(try lines(["01-intro/2024年度.md": TemporarySite.page("年度")], code: "K1010").ja.count == 1)
        for name in ["01.md", "5 つの原則.md", "10 の心得.md", "2024年度.md", "extra.md"] {
            #expect(OrderNumberSlips.intendedName(name) == nil, "\(name)")
        }
        let duplicate = try lines(["01-intro/02-more.md": TemporarySite.page("もう一つ")], code: "K1011")
        #expect(duplicate.ja == ["Content/01-intro/02-roles.md:1:1: 警告: '02-roles.md' と '02-more.md' の順番の番号が同じです — 順番がはっきりするよう、どちらかの番号を変えてください [K1011]"])
        #expect(duplicate.en == ["Content/01-intro/02-roles.md:1:1: warning: '02-roles.md' and '02-more.md' have the same order number — renumber one of them so the order is clear [K1011]"])
    }

    @Test func testNamesDifferingOnlyInCase() throws {
        let (ja, en, _) = try lines(["01-intro/images/図1.PNG": "PNG"], code: "K1012")
        #expect(ja == ["Content/01-intro/images/図1.png:1:1: 警告: '01-intro/images/図1.png' と '01-intro/images/図1.PNG' は大文字・小文字だけが違います。Windows のファイル共有では同じ名前になり、壊れます — どちらかの名前を変えてください [K1012]"])
        #expect(en == ["Content/01-intro/images/図1.png:1:1: warning: '01-intro/images/図1.png' and '01-intro/images/図1.PNG' differ only in upper and lower case, which breaks on Windows file shares — rename one of them [K1012]"])
    }

    @Test func testDateThatDoesNotExist() throws {
        let (ja, en, _) = try lines(["01-intro/01-welcome.md": "---\ntitle: A\nupdated: 2026-02-31\n---\n"], code: "K2008")
        #expect(ja == ["Content/01-intro/01-welcome.md:3:10: エラー: 'updated'：2026-02-31 という日はありません — 月と日を確かめてください [K2008]"])
        #expect(en == ["Content/01-intro/01-welcome.md:3:10: error: 'updated': 2026-02-31 is not a day of the calendar — check the month and the day [K2008]"])
    }

    @Test func testMissingSiteYAMLHomeAndID() throws {
        let site = try lines(["site.yml": nil], code: "K1007")
        #expect(site.ja == ["Content/site.yml:1:1: 警告: site.yml がないため、コースの題名と ID がありません — 'title:' と 'id:' を書いた site.yml を置いてください（'kenshu new' が作ります） [K1007]"])
        #expect(site.en == ["Content/site.yml:1:1: warning: the course has no site.yml, so it has no title or id — add site.yml with 'title:' and 'id:' ('kenshu new' writes one) [K1007]"])
        let home = try lines(["index.md": nil], code: "K1008")
        #expect(home.en == ["Content/index.md:1:1: warning: the course has no index.md, so its home page only lists the modules — add index.md with a 'title' and a welcome text [K1008]"])
        let id = try lines(["site.yml": "title: テスト研修\n"], code: "K1009")
        let expectedID = SiteConfig.parse("title: テスト研修\n", path: "").0.storageID
        #expect(id.ja == ["Content/site.yml:1:1: 警告: site.yml に 'id' がないため、このコースの別のコピーと学習の記録が混ざります — 'id: \(expectedID)' の行を足してください（コースに固有の文字列。一度決めたら変えない） [K1009]"])
    }

    @Test func testShiftJISFiles_areLocatedErrors() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        let sjis = try #require("id: t\ntitle: 研修\n".data(using: .shiftJIS))
        try site.writeData("site.yml", sjis)
        let page = try #require("---\ntitle: ようこそ\n---\n本文です。\n".data(using: .shiftJIS))
        try site.writeData("01-intro/01-welcome.md", page)
        let result = try site.build()
        #expect(!result.succeeded)
        let ja = site.printed(result, .ja).filter { $0.hasSuffix("[K1003]") }
        #expect(ja == [
            "Content/01-intro/01-welcome.md:2:1: エラー: このファイルは Shift_JIS で保存されています。Kenshu は UTF-8 だけを読みます — UTF-8 で保存し直してください（Windows のメモ帳なら「名前を付けて保存」→「文字コード」で UTF-8 を選ぶ） [K1003]",
            "Content/site.yml:2:1: エラー: このファイルは Shift_JIS で保存されています。Kenshu は UTF-8 だけを読みます — UTF-8 で保存し直してください（Windows のメモ帳なら「名前を付けて保存」→「文字コード」で UTF-8 を選ぶ） [K1003]",
        ])
        #expect(site.printed(result, .en).contains { $0.hasPrefix("Content/site.yml:2:1: error: this file is saved as Shift_JIS, not UTF-8") })
    }

    @Test func testShiftJISFileName_isALocatedError_notADroppedPage() throws {
        let site = try TemporarySite(["site.yml": "id: t\ntitle: 研修\n", "01-intro/01-welcome.md": "---\ntitle: ようこそ\n---\n本文です。\n"])
        defer { site.remove() }
        // "テスト.md" in Shift_JIS bytes, as an old zip tool unpacks it.
        let folder = site.content.appendingPathComponent("01-intro").path
        let name: [UInt8] = [0x83, 0x65, 0x83, 0x58, 0x83, 0x67] + Array(".md".utf8)
        let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]
        let handle: UnsafeMutablePointer<FILE>? = path.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { fopen($0, "w") }
        }
        guard let handle else {
            Issue.record("could not create the Shift_JIS-named file")
            return
        }
        fclose(handle)
        let result = try site.build()
        #expect(!result.succeeded)
        let ja = site.printed(result, .ja).filter { $0.hasSuffix("[K1034]") }
        // The name as Explorer showed it is read from the bytes, since the path alone is garbled.
        #expect(ja == ["Content/01-intro/\u{FFFD}e\u{FFFD}X\u{FFFD}g.md:1:1: エラー: このファイルの名前は UTF-8 ではないため、読めません（Shift_JIS の名前のファイルを zip で受け取ったときなどに起こります）（Shift_JIS で読むと 'テスト.md' という名前です） — 名前を付け直すか、日本語の名前に対応した展開ソフトで zip を展開し直してください [K1034]"])
        #expect(site.printed(result, .en).contains { $0.contains("error: this file's name is not UTF-8") })
    }

    @Test func testBrokenGlossary_isReadAndReported() throws {
        let glossary = "- term: 標準化\n  definition: 国の基準に合わせること\n- term: 標準化\n  definition: 二回目\n- term: ガバクラ\n  defintion: 綴り違い\n"
        let (ja, en, result) = try lines(["glossary.yml": glossary], code: "K4105")
        #expect(!result.succeeded)
        #expect(ja == ["Content/glossary.yml:3:3: エラー: 用語 '標準化' が 2 回定義されています（最初は 1 行目） — どちらか 1 つにしてください [K4105]"])
        #expect(en == ["Content/glossary.yml:3:3: error: term '標準化' is defined twice (first on line 1) — keep one of the two entries [K4105]"])
        let unknown = try lines(["glossary.yml": glossary], code: "K2010")
        #expect(unknown.en == ["Content/glossary.yml:6:3: warning: unknown key 'defintion' is ignored — did you mean 'definition'? [K2010]"])
    }

    @Test func testEmptyContentFolder_saysWhatIsMissing() throws {
        let site = try TemporarySite([:])
        defer { site.remove() }
        let result = try site.build()
        let codes = Set(result.diagnostics.map(\.code))
        #expect(codes.isSuperset(of: ["K1007", "K1008"]), "\(site.printed(result, .en))")
    }
}
