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
        let widths = (0..<3).map { column in rows.map { displayWidth($0[column]) }.max() ?? 0 }
        let lines = rows.map { row in
            (0..<3).map { row[$0] + String(repeating: " ", count: widths[$0] - displayWidth(row[$0])) }.joined(separator: "  ")
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

    /// Columns as a terminal shows them: East Asian wide characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let wide = (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value) || (0xFFE0...0xFFE6).contains(scalar.value)
            return width + (wide ? 2 : 1)
        }
    }
}
