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
        let scripts = LazyScripts {
            // The index is handed over, not kept: the files take its postings out as they are written.
            let files = SearchScripts.files(
                for: SearchIndex(documents: SearchDocument.collect(from: site), synonyms: site.config.searchSynonyms), layout: layout)
            return Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
        }
        // The first file builds the index for all the others.
        return layout.paths.enumerated().map { number, path in
            GeneratedFile(path: SitePath(path), startsEarly: number == 0) {
                RenderedSite.Page(path: SitePath(path), html: scripts.contents(of: path))
            }
        }
    }
}

/// The index's files, made on first use by whichever thread asks first; the lock makes the others wait.
private final class LazyScripts: @unchecked Sendable {
    private let lock = NSLock()
    private let make: @Sendable () -> [String: String]
    private var made: [String: String]?

    init(_ make: @escaping @Sendable () -> [String: String]) { self.make = make }

    func contents(of path: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if made == nil { made = make() }
        return made?[path] ?? ""
    }
}
