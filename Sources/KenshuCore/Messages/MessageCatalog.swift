/// Looks up the words of each ``MessageKey``: the catalogs themselves are the data files
/// `MessageCatalog+ja.swift` and `MessageCatalog+en.swift`, one entry per key.
public enum MessageCatalog {
    /// A sentence and, for problems, the standard advice on fixing it. `{0}`, `{1}` … are arguments.
    public struct Entry: Sendable {
        public var text: String
        public var fix: String?

        public init(_ text: String, fix: String? = nil) {
            self.text = text
            self.fix = fix
        }
    }

    public static func catalog(_ language: Language) -> [MessageKey: Entry] {
        switch language {
        case .ja: allJapanese
        case .en: allEnglish
        }
    }

    /// Each language's catalog, assembled from its data files (one per area).
    static let allJapanese = japanese.merging(overlayJapanese) { first, _ in first }.merging(commandLineJapanese) { first, _ in first }
    static let allEnglish = english.merging(overlayEnglish) { first, _ in first }.merging(commandLineEnglish) { first, _ in first }

    /// The entry in `language`, falling back to English and then to the key itself (never crashing).
    static func entry(_ key: MessageKey, _ language: Language) -> Entry {
        catalog(language)[key] ?? allEnglish[key] ?? Entry(key.rawValue)
    }

    /// Replaces `{n}` with `arguments[n]`; a missing argument leaves the placeholder visible.
    static func fill(_ template: String, _ arguments: [String]) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let index = Int(rest[afterOpen..<close]),
               arguments.indices.contains(index) {
                result += arguments[index]
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }
}
