import Foundation
import KenshuContent
import KenshuCore
import KenshuSite

/// What `kenshu check` says about the course behind a built site: the findings of the course
/// reviews (unused glossary terms, freshness, quiz lint) and every page's review dates.
///
/// `build` reports the same findings as it goes; `check` reads the content folder again so that
/// a site checked long after it was built still learns that its review dates have passed.
public struct CourseReview: Sendable {
    /// One page's dates, for `kenshu check --freshness`.
    public struct PageDates: Sendable, Equatable {
        public var file: String
        public var title: String
        public var updated: String?
        public var reviewBy: String?
        /// Days from today to `reviewBy` (negative once it has passed); `nil` without a review date.
        public var daysLeft: Int?
    }

    public var findings: [Diagnostic]
    /// Every page, soonest review first; pages without a review date last, in reading order.
    public var pages: [PageDates]

    /// Reads and reviews the course in `contentDirectory` as of `today`.
    public static func run(contentDirectory: String, today: CalendarDate = FreshnessCheck.systemToday()) throws -> CourseReview {
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: contentDirectory))
        pipeline.transforms = CourseTransforms.all.map { $0 is FreshnessCheck ? FreshnessCheck(today: today) : $0 }
        let model = try pipeline.update()
        let findings = model.diagnostics.sorted.filter { $0.message.key.rawValue.hasPrefix("K73") }
        return CourseReview(findings: findings, pages: dates(of: model.site, today: today))
    }

    static func dates(of site: Site, today: CalendarDate) -> [PageDates] {
        let rows = site.pages.filter { !$0.file.absolutePath.isEmpty }.map { page in
            let matter = page.frontMatter
            return PageDates(
                file: page.file.displayPath, title: matter.title, updated: matter.updated, reviewBy: matter.reviewBy,
                daysLeft: matter.reviewBy.flatMap(CalendarDate.init).map { days(from: today, to: $0) })
        }
        return rows.enumerated().sorted { a, b in
            switch (a.element.daysLeft, b.element.daysLeft) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Whole days from `start` to `end`, counted in UTC so no time zone shifts them.
    static func days(from start: CalendarDate, to end: CalendarDate) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        func date(_ day: CalendarDate) -> Date? {
            calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
        }
        guard let from = date(start), let to = date(end) else { return 0 }
        return calendar.dateComponents([.day], from: from, to: to).day ?? 0
    }
}
