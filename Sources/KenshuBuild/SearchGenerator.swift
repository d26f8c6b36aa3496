import Foundation
import KenshuCore
import KenshuRender
import KenshuSearch
import KenshuSite
import KenshuTheme

/// `search/*.js`: the search index the theme's search box loads (see ``SearchScripts``).
///
/// The file list comes from the site's shape; the index itself is built once, the first time any of
/// its files is rendered, so a preview rebuild after an edit does not pay for it until someone searches.
struct SearchGenerator: SiteGenerator {
    let name = "search"
    /// The preview's layout kept between edits (``PreviewSearchLayout``); `nil` to lay out afresh (build).
    var previewLayout: PreviewSearchLayout?

    func files(for site: Site, theme: Theme) -> [GeneratedFile] {
        let layout = previewLayout?.layout(for: site) ?? SearchScripts.layout(for: site)
        let scripts = LazyScripts(keep: previewLayout != nil) {
            // The index is handed over, not kept: the files take its postings out as they are written.
            let files = SearchScripts.files(
                for: SearchIndex(documents: SearchDocument.collect(from: site), synonyms: site.config.searchSynonyms), layout: layout)
            return Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
        }
        // The first file builds the index for all the others; a build makes it alone, before the pages (`Start.alone`).
        return layout.paths.enumerated().map { number, path in
            GeneratedFile(path: SitePath(path), start: number == 0 ? .alone : .withPages) {
                RenderedSite.Page(path: SitePath(path), html: scripts.contents(of: path))
            }
        }
    }
}

/// The index's files, made on first use by whichever thread asks first; the lock makes the others wait.
///
/// `@unchecked Sendable` is safe: `made` is read and written only while `lock` is held.
private final class LazyScripts: @unchecked Sendable {
    private let lock = NSLock()
    /// Whether files stay after they are handed out (preview serves them again); a build writes each
    /// once, so its copy is dropped then and the index's text (≈ 70 MB at 10,000 lessons) is freed as
    /// it is written rather than at the end.
    private let keep: Bool
    private let make: @Sendable () -> [String: String]
    private var made: [String: String]?
    private var handedOut: Set<String> = []

    init(keep: Bool, _ make: @escaping @Sendable () -> [String: String]) {
        self.keep = keep
        self.make = make
    }

    func contents(of path: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        // Made on first use, and made again (the rest let go first) if a build asks for a file a second time.
        if made == nil || (!keep && handedOut.contains(path)) {
            made = nil
            handedOut = []
            made = make()
        }
        guard !keep else { return made?[path] ?? "" }
        handedOut.insert(path)
        return made?.removeValue(forKey: path) ?? ""
    }
}
