import Foundation

/// The info word that opens a plug-in's fenced block, as authors type it: ```` ```Quiz ```` (capitalised by
/// an editor) and ```` ```ｑｕｉｚ ```` (typed with the Japanese input method on) open a quiz too, with a
/// warning, instead of publishing the quiz — its right answers marked — as a code block.
public enum FencedBlockNames {
    /// The plug-in name `word` stands for, and whether it was written exactly so.
    public static func name(of word: Substring, among names: some Collection<String>) -> (name: String, exact: Bool)? {
        let written = String(word)
        if names.contains(written) { return (written, true) }
        guard !word.isEmpty, word.utf8.count <= 64 else { return nil }
        let folded = written.precomposedStringWithCompatibilityMapping.lowercased()
        return names.contains(folded) ? (folded, false) : nil
    }

    /// For a code block whose first line is itself a plug-in's fence (```` ```quiz ```` indented four spaces,
    /// which Markdown reads as code): that plug-in's name.
    public static func nameOpening(firstLineOf literal: String, among names: some Collection<String>) -> String? {
        let line = literal.prefix { $0 != "\n" }.drop { $0 == " " || $0 == "\t" }
        guard line.hasPrefix("```") || line.hasPrefix("~~~") else { return nil }
        let word = line.drop { $0 == "`" || $0 == "~" }.drop { $0 == " " }.prefix { $0 != " " && $0 != "\t" }
        return name(of: word, among: names)?.name
    }
}
