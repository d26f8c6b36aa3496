import KenshuCore
import KenshuRender
import KenshuTheme
import Testing
@testable import KenshuMarkdown
@testable import KenshuQuiz

@Suite struct QuizTests {
    /// Renders a page whose body is `markdown`, with the quiz handler plugged in; front matter is 3 lines.
    func render(_ markdown: String) -> ParsedMarkdown {
        var options = MarkdownOptions(path: "Content/01-a/02-b.md", contentPath: "01-a/02-b.md", lineOffset: 3)
        options.fencedBlockHandlers["quiz"] = QuizBlockHandler()
        return MarkdownRenderer.render(markdown, options: options)
    }

    static let theme = Theme.load(layers: [.builtIn], language: "ja").0

    /// The page body as the built-in theme draws it (quizzes through `quiz.mustache`).
    func drawn(_ page: ParsedMarkdown) -> String { page.html(drawnBy: Self.theme) }

    func messages(_ page: ParsedMarkdown) -> [String] { page.diagnostics.map { TemporarySite.withoutCode($0.description) } }

    @Test func testSingleChoice_withFeedbackAndExplanation() {
        let page = render("""
            ```quiz
            ガバメントクラウドの利用料を負担するのは誰でしょう。
            - [ ] デジタル庁
              > 調達と環境の整備はデジタル庁です。
            - [x] 利用する各地方公共団体
              > そのとおりです。
            解説: 利用料は各団体が**負担**します。
            ```
            """)
        #expect(page.diagnostics.isEmpty, "\(messages(page))")
        let html = drawn(page)
        #expect(html.contains(#"data-kind="single""#))
        #expect(html.contains(#"<li class="quiz-choice" data-correct="false"><label><input type="radio" name="quiz-"#))
        #expect(html.contains("<p>調達と環境の整備はデジタル庁です。</p>"))
        #expect(html.contains("<div class=\"quiz-explanation\">\n<p>利用料は各団体が<strong>負担</strong>します。</p>"))
        #expect(html.contains("<strong>正解：</strong>利用する各地方公共団体</p>"))
        #expect(page.blockIDs["quiz"]?.count == 1)
        #expect(page.blockIDs["quiz"]?.first?.hasPrefix("a/b.html#q") == true)
    }

    /// Feedback indented with ideographic spaces (a Japanese IME's space) is the choice's feedback, not part
    /// of its label: shown in the label, it gave the explanation away before the learner answered.
    @Test func testFeedbackIndentedWithIdeographicSpaces_staysFeedback() {
        let page = render("```quiz\n問題です。\n- [ ] 誤り\n\u{3000}\u{3000}> 全角で字下げした解説\n- [x] 正しい\n\u{3000}> 一つの全角空白\n```\n")
        #expect(page.diagnostics.isEmpty, "\(messages(page))")
        let html = drawn(page)
        #expect(!html.contains("&gt;"), "\(html)")
        #expect(html.contains("<p>全角で字下げした解説</p>") && html.contains("<p>一つの全角空白</p>"), "\(html)")
        let choices = (page.models.first as? Quiz)?.choices ?? []
        #expect(choices.map(\.feedbackMarkdown) == ["全角で字下げした解説", "一つの全角空白"])
        #expect(choices.first?.feedbackLocation?.line == 7)
    }

    @Test func testSeveralCorrectChoices_makeAMultipleChoiceQuestion() {
        let page = render("```quiz\n正しいものをすべて。\n- [x] A\n- [x] B\n- [ ] C\n```\n")
        #expect(drawn(page).contains(#"data-kind="multiple""#))
        #expect(drawn(page).contains(#"<input type="checkbox""#))
    }

    @Test func testTextQuestion_withOptionsFlushAgainstTheQuestion() {
        let page = render("```quiz\nid: count\n標準化の対象は何業務？\nanswer: 20業務 | 二十業務\nshuffle\n```\n")
        #expect(page.diagnostics.isEmpty, "\(messages(page))")
        #expect(drawn(page).contains(#"<form class="quiz" id="quiz-count" data-quiz="a/b.html#count" data-kind="text" data-shuffle="true" data-answers="[&quot;20業務&quot;,&quot;二十業務&quot;]">"#))
        #expect(drawn(page).contains("<p>標準化の対象は何業務？</p>"))
    }

    @Test func testLinksInsideQuizzes_areRewrittenAndRecordedAtTheirLine() {
        let page = render("前文\n\n```quiz\n[法律](01-law.md#義務)の説明は？\n- [x] 第8条は[義務](https://example.jp/)\n- [ ] 第10条\n```\n")
        #expect(drawn(page).contains(#"<a href="law.html#%E7%BE%A9%E5%8B%99">法律</a>"#))
        #expect(page.links.map(\.location.description) == ["Content/01-a/02-b.md:7:1", "Content/01-a/02-b.md:8:11"])
    }

    @Test func testIDs_areStableAndIgnoreOtherEdits() {
        let quiz = "```quiz\n問い\n- [x] A\n- [ ] B\n```\n"
        let first = render(quiz).blockIDs["quiz"]
        let edited = render("# 新しい見出し\n\n段落を追加しました。\n\n" + quiz).blockIDs["quiz"]
        #expect(first == edited)
    }

    /// `> # はコメント` in feedback is a heading to Markdown: warned at its `#`, and given no id, which the quiz's
    /// answers at the page's end would repeat (two elements with one id), nor a place in the page's contents.
    @Test func testHeadingInsideAQuiz_isWarnedAndGetsNoID() throws {
        let page = render("## 本文\n\n```quiz\n問い\n- [x] コメント\n  > # はシェルのコメント\n- [ ] 変数\n```\n")
        #expect(messages(page) == [
            "Content/01-a/02-b.md:9:5: warning: '# はシェルのコメント' inside a quiz is read as a heading and shown in large type (headings inside a quiz are not in the page's contents either) — to write the sign '#' as text, write '\\#' (for example '> \\# starts a comment')",
        ])
        #expect(page.headings.map(\.text) == ["本文"])
        let html = drawn(page)
        #expect(html.contains("<h1>はシェルのコメント</h1>") && !html.contains("id=\"はシェルのコメント\""), "\(html)")
        #expect(render("```quiz\n問い\n- [x] A\n  > \\# はコメント\n- [ ] B\n```\n").diagnostics.isEmpty)
        // A line of `---` under the feedback makes it a heading without any `#`: quoted as written, and told why.
        let setext = messages(render("## 本文\n\n```quiz\n問い\n- [x] A\n  > 補足です\n  > ---\n- [ ] B\n```\n"))
        #expect(setext.count == 1 && setext.first?.contains("'補足です' inside a quiz") == true
            && setext.first?.contains("on the next line makes this line a heading") == true, "\(setext)")
    }

    @Test func testMalformedQuizzes_failAtTheirLineWithAFix() {
        let cases: [(String, String)] = [
            ("```quiz\n問い\n- [ ] A\n- [ ] B\n```\n",
             "Content/01-a/02-b.md:6:1: error: no choice is marked correct — mark the right answer as '- [x] …'"),
            ("```quiz\n- [x] A\n- [ ] B\n```\n",
             "Content/01-a/02-b.md:4:1: error: the quiz has no question — write the question on the first line inside the block"),
            ("```quiz\n問い\n\n> 解説のつもり\n\n- [x] A\n```\n",
             "Content/01-a/02-b.md:7:1: error: feedback '>' is not under a choice — indent the '>' line by two spaces so it sits under its '- [ ]' choice"),
            ("```quiz\n問い\nhint: ヒント\n- [x] A\n```\n",
             "Content/01-a/02-b.md:6:1: error: unknown quiz option 'hint' — options are: id, shuffle, answer, kana"),
            ("```quiz\n何業務？\n```\n",
             "Content/01-a/02-b.md:4:1: error: the quiz has neither choices nor accepted answers — add choices ('- [x] …') or, for a text question, a line 'answer: 20業務 | 二十業務'"),
            ("```quiz\nid: q\n問1\nanswer: a\n```\n\n```quiz\nid: q\n問2\nanswer: b\n```\n",
             "Content/01-a/02-b.md:10:1: error: quiz id 'q' is used twice on this page — give each quiz its own 'id:'"),
        ]
        for (markdown, expected) in cases {
            #expect(messages(render(markdown)) == [expected], "\(markdown)")
        }
    }

    @Test(arguments: [
        ("ＧＯＶ", "gov", false), ("２０業務", "20業務", false), (" 「20業務」 ", "20業務", false),
        ("ｶﾞﾊﾞﾒﾝﾄ　クラウド", "ガバメントクラウド", false), ("がばめんと", "ガバメント", true),
        ("がばめんと", "ガバメント", false), ("JーLIS", "J-LIS", false), ("J−LIS。", "J-LIS", false), ("文字同定。。", "文字同定", false),
    ])
    func testTextAnswers_compareAfterJapaneseNormalisation(_ typed: String, _ accepted: String, _ kana: Bool) {
        let same = typed == "がばめんと" && !kana ? false : true
        #expect(QuizAnswer.matches(typed, accepted: [accepted], kanaInsensitive: kana) == same)
    }
}
