import Foundation
import KenshuContent
import KenshuCore
import KenshuSite

/// Warns about pages that may have gone out of date: a `review_by` day that has passed, and
/// sources with no `accessed` day (nobody can tell how old the reading was).
///
/// Municipal material ages fast (deadlines move), so the dates authors write must be read by
/// the build, not only shown to learners. Today's date can be fixed (tests, `--today`); otherwise
/// it is read at each run, so a preview left open overnight judges by the new day.
public struct FreshnessCheck: SiteTransform {
    public let name = "freshness"
    /// The day to judge by; `nil` for the machine's today at each run.
    public var fixedToday: CalendarDate?

    public init(today: CalendarDate? = nil) {
        self.fixedToday = today
    }

    public func apply(to site: Site, diagnostics: inout Diagnostics) -> Site {
        let today = fixedToday ?? Self.systemToday()
        for page in site.pages where page.frontMatter.reviewBy != nil || !page.frontMatter.sources.isEmpty {
            diagnostics.append(contentsOf: findings(for: page, today: today))
        }
        return site
    }

    func findings(for page: ParsedPage, today: CalendarDate) -> [Diagnostic] {
        // Fields read in place (not `let matter = page.frontMatter`): this runs over every page on each preview rebuild.
        let fallback = SourceLocation(path: page.file.displayPath, line: 1, column: 1)
        var found: [Diagnostic] = []
        if let text = page.frontMatter.reviewBy, let reviewBy = CalendarDate(text), reviewBy < today {
            found.append(.warning(.freshnessReviewPassed, text, today.description, at: page.frontMatter.reviewByLocation ?? fallback))
        }
        for source in page.frontMatter.sources where source.accessed == nil && !source.accessedWritten {
            found.append(.warning(.freshnessSourceNotAccessed, source.title, at: source.location ?? fallback))
        }
        return found
    }

    /// Today in the machine's time zone, as the author's calendar shows it.
    public static func systemToday(now: Date = Date()) -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
