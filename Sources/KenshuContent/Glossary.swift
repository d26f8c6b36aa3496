import KenshuCore
import Yams

/// One term of the course's glossary (`Content/glossary.yml`).
public struct GlossaryTerm: Sendable, Hashable {
    public var term: String
    /// Kana reading, for ordering by 五十音.
    public var reading: String?
    public var definition: String
    /// Other spellings that mean the same term.
    public var aliases: [String] = []
    public var sourceTitle: String?
    public var sourceURL: String?
    /// Where the term is defined, for messages.
    public var location: SourceLocation
}

/// Reads and validates `glossary.yml`: a list of `term`/`definition` entries, each problem located.
public enum Glossary {
    static let knownKeys = ["term", "reading", "definition", "aliases", "source"]
    static let knownSourceKeys = ["title", "url", "date", "accessed"]

    public static func parse(_ yaml: String, path: String) -> ([GlossaryTerm], [Diagnostic]) {
        var reader = YAMLReader(path: path, lineOffset: 0)
        guard let root = reader.root(from: yaml) else { return ([], reader.diagnostics) }
        guard let root else { return ([], reader.diagnostics) }
        guard let entries = root.sequence else {
            reader.diagnostics.append(.error(.glossaryNotList, at: reader.location(root.mark)))
            return ([], reader.diagnostics)
        }
        var terms: [GlossaryTerm] = []
        var firstLine: [String: Int] = [:]
        for entry in entries {
            guard let term = readTerm(entry, reader: &reader) else { continue }
            if let line = firstLine[term.term] {
                reader.diagnostics.append(.error(.glossaryDuplicate, term.term, String(line), at: term.location))
                continue
            }
            firstLine[term.term] = term.location.line
            terms.append(term)
        }
        return (terms, reader.diagnostics + clashes(in: terms))
    }

    private static func readTerm(_ entry: Node, reader: inout YAMLReader) -> GlossaryTerm? {
        let at = reader.location(entry.mark)
        guard let fields = entry.mapping else {
            reader.diagnostics.append(.error(.glossaryEntryNotMapping, at: at))
            return nil
        }
        var term: String?, definition: String?, reading: String?, aliases: [String] = []
        var sourceTitle: String?, sourceURL: String?
        for (key, value) in fields {
            switch key.string ?? "" {
            case "term": term = reader.string(value, key: "term")?.trimmed
            case "definition":
                definition = reader.string(value, key: "definition")?.trimmed
                if let written = definition.flatMap(GlossaryTerm.markupWritten) {
                    reader.diagnostics.append(.warning(.glossaryDefinitionMarkup, written, at: reader.location(value.mark)))
                }
            case "reading": reading = reader.string(value, key: "reading")?.trimmed
            case "aliases": aliases = reader.stringList(value, key: "aliases") ?? []
            case "source":
                guard let source = value.mapping else {
                    reader.diagnostics.append(.error(.yamlNotMapping, at: reader.location(value.mark)))
                    continue
                }
                for (sourceKey, sourceValue) in source {
                    switch sourceKey.string ?? "" {
                    case "title": sourceTitle = reader.string(sourceValue, key: "title")
                    case "url":
                        sourceURL = reader.string(sourceValue, key: "url").flatMap {
                            SourceURL.read($0, at: reader.location(sourceValue.mark), policy: URLPolicy(), diagnostics: &reader.diagnostics)
                        }
                    case "date", "accessed": _ = reader.string(sourceValue, key: sourceKey.string ?? "")
                    default: reader.unknownKey(sourceKey.string ?? "", mark: sourceKey.mark, known: knownSourceKeys)
                    }
                }
            default: reader.unknownKey(key.string ?? "", mark: key.mark, known: knownKeys)
            }
        }
        guard let term, !term.isEmpty else {
            reader.diagnostics.append(.error(.glossaryWithoutTerm, at: at))
            return nil
        }
        guard let definition, !definition.isEmpty else {
            reader.diagnostics.append(.error(.glossaryWithoutDefinition, term, at: at))
            return nil
        }
        return GlossaryTerm(
            term: term, reading: reading, definition: definition, aliases: aliases,
            sourceTitle: sourceTitle, sourceURL: sourceURL, location: at)
    }
}
