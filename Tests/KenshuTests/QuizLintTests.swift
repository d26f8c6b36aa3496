import Foundation
import KenshuContent
import KenshuCore
import Testing
@testable import KenshuBuild

/// Each quiz-lint rule warns on a failing example and stays quiet on a passing one.
@Suite struct QuizLintTests {
    typealias F = CourseReviewFixture

    static func codes(lesson: String = "", test: String = "", siteYAML: String = "") throws -> [String] {
        var files = ["01-mod/01-lesson.md": TemporarySite.page("レッスン", lesson)]
        if !test.isEmpty { files["01-mod/02-test.md"] = TemporarySite.page("テスト", test, extra: "kind: test\npass_mark: 80\n") }
        if !siteYAML.isEmpty { files["site.yml"] = "id: review-test\ntitle: 見直しテスト\n" + siteYAML }
        return try F.codes(files, transforms: [QuizLint()])
    }

    @Test func testAnswerPosition() throws {
        #expect(try Self.codes(lesson: [1, 1, 1, 2, 3].map { F.single(right: $0) }.joined()) == ["K7321"])
        #expect(try Self.codes(lesson: [1, 2, 3, 1, 2].map { F.single(right: $0) }.joined()).isEmpty)
        // Shuffled questions are exempt; fewer than five do not count.
        #expect(try Self.codes(lesson: [1, 1, 1, 1, 1].map { F.single(right: $0, shuffle: true) }.joined()).isEmpty)
        #expect(try Self.codes(lesson: [1, 1, 1, 1].map { F.single(right: $0) }.joined()).isEmpty)
        // The threshold is the site's to set.
        #expect(try Self.codes(lesson: [1, 1, 1, 2, 3].map { F.single(right: $0) }.joined(), siteYAML: "quiz_lint:\n  max_position_share: 60\n").isEmpty)
    }

    @Test func testLongestChoiceIsRight() throws {
        func longest() -> String { F.single(right: 2, shuffle: true, lengths: [4, 9, 4]) }
        func plain() -> String { F.single(right: 2, shuffle: true, lengths: [4, 4, 9]) }
        // 2 of 5 (40%) is over the 35% limit; 1 of 5 (20%) is not.
        #expect(try Self.codes(lesson: [longest(), longest(), plain(), plain(), plain()].joined()) == ["K7322"])
        #expect(try Self.codes(lesson: [longest(), plain(), plain(), plain(), plain()].joined()).isEmpty)
    }

    @Test func testAllButTheLast() throws {
        let allButLast = F.multiple([true, true, false])
        #expect(try Self.codes(lesson: [allButLast, F.multiple([true, true, true]), F.multiple([true, false, true])].joined()) == ["K7323"])
        #expect(try Self.codes(lesson: [allButLast, F.multiple([false, true, true]), F.multiple([true, false, true])].joined()).isEmpty)
    }

    @Test func testTestQuestionWithoutExplanation() throws {
        let bare = "```quiz\n正しいのは？\n- [x] あい\n- [ ] うえ\n- [ ] おか\n```\n"
        #expect(try Self.codes(test: bare) == ["K7324"])
        #expect(try Self.codes(test: F.single(right: 2)).isEmpty)
        #expect(try Self.codes(lesson: bare).isEmpty)
    }

    @Test func testFeedbackWithoutReason() throws {
        func quiz(_ feedback: String) -> String {
            "```quiz\n正しいのは？\n- [x] あい\n  > \(feedback)\n- [ ] うえ\n- [ ] おか\n解説: 理由。\n```\n"
        }
        #expect(try Self.codes(lesson: quiz("はい。")) == ["K7325"])
        #expect(try Self.codes(lesson: quiz("そのとおりです！")) == ["K7325"])
        #expect(try Self.codes(lesson: quiz("はい。第8条が義務づけています。")).isEmpty)
        // Located at the feedback's `>` (line 4 of the body, after 3 lines of front matter), not at the quiz's fence.
        let (model, site) = try F.run(["01-mod/01-lesson.md": TemporarySite.page("レッスン", quiz("はい。"))], transforms: [QuizLint()])
        defer { site.remove() }
        let located = model.diagnostics.sorted.filter { $0.code == "K7325" }.map { ($0.location?.line, $0.location?.column) }
        #expect(located.count == 1 && located.first?.0 == 7 && located.first?.1 == 3, "\(located)")
    }

    @Test func testTextAnswers() throws {
        #expect(try Self.codes(lesson: "```quiz\n業務の数は？\nanswer: 20業務 | ２０業務\n解説: 二十。\n```\n") == ["K7326"])
        // The page takes the IME's dashes and a final 。 as the answer: so does the check.
        #expect(try Self.codes(lesson: "```quiz\n機構は？\nanswer: J-LIS | JーLIS\n解説: 機構。\n```\n") == ["K7326"])
        #expect(try Self.codes(lesson: "```quiz\n機構は？\nanswer: J-LIS | J-LIS。\n解説: 機構。\n```\n") == ["K7326"])
        #expect(try Self.codes(lesson: "```quiz\n業務の数は？\nanswer: 20業務 | 二十業務\n解説: 二十。\n```\n").isEmpty)
        let long = String(repeating: "あ", count: 16), fifteen = String(repeating: "あ", count: 15)
        #expect(try Self.codes(lesson: "```quiz\n正式名称は？\nanswer: \(long)\n解説: 法律名。\n```\n") == ["K7327"])
        #expect(try Self.codes(lesson: "```quiz\n正式名称は？\nanswer: \(fifteen)\n解説: 法律名。\n```\n").isEmpty)
        #expect(try Self.codes(lesson: "```quiz\n正式名称は？\nanswer: \(long) | 標準化法\n解説: 法律名。\n```\n").isEmpty)
    }

    @Test func testTwoChoicesInATest() throws {
        let two = "```quiz\n正しいのは？\n- [x] あい\n- [ ] うえ\n解説: 理由。\n```\n"
        #expect(try Self.codes(test: two) == ["K7328"])
        #expect(try Self.codes(lesson: two).isEmpty)
        #expect(try Self.codes(test: F.single(right: 1)).isEmpty)
    }

    @Test func testSettings_readFromSiteYAML() {
        let (config, problems) = SiteConfig.parse(
            "quiz_lint:\n  max_position_share: 50\n  min_questions: 8\n  max_answer_length: 20\n  bare_feedback: [OK]\n  max_longest: 3\n",
            path: "site.yml")
        #expect(config.quizLint.maxPositionShare == 50 && config.quizLint.minQuestions == 8 && config.quizLint.maxAnswerLength == 20)
        #expect(config.quizLint.bareFeedback == ["OK"])
        #expect(problems.map(\.code) == ["K2010"])
        #expect(problems.first?.location?.line == 6)
        let (_, wrong) = SiteConfig.parse("quiz_lint: 40\n", path: "site.yml")
        #expect(wrong.map(\.code) == ["K7320"])
    }
}
