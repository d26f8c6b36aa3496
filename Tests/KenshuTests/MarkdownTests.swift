import KenshuCore
import Testing
@testable import KenshuMarkdown

@Suite struct MarkdownTests {
    func render(_ markdown: String, path: String = "01-a/02-b.md") -> ParsedMarkdown {
        MarkdownRenderer.render(markdown, options: withJapaneseWords(MarkdownOptions(path: "Content/" + path, contentPath: path, lineOffset: 3)))
    }

    @Test func testHeadingIDs_keepJapaneseAndNumberDuplicates() {
        let page = render("# 概要\n## Fit & Gap の進め方\n## 概要\n## 概要\n## 「標準仕様書」とは？\n## Optionalの例\n")
        #expect(page.headings.map(\.id) == ["概要", "fit--gap-の進め方", "概要-1", "概要-2", "標準仕様書とは", "optionalの例"])
        #expect(page.html.contains(##"<h2 id="概要-1">概要<a class="permalink" href="#%E6%A6%82%E8%A6%81-1" aria-label="この見出しへのリンク">#</a></h2>"##))
    }

    /// `{#id}` after a heading (Pandoc, Hugo, MkDocs) gives its id and leaves the heading's text; a taken id
    /// is numbered like a repeated heading; braces with more than an id, or in code, stay text.
    @Test func testExplicitHeadingIDs() {
        let page = render("## 概要 {#overview}\n## 二つ目 {#overview}\n## 手順  {#手順-1}\n## a {#x .cls}\n## `{#code}`\n## 詳細 {: #details}\n## 付録 {.unnumbered}\n## 関数 {a b}\n\n[戻る](#overview)\n")
        #expect(page.headings.map(\.id) == ["overview", "overview-1", "手順-1", "x", "code", "details", "付録", "関数-a-b"])
        #expect(page.headings.map(\.text) == ["概要", "二つ目", "手順", "a", "{#code}", "詳細", "付録", "関数 {a b}"])
        #expect(page.html.contains(##"<h2 id="overview">概要<a class="permalink" href="#overview" aria-label="この見出しへのリンク">#</a></h2>"##), "\(page.html)")
        #expect(page.sections.map(\.headingText).prefix(3) == ["概要", "二つ目", "手順"])
        #expect(!page.html.contains("{#overview}"))
        // After inline markup the text node starts with a space: the heading keeps every character.
        let marked = render("## *強調* 概要{#overview}\n## `code` text {#code-id}\n")
        #expect(marked.headings.map(\.text) == ["強調 概要", "code text"] && marked.headings.map(\.id) == ["overview", "code-id"])
        #expect(marked.html.contains("<h2 id=\"overview\"><em>強調</em> 概要<a class"), "\(marked.html)")
    }

    /// Other tools' block syntax is named at its line: a TOC marker is left out, a `:::` container stays as text.
    @Test func testForeignBlockSyntax_isNamed() {
        let page = render("[TOC]\n\n## 概要\n\n:::message alert\n注意して\n:::\n\n[[_TOC_]]\n")
        #expect(page.diagnostics.map { "\($0.location?.line ?? 0) \($0.code) \($0.message.arguments)" } == [
            "4 K5031 [\"[TOC]\"]", "8 K5032 [\"message\"]", "12 K5031 [\"[[_TOC_]]\"]",
        ], "\(page.diagnostics)")
        // Elements of other tools are named as written (MDX's `<Tabs>`), once per element whatever its case.
        let mdx = render("<Tabs>\n<TabItem value=\"a\">\n\n本文\n\n</TabItem>\n</Tabs>\n")
        #expect(mdx.diagnostics.map { "\($0.code) \($0.message.arguments)" } == ["K5013 [\"<Tabs>\"]", "K5013 [\"<TabItem>\"]"], "\(mdx.diagnostics)")
        #expect(!page.html.contains("TOC"))
        #expect(page.html.contains("<p>:::message alert\n注意して\n:::</p>"))
        let linked = render("[toc]: https://example.jp\n\n[TOC]\n")
        #expect(linked.diagnostics.isEmpty && linked.html.contains("<a href=\"https://example.jp\">TOC</a>"), "a reference named toc makes a link, not a marker")
    }

    /// A definition list (Pandoc, PHP Markdown Extra, MkDocs) and a grid table (Pandoc, reStructuredText) stay text,
    /// each told once at its line; colons and pluses of prose are not.
    @Test func testDefinitionListsAndGridTables_areNamed() {
        let page = render("""
            標準化
            : 20業務のシステムを標準仕様に合わせること
            : 二つ目の説明

            ガバメントクラウド

            :   国が調達したクラウド

            +------+------+
            | 業務 | 期限 |
            +======+======+

            時刻
            :10時（空白なし）

            :warning: 注意
            +1 しておきます
            +---+
            """)
        #expect(page.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code) \($0.message.arguments)" } == [
            "5:1 K5043 [\": 20業務のシステムを標準仕様に合わせること\"]", "10:1 K5043 [\":   国が調達したクラウド\"]",
            "12:1 K5044 [\"+------+------+\"]",
        ], "\(page.diagnostics)")
        #expect(page.html.contains("<p>標準化\n: 20業務のシステムを標準仕様に合わせること\n: 二つ目の説明</p>"), "\(page.html)")
        #expect(page.diagnostics.first?.fix(in: .ja)?.hasPrefix("'- **用語**：説明'") == true)
        #expect(ForeignBlockSyntax.isGridTableBorder("+:---+--=+") && !ForeignBlockSyntax.isGridTableBorder("++")
                && !ForeignBlockSyntax.isGridTableBorder("+1+") && !ForeignBlockSyntax.isGridTableBorder("+---"))
    }

    /// MkDocs' admonitions, tabs, snippets and abbreviations, Pandoc's and Quarto's fenced divs, captions,
    /// inline footnotes and citations, and MediaWiki's headings are each told at their place; prose that
    /// merely starts with the same characters is not.
    @Test func testMkDocsPandocAndWikiSyntax_isNamed() {
        let page = render("""
            !!! note "注意"
                MkDocs の囲み

            ??? tip
                たたむ囲み

            === "タブ1"
                中身

            本文^[文中の脚注] と [@doe2020, p. 3] と \\^[エスケープ] と [^1] と x^2 と [@] と ^[]。

            [^1]: 普通の脚注

            *[HTML]: Hyper Text Markup Language

            --8<-- "snippet.md"

            ::: {.callout-note}
            Quarto の囲み
            :::

            : 表の説明

            | a | b |
            |---|---|
            | 1 | 2 |
            : 後ろの説明

            == 見出し ==

            !!! 大事なこと、== 強調 == と --- と *[注]* と === 区切り ===x
            """)
        // Inline findings are made in the pass before the page is written, so they come first (a build sorts them).
        #expect(page.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code) \($0.message.arguments)" } == [
            "13:3 K5045 [\"^[文中の脚注]\"]", "13:14 K5046 [\"[@doe2020, p. 3]\"]",
            "4:1 K5038 [\"!!! note \\\"注意\\\"\", \"MkDocs\"]", "7:1 K5038 [\"??? tip\", \"MkDocs\"]",
            "10:1 K5038 [\"=== \\\"タブ1\\\"\", \"MkDocs\"]",
            "17:1 K5038 [\"*[HTML]: Hyper Text Markup Language\", \"MkDocs\"]", "19:1 K5038 [\"--8<-- \\\"snippet.md\\\"\", \"MkDocs\"]",
            "21:1 K5038 [\"::: {.callout-note}\", \"Pandoc / Quarto\"]", "25:1 K5038 [\": 表の説明\", \"Pandoc\"]",
            "30:1 K5038 [\": 後ろの説明\", \"Pandoc\"]", "32:1 K5038 [\"== 見出し ==\", \"MediaWiki\"]",
        ], "\(page.diagnostics)")
        #expect(page.html.contains("<p>!!! note &quot;注意&quot;\nMkDocs の囲み</p>"))
        #expect(page.diagnostics.first { $0.code == "K5045" }?.fix(in: .ja)?.hasPrefix("脚注は、本文の付けたい所に '[^1]'") == true)
    }

    /// Pandoc's superscript and subscript are told at their mark with the `<sup>`/`<sub>` to write; emoticons,
    /// ranges, strikethrough, escaped marks and code are left alone.
    @Test func testPandocSuperscriptAndSubscript_areNamed() {
        let page = render("""
            水は H~2~O、面積は 10 m^2^、(a+b)^2^ です。

            顔文字 (^_^) と (^o^)、5~10分と20~30分、2^10、~~取り消し~~、a~~b~~、H\\~2~O、`x^2^`、~単独~。
            """)
        #expect(page.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code) \($0.message.arguments)" } == [
            "4:5 K5047 [\"~2~\", \"<sub>2</sub>\"]", "4:18 K5047 [\"^2^\", \"<sup>2</sup>\"]",
            "4:27 K5047 [\"^2^\", \"<sup>2</sup>\"]",
        ], "\(page.diagnostics)")
        #expect(page.html.contains("H~2~O"), "the text is shown as written")
        #expect(page.diagnostics.first?.fix(in: .ja)?.hasPrefix("'<sub>2</sub>' と書いてください") == true)
    }

    /// Rows pasted from Excel (tab-separated) are shown as the table they were, with a warning naming the pipe form.
    @Test func testTabSeparatedRows_becomeATable() {
        let page = render("課名\t職員数\t備考\n総務課\t25\t\n情報政策課\t8\tDX 担当含む\n\n本文\tタブ一つの段落。\n")
        #expect(page.html.hasPrefix("<table>\n<thead>\n<tr>\n<th>課名</th>\n<th>職員数</th>\n<th>備考</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>総務課</td>\n<td>25</td>\n<td></td>\n</tr>\n<tr>\n<td>情報政策課</td>\n<td>8</td>\n<td>DX 担当含む</td>\n</tr>\n</tbody>\n</table>\n"), "\(page.html)")
        #expect(page.html.contains("<p>本文\tタブ一つの段落。</p>"), "a single line with a tab is a paragraph")
        #expect(page.diagnostics.map(\.code) == ["K5033"])
        #expect(page.diagnostics.first?.location?.line == 4)
        #expect(page.diagnostics.first?.fix(in: .ja)?.hasSuffix("\n| 課名 | 職員数 | 備考 |\n| --- | --- | --- |") == true, "\(page.diagnostics)")
        #expect(page.sections.first?.text.hasPrefix("課名 職員数 備考\n総務課 25\n情報政策課 8 DX 担当含む") == true, "\(page.sections)")
    }

    @Test func testLeadingTitle_takesAFirstLevelOneHeading() {
        #expect(LeadingTitle.take(from: "# はじめに {#intro}").map { "\($0.title)|\($0.rest)|\($0.lines)" } == "はじめに||1")
        #expect(LeadingTitle.take(from: "\n# **重要**な話\n本文\n").map { "\($0.title)|\($0.rest)|\($0.lines)" } == "重要な話|本文\n|2")
        #expect(LeadingTitle.take(from: "## 二段目\n") == nil && LeadingTitle.take(from: "本文\n# 後の見出し\n") == nil)
        #expect(LeadingTitle.take(from: "#ハッシュタグ\n") == nil)
    }

    @Test func testHeadingSlugger_isNFC() {
        var slugger = HeadingSlugger()
        #expect(slugger.slug(for: "か\u{3099}いよう") == "がいよう")
    }

    @Test func testLinks_areRecordedWithFileLineAndCharacterColumn() {
        let page = render("前文\n\n日本語の[リンク](../02-c/03-d.md#節) と ![図](images/a.png)\n")
        #expect(page.links.map(\.location.description) == ["Content/01-a/02-b.md:6:5", "Content/01-a/02-b.md:6:32"])
        #expect(page.links.first?.target == .content(path: "02-c/03-d.md", fragment: "節"))
        #expect(page.html.contains(#"<a href="../c/d.html#%E7%AF%80">リンク</a>"#))
        #expect(page.links.last?.target == .content(path: "01-a/images/a.png", fragment: nil))
    }

    @Test func testExternalAndFragmentLinks_areLeftAsWritten() {
        let page = render("[a](https://www.digital.go.jp/) [b](#節) [c](mailto:x@example.jp)\n")
        #expect(page.links.map(\.target) == [.external, .samePage(fragment: "節"), .external])
        #expect(page.html.contains(#"<a href="https://www.digital.go.jp/">a</a>"#))
    }

    @Test func testScriptURLs_areBlanked() {
        #expect(render("[x](javascript:alert(1))\n").html.contains(#"<a href="">x</a>"#))
    }

    @Test(arguments: [
        ("NOTE", "note", "補足"), ("TIP", "tip", "ヒント"), ("IMPORTANT", "important", "重要"),
        ("WARNING", "warning", "注意"), ("CAUTION", "caution", "警告"),
    ])
    func testAlerts_becomeLabelledCallouts(_ marker: String, _ kind: String, _ title: String) {
        let html = render("> [!\(marker)]\n> 本文です。\n> 続き\n").html
        #expect(html == """
            <div class="callout callout-\(kind)" role="note">
            <p class="callout-title">\(title)</p>
            <p>本文です。続き</p>
            </div>

            """)
    }

    @Test func testUnknownAlertMarker_staysAQuote_andIsWarnedWithTheNearestKind() {
        #expect(render("> [!FOO]\n> x\n").html.hasPrefix("<blockquote>"))
        #expect(render("> [!NOTE]です\n> x\n").html.hasPrefix("<blockquote>"), "text glued to the marker is not a title")
        func warned(_ markdown: String) -> [String] {
            render(markdown).diagnostics.filter { $0.message.key == .alertKindUnknown }.map { "\($0.location?.line ?? 0) \($0.message.arguments)" }
        }
        #expect(warned("本文\n\n> [!NOTICE]\n> 締切は金曜です。\n") == ["6 [\"NOTICE\", \"NOTE\"]"])
        #expect(warned("> [!WARNIG] 注意\n") == ["4 [\"WARNIG\", \"WARNING\"]"])
        #expect(warned("> [!dangr]\n") == ["4 [\"dangr\", \"CAUTION\"]"])
        #expect(warned("> [!NOTE]\n> x\n\n> [!] x\n\n> [!1]\n").isEmpty)
        // Japanese names: unknown ones warned, the theme's own titles for the kinds read as those kinds.
        #expect(warned("> [!メモ]\n") == ["4 [\"メモ\", \"NOTE\"]"])
        #expect(warned("> [!注意]\n> 締切\n").isEmpty && render("> [!注意]\n> 締切\n").html.contains("callout-warning"))
    }

    /// Callouts as Obsidian writes them: a title after the marker, its other kinds shown as the nearest of
    /// GitHub's five, and `-`/`+` folding the callout into a `<details>` (closed or open).
    @Test func testObsidianCallouts_titlesKindsAndFolding() {
        #expect(render("> [!tip] 便利な**使い方**\n> 本文\n").html == """
            <div class="callout callout-tip" role="note">
            <p class="callout-title">便利な<strong>使い方</strong></p>
            <p>本文</p>
            </div>

            """)
        #expect(render("> [!danger]\n> x\n").html.hasPrefix("<div class=\"callout callout-caution\" role=\"note\">\n<p class=\"callout-title\">警告</p>"))
        #expect(render("> [!faq]- よくある質問\n> 答え\n").html == """
            <details class="callout callout-note">
            <summary class="callout-title">よくある質問</summary>
            <p>答え</p>
            </details>

            """)
        #expect(render("> [!warning]+\n> 開いたまま\n").html.hasPrefix("<details class=\"callout callout-warning\" open>\n<summary class=\"callout-title\">注意</summary>"))
    }

    @Test func testJapaneseLines_joinWithoutASpace_butLatinLinesKeepIt() {
        #expect(render("日本語の\n文です。\n").html == "<p>日本語の文です。</p>\n")
        #expect(render("English\nwords\n").html == "<p>English\nwords</p>\n")
    }

    @Test func testTables_insideListsAndQuotes() {
        let html = render("- 項目\n\n  | a | b |\n  | - | :-: |\n  | 1 | [x](https://e.jp) |\n\n> | q |\n> | --- |\n> | r |\n").html
        #expect(html.contains("<li>\n<p>項目</p>\n<table>"))
        #expect(html.contains(#"<td style="text-align: center"><a href="https://e.jp">x</a></td>"#))
        #expect(html.contains("<blockquote>\n<table>\n<thead>\n<tr>\n<th>q</th>"))
    }

    @Test func testTableCellThatLooksLikeABlock_staysInline() {
        let html = render("| 見出し | 番号 |\n| --- | --- |\n| # 1 | 1. 一 |\n").html
        #expect(html.contains("<td># 1</td>\n<td>1. 一</td>"))
    }

    @Test func testTableText_beforeTheHeaderStaysAParagraph() {
        let html = render("説明文\n| a |\n| - |\n| b |\n").html
        #expect(html.hasPrefix("<p>説明文</p>\n<table>"))
    }

    @Test func testPipeTableParser_splitsEscapedPipes() {
        let cells = PipeTable.splitRow("| a \\| b | `c\\|d` |")
        #expect(cells.map(\.text) == ["a | b", "`c|d`"])
        #expect(PipeTable.delimiterAlignments("|:--|--:|:-:|---|") == [.left, .right, .center, nil])
        #expect(PipeTable.delimiterAlignments("| a | b |") == nil)
    }

    /// A fence nothing closes takes the rest of the page; warned at its opening line, with the fence to write.
    @Test func testUnclosedFence_isWarnedAtItsOpening_andClosedOrIndentedBlocksAreNot() {
        func unclosed(_ markdown: String) -> [String] {
            render(markdown).diagnostics.filter { $0.message.key == .fenceNotClosed }.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message.arguments)" }
        }
        #expect(unclosed("本文\n\n````python\nprint(1)\n```\n\nまだコードの中\n") == ["6:1 [\"````python\", \"````\"]"])
        #expect(unclosed("- 手順\n\n  ~~~\n  a\n") == ["6:3 [\"~~~\", \"~~~\"]"])
        #expect(unclosed("```\na\n```\n\n```\n```\n\n    indented\n    \n\n> ```\n> a\n\nafter\n") == [])
        #expect(unclosed("```\na\n```") == [])
    }
}

@Suite struct SlugEdgeTests {
    @Test func testIdeographicSpaces_atTheEndsAreTrimmed() {
        #expect(HeadingSlugger.baseSlug(for: "\u{3000}概要 と 目的\u{3000}") == "概要-と-目的")
    }

    /// The slugger keeps kana and common kanji without asking for their category: they must all be letters.
    @Test func testKanaAndCommonKanji_areAllLetters() {
        for range in [0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                #expect(scalar.properties.generalCategory == .otherLetter, "U+\(String(value, radix: 16))")
            }
        }
        #expect(HeadingSlugger.baseSlug(for: "（ガバメント・クラウド）の概要ー") == "ガバメントクラウドの概要ー")
    }
}
