import Foundation
import KenshuContent

/// What a batch of file changes means for the preview, from cheapest to dearest:
/// a page's text changed; files appeared or vanished; the theme changed; `site.yml` changed.
///
/// A plain struct, not an `OptionSet`: an option set's `insert` rebuilds the value from its raw
/// value and would drop ``pages`` (that once made `sed -i` saves show the previous text).
public struct ChangeKind: Equatable, Sendable {
    /// Files appeared or vanished: the course's shape may have changed.
    var structure = false
    var theme = false
    var config = false
    /// Markdown files whose text changed (and which still exist).
    var pages: [String] = []

    /// - Parameters:
    ///   - contentRoots: the course's own content folder and the folders of the courses it is built on.
    ///   - known: absolute paths of the content files the session has already read.
    ///   - archives: the zips `base:` names; a new zip is read from scratch, like a changed `site.yml`.
    static func classify(
        _ paths: [String], contentRoots: [String], themes: String?, known: Set<String>, archives: Set<String> = []
    ) -> ChangeKind {
        var kind = ChangeKind()
        for path in paths {
            let root = contentRoots.first { path.hasPrefix($0 + "/") }
            if archives.contains(path) {
                kind.config = true
            } else if let themes, path.hasPrefix(themes + "/") {
                kind.theme = true
            } else if let root, settingsFiles.contains(String(path.dropFirst(root.count + 1))) {
                kind.config = true
            } else if root != nil {
                let exists = FileManager.default.fileExists(atPath: path)
                if path.lowercased().hasSuffix(".md"), exists { kind.pages.append(path) }
                // A file that appears or vanishes changes the course's shape; assets are read when served.
                if !exists || !known.contains(path) { kind.structure = true }
                // SVG, HTML and XML files are read for scripts when the course is found (K1044, K1048): an edited one is read again.
                if AssetScripts.dialect(ofFileNamed: path) != nil { kind.structure = true }
            }
        }
        return kind
    }

    /// Files of a content folder that change the settings rather than one page.
    static let settingsFiles: Set<String> = ["site.yml", "glossary.yml", BaseRecord.fileName]

    static func relative(_ path: String, to root: String) -> String {
        String(path.dropFirst(root.count + 1)).precomposedStringWithCanonicalMapping
    }
}
