import KenshuCore
import Yams

/// Reads the `search:` block of site.yml. Each synonym group is written either as one string
/// (`"ガバクラ = ガバメントクラウド"`) or as a list (`[ガバクラ, ガバメントクラウド]`).
enum SearchSettings {
    static func synonyms(_ node: Node, reader: inout YAMLReader) -> [[String]] {
        guard let fields = node.mapping else {
            reader.diagnostics.append(.error(.searchNotMapping, at: reader.location(node.mark)))
            return []
        }
        var groups: [[String]] = []
        for (key, value) in fields {
            guard key.string == "synonyms" else {
                reader.unknownKey(key.string ?? "", mark: key.mark, known: ["synonyms"])
                continue
            }
            guard let entries = value.sequence else {
                reader.diagnostics.append(.error(.yamlNotList, "synonyms", at: reader.location(value.mark)))
                continue
            }
            for entry in entries {
                let words: [String]
                if entry.sequence != nil {
                    words = reader.stringList(entry, key: "synonyms") ?? []
                } else {
                    words = (reader.string(entry, key: "synonyms") ?? "").split(separator: "=").map(String.init)
                }
                let trimmed = words.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard trimmed.count >= 2 else {
                    let written = entry.scalar?.string ?? words.joined(separator: ", ")
                    reader.diagnostics.append(.error(.searchSynonymTooShort, written, at: reader.location(entry.mark)))
                    continue
                }
                groups.append(trimmed)
            }
        }
        return groups
    }
}
