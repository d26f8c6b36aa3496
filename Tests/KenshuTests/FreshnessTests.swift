import Foundation
import KenshuCore
import Testing
@testable import KenshuBuild

/// Passed review dates and sources without a reading date are located warnings; today is injected.
@Suite struct FreshnessTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 1)

    static func lesson(reviewBy: String, accessed: String?) -> String {
        """
        ---
        title: 期限
        updated: 2026-06-01
        review_by: \(reviewBy)
        sources:
          - title: 基本方針
            url: https://example.com/policy
        \(accessed.map { "    accessed: \($0)\n" } ?? "")---
        本文。
        """
    }

    @Test func testPassedReviewDate_warnsAtTheReviewByLine() throws {
        let (model, site) = try CourseReviewFixture.run(
            ["01-mod/01-a.md": Self.lesson(reviewBy: "2026-11-30", accessed: "2026-05-01")],
            transforms: [FreshnessCheck(today: Self.today)])
        defer { site.remove() }
        let warnings = model.diagnostics.warnings
        #expect(warnings.map(\.code) == ["K7310"])
        #expect(warnings.first?.location?.line == 4)
        #expect(warnings.first?.location?.path.hasSuffix("01-mod/01-a.md") == true)
        #expect(warnings.first?.message.arguments == ["2026-11-30", "2026-12-01"])
    }

    @Test func testReviewDateTodayOrLater_isFine() throws {
        for day in ["2026-12-01", "2027-03-31"] {
            let codes = try CourseReviewFixture.codes(
                ["01-mod/01-a.md": Self.lesson(reviewBy: day, accessed: "2026-05-01")], transforms: [FreshnessCheck(today: Self.today)])
            #expect(codes.isEmpty, "review_by \(day)")
        }
    }

    @Test func testSourceWithoutAccessed_warnsAtTheSource() throws {
        let (model, site) = try CourseReviewFixture.run(
            ["01-mod/01-a.md": Self.lesson(reviewBy: "2027-03-31", accessed: nil)], transforms: [FreshnessCheck(today: Self.today)])
        defer { site.remove() }
        let warnings = model.diagnostics.warnings
        #expect(warnings.map(\.code) == ["K7311"])
        #expect(warnings.first?.location?.line == 6)
        #expect(warnings.first?.message.arguments == ["基本方針"])
    }

    /// `accessed: 2026/11/26` is an error of its own (K2007); "no accessed date" beside it would contradict it.
    @Test func testSourceWithAnUnreadableAccessedDate_isNotAlsoToldItHasNone() throws {
        let (model, site) = try CourseReviewFixture.run(
            ["01-mod/01-a.md": Self.lesson(reviewBy: "2027-03-31", accessed: "2026/11/26")], transforms: [FreshnessCheck(today: Self.today)])
        defer { site.remove() }
        let codes = model.diagnostics.sorted.map(\.code)
        #expect(codes.contains("K2007") && !codes.contains("K7311"), "\(codes)")
    }

    @Test func testModuleOverviewDates_countToo_andTheTableIsSoonestFirst() throws {
        let overview = "---\ntitle: モジュール\nupdated: 2026-01-01\nreview_by: 2026-10-01\n---\n"
        let (model, site) = try CourseReviewFixture.run(
            [
                "01-mod/index.md": overview,
                "01-mod/01-a.md": Self.lesson(reviewBy: "2027-03-31", accessed: "2026-05-01"),
                "01-mod/02-b.md": TemporarySite.page("日付なし"),
            ],
            transforms: [FreshnessCheck(today: Self.today)])
        defer { site.remove() }
        #expect(model.diagnostics.warnings.map(\.code) == ["K7310"])
        let rows = CourseReview.dates(of: model.site, today: Self.today)
        #expect(rows.map(\.title) == ["モジュール", "期限", "ホーム", "日付なし"])
        #expect(rows.map(\.daysLeft) == [-61, 120, nil, nil])
    }

    /// `kenshu check ../隣の町/Output` must not review this folder's Content: only a site built from it,
    /// known by the course id its build noted in the output's marker (both courses in folders named Content).
    @Test func testCheckReviewsOnlyTheCourseASiteWasBuiltFrom() throws {
        let ours = try TemporarySite(["site.yml": "id: our-town\ntitle: 町\n", "index.md": "---\ntitle: トップ\n---\n本文\n"])
        defer { ours.remove() }
        let theirs = try TemporarySite(["site.yml": "id: their-town\ntitle: 隣\n", "index.md": "---\ntitle: トップ\n---\n本文\n"])
        defer { theirs.remove() }
        let public_ = ours.root.appendingPathComponent("public")
        _ = try Builder.build(BuildOptions(
            contentDirectory: ours.content.path, themesDirectory: ours.themes.path, outputDirectory: public_.path,
            removeOldOutputInBackground: false))
        #expect(try theirs.build().succeeded)
        let siteYAML = try String(contentsOf: ours.content.appendingPathComponent("site.yml"), encoding: .utf8)
        #expect(CheckedSiteOrigin.isBuilt(fromSiteYAML: siteYAML, checkedFolder: public_.path, defaultOutput: ours.output.path))
        #expect(!CheckedSiteOrigin.isBuilt(fromSiteYAML: siteYAML, checkedFolder: theirs.output.path, defaultOutput: ours.output.path))
        // A site Kenshu did not build, and one without site.yml to compare with.
        let other = ours.root.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("<a href=\"x.html\">x</a>".utf8).write(to: other.appendingPathComponent("index.html"))
        #expect(!CheckedSiteOrigin.isBuilt(fromSiteYAML: siteYAML, checkedFolder: other.path, defaultOutput: ours.output.path))
        #expect(!CheckedSiteOrigin.isBuilt(fromSiteYAML: nil, checkedFolder: public_.path, defaultOutput: ours.output.path))
        // The default output folder counts before it is built, spelled either way.
        #expect(CheckedSiteOrigin.isBuilt(fromSiteYAML: siteYAML, checkedFolder: ours.output.path + "/", defaultOutput: ours.output.path))
    }

    @Test func testSystemToday_readsTheCalendarDay() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let noon = calendar.date(from: DateComponents(year: 2027, month: 2, day: 28, hour: 12)) ?? Date()
        #expect(FreshnessCheck.systemToday(now: noon) == CalendarDate(year: 2027, month: 2, day: 28))
    }
}
