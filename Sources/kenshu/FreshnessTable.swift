import Foundation
import KenshuBuild
import KenshuCore

/// `kenshu check --freshness`: every page's `updated` and `review_by`, soonest review first,
/// as an aligned text table or as JSON.
enum FreshnessTable {
    static func text(_ pages: [CourseReview.PageDates], printer: DiagnosticPrinter) -> String {
        let none = printer.say(.cliFreshnessNone)
        let rows = pages.map { page -> [String] in
            let status: String
            switch page.daysLeft {
            case nil: status = printer.say(.cliFreshnessNoDate)
            case let days? where days < 0: status = printer.say(.cliFreshnessOverdue, String(-days))
            case let days?: status = printer.say(.cliFreshnessDue, String(days))
            }
            return [page.reviewBy ?? none, page.updated ?? none, status, page.file, page.title]
        }
        let widths = (0..<3).map { column in rows.map { TerminalColumns.width(of: $0[column]) }.max() ?? 0 }
        let lines = rows.map { row in
            (0..<3).map { TerminalColumns.padded(row[$0], to: widths[$0]) }.joined(separator: "  ")
                + "  " + row[3] + "  " + row[4]
        }
        return ([printer.say(.cliFreshnessHeader)] + lines).joined(separator: "\n")
    }

    static func json(_ pages: [CourseReview.PageDates]) throws -> String {
        let objects = pages.map { page -> [String: Any] in
            var object: [String: Any] = ["file": page.file, "title": page.title]
            object["updated"] = page.updated ?? NSNull()
            object["review_by"] = page.reviewBy ?? NSNull()
            object["days_left"] = page.daysLeft ?? NSNull()
            object["overdue"] = (page.daysLeft ?? 0) < 0
            return object
        }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
