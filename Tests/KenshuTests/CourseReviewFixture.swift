import Foundation
import KenshuCore
@testable import KenshuBuild

/// Runs the pipeline on a small course with only the course transforms a test names.
enum CourseReviewFixture {
    /// The pipeline's model and the diagnostics the transforms added, for `files` on top of a minimal course.
    static func run(
        _ files: [String: String], transforms: [any SiteTransform]
    ) throws -> (model: SitePipeline.Model, site: TemporarySite) {
        var all: [String: String] = [
            "site.yml": "id: review-test\ntitle: 見直しテスト\n",
            "index.md": TemporarySite.page("ホーム"),
            "01-mod/index.md": TemporarySite.page("モジュール"),
        ]
        all.merge(files) { $1 }
        let site = try TemporarySite(all)
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path))
        pipeline.transforms = transforms
        return (try pipeline.update(), site)
    }

    /// The codes of the diagnostics of `run`, in order.
    static func codes(_ files: [String: String], transforms: [any SiteTransform]) throws -> [String] {
        let (model, site) = try run(files, transforms: transforms)
        defer { site.remove() }
        return model.diagnostics.sorted.map(\.code)
    }

    /// A single-choice quiz whose right answer is choice `right` (1-based) of `count`, with an explanation.
    static func single(right: Int, of count: Int = 3, shuffle: Bool = false, lengths: [Int]? = nil) -> String {
        var lines = ["```quiz", "id: q-" + UUID().uuidString.prefix(8).lowercased(), "正しいのはどれでしょう。"]
        if shuffle { lines.append("shuffle") }
        for index in 1...count {
            let length = lengths?[index - 1] ?? 4
            lines.append("- [\(index == right ? "x" : " ")] " + String(repeating: "あ", count: length - 1) + "\(index)")
        }
        lines += ["解説: 理由はこうです。", "```", ""]
        return lines.joined(separator: "\n")
    }

    /// A multiple-answer quiz with these choices right.
    static func multiple(_ marks: [Bool]) -> String {
        var lines = ["```quiz", "id: m-" + UUID().uuidString.prefix(8).lowercased(), "当てはまるものをすべて選びましょう。"]
        for (index, mark) in marks.enumerated() { lines.append("- [\(mark ? "x" : " ")] 選択肢\(index + 1)") }
        lines += ["解説: 理由はこうです。", "```", ""]
        return lines.joined(separator: "\n")
    }
}
