import Foundation

/// One `example` block of the CommonMark spec or the GFM table extension.
struct SpecExample: CustomStringConvertible {
    var number: Int
    var section: String
    var markdown: String
    var html: String
    var description: String { "example \(number) (\(section))" }

    /// `../shared/commonmark/` beside the repository, where the spec files live.
    static let directory: URL = {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/commonmark")
    }()

    /// Reads every example of a spec file; the spec writes tabs as `→`.
    static func load(_ file: String) throws -> [SpecExample] {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            if line.hasPrefix("#") { section = line.drop { $0 == "#" || $0 == " " }.description }
            guard line.hasPrefix(fence + " example") else { continue }
            var markdown: [Substring] = [], html: [Substring] = []
            var inHTML = false
            while let inner = lines.popFirst(), inner != fence {
                if inner == "." && !inHTML { inHTML = true; continue }
                if inHTML { html.append(inner) } else { markdown.append(inner) }
            }
            func join(_ parts: [Substring]) -> String {
                parts.isEmpty ? "" : (parts.joined(separator: "\n") + "\n").replacingOccurrences(of: "→", with: "\t")
            }
            examples.append(SpecExample(number: examples.count + 1, section: section, markdown: join(markdown), html: join(html)))
        }
        return examples
    }
}
