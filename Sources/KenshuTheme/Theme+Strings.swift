import KenshuCore
import Yams

extension Theme {
    /// Reads `<language>.yml` from every layer, later layers overriding single keys.
    static func loadStrings(_ layers: [ThemeLayer], language: String, diagnostics: inout [Diagnostic]) -> [String: String] {
        var strings: [String: String] = [:]
        for layer in layers {
            guard let file = layer.files(under: "i18n")[language + ".yml"] else { continue }
            switch file.text() {
            case .failure(let problem): diagnostics.append(problem)
            case .success(let text):
                do {
                    guard let node = try Yams.compose(yaml: text), let mapping = node.mapping else { continue }
                    for (key, value) in mapping {
                        if let key = key.string, let value = value.string { strings[key] = value }
                    }
                } catch {
                    diagnostics.append(.error(.stringsUnreadable, "\(error)", at: SourceLocation(path: file.displayPath, line: 1, column: 1)))
                }
            }
        }
        if strings.isEmpty { diagnostics.append(.warning(.stringsMissing, language, at: nil)) }
        return strings
    }
}
