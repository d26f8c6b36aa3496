import Foundation
import KenshuCore
import Testing
@testable import KenshuBuild

/// print.html holds the whole course in reading order, quizzes as paper questions, answer keys per module.
@Suite struct PrintTests {
    static func course() -> [String: String] {
        var files = TemporarySite.smallCourse()
        files["01-intro/03-test.md"] = TemporarySite.page("テスト1", """
            ## 問題

            ```quiz
            id: fee
            利用料を負担するのは誰でしょう。
            - [ ] デジタル庁
            - [x] 各地方公共団体
            - [ ] ベンダー
            解説: 利用料は[各団体](01-welcome.md#目的)が負担します。
            ```

            ```quiz
            二十の業務を数字で書くと？
            answer: 20業務
            解説: 政令で定まります。
            ```
            """, extra: "kind: test\npass_mark: 80\n")
        files["02-cloud/02-models.md"] = TemporarySite.page("方式", """
            ## 目的

            [外部](https://example.com/a) と [同じページ](#目的)。

            ```quiz
            方式を選びましょう。
            - [x] 単独利用方式
            - [x] 共同利用方式
            - [ ] 紙
            解説: 二つあります。
            ```
            """)
        return files
    }

    @Test func testPrintPage_readingOrder_tocAndAnswerKeys() throws {
        let site = try TemporarySite(Self.course())
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        let html = try site.read("print.html")
        let titles = ["ようこそ</h2>", "はじめに</h2>", "ようこそ研修へ</h2>", "役割</h2>", "テスト1</h2>", "解答と解説：はじめに</h2>",
                      "クラウド</h2>", "基礎</h2>", "方式</h2>", "解答と解説：クラウド</h2>"]
        let positions = titles.map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "missing: \(zip(titles, positions).filter { $0.1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        // The table of contents links to each section.
        #expect(html.contains("<nav class=\"print-toc\""))
        #expect(html.contains("<a href=\"#print-answers-2\">解答と解説</a>"))
        // Modules are numbered as on the home page (モジュール 1 is the first module); the home page is not numbered.
        #expect(html.contains("<ul class=\"print-toc-groups\">\n<li><a href=\"#print-0\">ようこそ</a></li>"))
        #expect(html.contains("<span class=\"module-number\">モジュール 1</span> はじめに</a>"))
        #expect(html.contains("<span class=\"module-number\">モジュール 2</span> クラウド</a>"))
        #expect(!html.contains("モジュール 3"))
        // No interactive quiz: the question, its choices, a blank for text answers.
        #expect(!html.contains("<form class=\"quiz"))
        #expect(!html.contains("quiz-check"))
        #expect(html.contains("<strong>問 1</strong>"))
        #expect(html.contains("<li>各地方公共団体</li>"))
        #expect(html.contains("print-quiz-blank"))
        // Module 1's key leaves its test's answers out (print.html is one link from the graded test), and says so.
        let key = try #require(html.range(of: "解答と解説：はじめに</h2>"))
        let after = String(html[key.upperBound...])
        #expect(after.hasPrefix("\n<p class=\"print-note\">モジュールテストの解答は、ここには載せていません。</p>\n</section>"))
        #expect(!html.contains("正解：2. 各地方公共団体") && !html.contains("正解：20業務") && !html.contains("政令で定まります"))
        #expect(after.contains("<strong>問 1</strong>（方式）　正解：1. 単独利用方式 / 2. 共同利用方式"))
        // With `options: print_test_answers: true`: answers numbered per module, with explanations and their
        // links resolved from the page.
        try site.write("site.yml", "id: test-course\ntitle: テスト研修\noptions:\n  print_test_answers: true\n")
        #expect(try site.build().succeeded)
        let keyed = try site.read("print.html")
        let withTests = String(keyed[try #require(keyed.range(of: "解答と解説：はじめに</h2>")).upperBound...])
        #expect(!withTests.contains("print-note"))
        #expect(withTests.contains("正解：2. 各地方公共団体"))
        #expect(withTests.contains("正解：20業務"))
        #expect(withTests.contains("<a href=\"intro/welcome.html#%E7%9B%AE%E7%9A%84\">各団体</a>"))
        // Ids are unique per page and same-page links follow them; external links stay.
        #expect(html.contains("href=\"https://example.com/a\""))
        let models = try #require(html.range(of: "方式</h2>"))
        let section = String(html[models.upperBound...])
        let sectionID = try #require(section.range(of: "id=\"print-")).upperBound
        let number = section[sectionID...].prefix { $0.isNumber }
        #expect(section.contains("<a href=\"#print-\(number)-%E7%9B%AE%E7%9A%84\">同じページ</a>"))
        #expect(section.contains("<h2 id=\"print-\(number)-目的\">"))
        // The header links to print.html from every page.
        #expect(try site.read("cloud/basics.html").contains("class=\"print-link\" href=\"../print.html\""))
    }

    @Test func testHomeQuiz_isNumberedAndAnsweredBeforeTheModules() throws {
        var files = Self.course()
        files["index.md"] = TemporarySite.page("ようこそ", """
            [はじめに](01-intro/index.md)

            ```quiz
            id: warm-up
            研修の最初に読むのは？
            - [x] はじめに
            - [ ] クラウド
            - [ ] 方式
            解説: 順に読みます。
            ```
            """)
        let site = try TemporarySite(files)
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let html = try site.read("print.html")
        let home = try #require(html.range(of: "解答と解説：ようこそ</h2>"))
        let module = try #require(html.range(of: "はじめに</h2>"))
        #expect(home.lowerBound < module.lowerBound)
        #expect(!html.contains("問 0"))
        #expect(html[home.upperBound...].contains("正解：1. はじめに"))
    }

    /// A choice holding an image or a link broke the build at print.html (K9001): the answer key wrote the choice as
    /// its page wrote it, relative to the module's folder, while print.html is at the root.
    @Test func testAnswerKey_choiceWithAnImageOrLink_leadsWhereThePageLeads() throws {
        var files = Self.course()
        files["01-intro/02-roles.md"] = TemporarySite.page("役割", """
            ## 役割分担

            ```quiz
            どちらの図ですか。
            - [x] ![図](images/図1.png){width=80} と [目的](01-welcome.md#目的)
            - [ ] 違う
            解説: [役割分担](#役割分担)の節のとおりです。
            ```
            """)
        let site = try TemporarySite(files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        let html = try site.read("print.html")
        let key = try #require(html.range(of: "（役割）　正解：1. "))
        let answer = html[key.upperBound...].prefix { $0 != "\n" }
        #expect(answer.hasPrefix("<img src=\"intro/images/%E5%9B%B31.png\" alt=\"図\" width=\"80\" /> と <a href=\"intro/welcome.html#%E7%9B%AE%E7%9A%84\">目的</a>"), "\(answer)")
        // A link to a heading of the page leads to that heading in the page's section (it failed the build, K9002).
        let explanation = html[key.upperBound...].prefix(2000)
        #expect(explanation.contains("<a href=\"#print-"), "\(explanation)")
        let target = try #require(explanation.range(of: "<a href=\"#")).upperBound
        let fragment = String(explanation[target...].prefix { $0 != "\"" })
        #expect(html.contains("id=\"\(fragment.removingPercentEncoding ?? fragment)\"") || html.contains("id=\"\(fragment)\""), "\(fragment)")
    }

    @Test func testRelocation_resolvesRelativeURLsFromThePageFolder() {
        let page = SitePath("cloud/models.html")
        #expect(PrintRelocation.resolve("../intro/welcome.html#x", from: page) == "intro/welcome.html#x")
        #expect(PrintRelocation.resolve("basics.html", from: page) == "cloud/basics.html")
        #expect(PrintRelocation.resolve("./images/a.png", from: page) == "cloud/images/a.png")
        #expect(PrintRelocation.resolve("https://example.com/a", from: page) == "https://example.com/a")
        #expect(PrintRelocation.resolve("mailto:a@example.com", from: page) == "mailto:a@example.com")
        #expect(PrintRelocation.relocate("<h2 id=\"a\"><a href=\"#a\">#</a></h2>", from: page, prefix: "p3")
            == "<h2 id=\"p3-a\"><a href=\"#p3-a\">#</a></h2>")
    }
}
