import Foundation

/// What a batch of file changes means for the preview, from cheapest to dearest:
/// a page's text changed; files appeared or vanished; the theme changed; `site.yml` changed.
struct ChangeKind: OptionSet {
    let rawValue: Int
    static let structure = ChangeKind(rawValue: 1)
    static let theme = ChangeKind(rawValue: 2)
    static let config = ChangeKind(rawValue: 4)

    /// Markdown files whose text changed (and which still exist).
    var pages: [String] = []

    init(rawValue: Int) { self.rawValue = rawValue }

    /// - Parameter known: absolute paths of the content files the session has already read.
    static func classify(_ paths: [String], content: String, themes: String, known: Set<String>) -> ChangeKind {
        var kind = ChangeKind()
        for path in paths {
            if path.hasPrefix(themes + "/") {
                kind.insert(.theme)
            } else if path == content + "/site.yml" {
                kind.insert(.config)
            } else if path.hasPrefix(content + "/") {
                let exists = FileManager.default.fileExists(atPath: path)
                if path.lowercased().hasSuffix(".md"), exists { kind.pages.append(path) }
                // A file that appears or vanishes changes the course's shape; assets are read when served.
                if !exists || !known.contains(path) { kind.insert(.structure) }
            }
        }
        return kind
    }

    static func relative(_ path: String, to root: String) -> String {
        String(path.dropFirst(root.count + 1)).precomposedStringWithCanonicalMapping
    }
}
