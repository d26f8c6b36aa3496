import Foundation
import Yams
import KenshuCore

/// What an author says about a page in the YAML at its top.
public struct FrontMatter: Sendable, Hashable {
    public var title: String = ""
    /// The id of the `# heading` the title was taken from, on a page without front matter (``LeadingTitle``):
    /// the theme puts it on the page's `<h1>`, so that links written to that heading still lead there.
    public var titleID: String?
    public var description: String?
    public var objectives: [String] = []
    /// Estimated reading time, shown in module lists.
    public var minutes: Int?
    /// Last reviewed, and when to review next (`YYYY-MM-DD`); training material goes stale.
    public var updated: String?
    public var reviewBy: String?
    /// Where `review_by` is written, for freshness warnings.
    public var reviewByLocation: SourceLocation?
    public var sources: [Source] = []
    /// `test` makes the page a module test: its quizzes are graded together against `passMark`.
    public var isTest = false
    /// The percentage needed to pass a module test.
    public var passMark: Int?

    /// One official document a page relies on, with the day it was read.
    public struct Source: Sendable, Hashable {
        public var title: String
        public var url: String?
        public var accessed: String?
        /// Whether the entry has an `accessed:` line, even one that is not a date (already an error):
        /// then "no date" would contradict it.
        public var accessedWritten = false
        /// Where the source's entry starts, for freshness warnings.
        public var location: SourceLocation?
    }

    public init(title: String = "") { self.title = title }

    static let knownKeys = ["title", "description", "objectives", "minutes", "updated", "review_by", "sources", "kind", "pass_mark"]

    /// Reads front matter, reporting problems at their line in `path`.
    ///
    /// - Parameter yaml: the text between the `---` fences, which start on the file's first line.
    public static func parse(_ yaml: String?, path: String, urlPolicy: URLPolicy = URLPolicy()) -> (FrontMatter, [Diagnostic]) {
        var matter = FrontMatter()
        var reader = YAMLReader(path: path, lineOffset: 1)
        guard let yaml else {
            reader.diagnostics.append(.error(.noFrontMatter, at: SourceLocation(path: path, line: 1, column: 1)))
            return (matter, reader.diagnostics)
        }
        guard let fields = reader.mapping(from: quotingLeadingVariables(yaml), asWritten: yaml) else { return (matter, reader.diagnostics) }
        var titleMark: Mark?
        var titleNotText = false
        for (key, mark, value) in fields {
            switch key {
            case "title":
                matter.title = reader.string(value, key: key)?.trimmed ?? ""
                titleMark = mark
                // `title: []` is told as no text (K2004), not again as empty or missing.
                titleNotText = value.scalar == nil
            case "description": matter.description = reader.string(value, key: key)
            case "objectives": matter.objectives = reader.stringList(value, key: key) ?? []
            case "minutes": matter.minutes = reader.integer(value, key: key, range: 1...600)
            case "updated": matter.updated = reader.date(value, key: key)
            case "review_by":
                matter.reviewBy = reader.date(value, key: key)
                matter.reviewByLocation = reader.location(mark)
            case "sources": matter.sources = readSources(value, reader: &reader, urlPolicy: urlPolicy)
            case "kind":
                let kind = reader.string(value, key: key) ?? ""
                if kind == "test" {
                    matter.isTest = true
                } else if kind != "lesson" {
                    reader.diagnostics.append(.error(.unknownKind, kind, at: reader.location(value.mark)))
                }
            case "pass_mark": matter.passMark = reader.integer(value, key: key, range: 1...100)
            default: reader.unknownKey(key, mark: mark, known: knownKeys)
            }
        }
        if matter.isTest, matter.passMark == nil {
            matter.passMark = 80
            reader.diagnostics.append(.warning(.testWithoutPassMark, at: SourceLocation(path: path, line: 1, column: 1)))
        }
        if matter.title.isEmpty, !titleNotText {
            // `title:` written with nothing after it: told at its line, not as a missing key.
            reader.diagnostics.append(titleMark.map { .error(.titleEmpty, at: reader.location($0)) }
                ?? .error(.noTitle, at: SourceLocation(path: path, line: 1, column: 1)))
        }
        return (matter, reader.diagnostics)
    }

    private static func readSources(_ node: Yams.Node, reader: inout YAMLReader, urlPolicy: URLPolicy) -> [Source] {
        guard let items = node.sequence else {
            reader.diagnostics.append(.error(.sourcesNotList, at: reader.location(node.mark)))
            return []
        }
        return items.compactMap { item -> Source? in
            if let title = item.scalar?.string { return Source(title: title, location: reader.location(item.mark)) }
            guard let fields = item.mapping else {
                reader.diagnostics.append(.error(.sourceWithoutTitle, at: reader.location(item.mark)))
                return nil
            }
            var source = Source(title: "", location: reader.location(item.mark))
            for (key, value) in fields {
                switch key.string {
                case "title": source.title = reader.string(value, key: "title") ?? ""
                case "url":
                    source.url = reader.string(value, key: "url").flatMap {
                        SourceURL.read($0, at: reader.location(value.mark), policy: urlPolicy, diagnostics: &reader.diagnostics)
                    }
                case "accessed":
                    source.accessed = reader.date(value, key: "accessed")
                    source.accessedWritten = true
                default: reader.unknownKey(key.string ?? "", mark: key.mark, known: ["title", "url", "accessed"])
                }
            }
            if source.title.isEmpty {
                reader.diagnostics.append(.error(.sourceWithoutTitle, at: reader.location(item.mark)))
                return nil
            }
            return source
        }
    }
}

extension String {
    /// Foundation's trimming of white space and newlines, to the byte, without its UTF-16 round trip.
    var trimmed: String { trimmingWhitespaceAndNewlines }
}
