import Foundation
import KenshuCore

extension FrontMatter {
    /// Replaces `{{name}}` in the title, description and objectives by the values of `vars:`,
    /// so that navigation, the home page and search show the municipality's own name.
    /// - Parameter yaml: the front matter as written, to locate an unknown name by its line.
    /// - Returns: an error for each unknown name, at its line in the file.
    public mutating func substituteVariables(_ values: [String: String], yaml: String, path: String) -> [Diagnostic] {
        guard TextVariables.mayContain(yaml) else { return [] }
        var unknown: Set<String> = []
        func apply(_ text: String) -> String {
            let (result, missing) = TextVariables.substitutePlain(text, values: values)
            unknown.formUnion(missing.map(\.name))
            return result
        }
        title = apply(title)
        description = description.map(apply)
        objectives = objectives.map(apply)
        guard !unknown.isEmpty else { return [] }
        var problems: [Diagnostic] = []
        for (number, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for occurrence in TextVariables.occurrences(in: String(line)) where unknown.contains(occurrence.name) {
                let column = String(decoding: Array(line.utf8)[..<occurrence.byteOffset], as: UTF8.self).count + 1
                // The front matter's first line is the file's second (after `---`).
                problems.append(.unknownVariable(occurrence.name, at: SourceLocation(path: path, line: number + 2, column: column), known: values))
            }
        }
        return problems
    }
}

extension FrontMatter {
    /// `title: {{自治体名}}の研修` is what authors write, but YAML reads a value starting with `{`
    /// as a mapping and fails. Such a value (after `key: ` or `- `) is put in double quotes first, line
    /// by line, so line numbers stay the same. A plain YAML value can never start with `{{`, so
    /// nothing that parsed before changes meaning.
    /// What ends a line that opens a YAML block scalar (`description: |`).
    static let blockMarkers = ["|", "|-", "|+", ">", ">-", ">+"]

    static func quotingLeadingVariables(_ yaml: String) -> String {
        guard TextVariables.mayContain(yaml) else { return yaml }
        var blockIndent: Int?  // inside a `|` or `>` block: its lines are text, left alone
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let indent = line.prefix { $0 == " " }.count
            if let block = blockIndent, indent > block || line.allSatisfy({ $0 == " " }) { return String(line) }
            blockIndent = nil
            let body = line.split(separator: "#", maxSplits: 1).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            if Self.blockMarkers.contains(where: { body.hasSuffix(": " + $0) || body == "- " + $0 }) {
                blockIndent = indent
                return String(line)
            }
            guard let brace = line.range(of: "{{") else { return String(line) }
            let before = line[..<brace.lowerBound]
            let trimmed = before.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasSuffix(":") || trimmed == "-" || trimmed.hasSuffix(": -"), before.last == " " else { return String(line) }
            var value = String(line[brace.lowerBound...])
            var comment = ""
            if let hash = value.range(of: " #") {  // a YAML comment stays a comment
                comment = String(value[hash.lowerBound...])
                value = String(value[..<hash.lowerBound])
            }
            return String(before) + JSONText.string(value.trimmingCharacters(in: .whitespaces)) + comment
        }
        return lines.joined(separator: "\n")
    }
}
