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
        let scripts = LazyScripts(keep: previewLayout != nil, layout: layout) {
            // The index is handed over, not kept: the files take its postings out as they are written.
            let (files, documents) = SearchScripts.indexFiles(
                for: SearchIndex(documents: SearchDocument.collect(from: site), synonyms: site.config.searchSynonyms), layout: layout)
            return (Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a }), documents)
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
/// The meta file and term shards are made with the index; each document chunk is made when asked for,
/// from the documents kept until every chunk has been handed out.
///
/// `@unchecked Sendable` is safe: every stored `var` is read and written only while `lock` is held.
private final class LazyScripts: @unchecked Sendable {
    typealias Made = (files: [String: String], documents: [SearchDocument])
    private let lock = NSLock()
    /// Whether files stay after they are handed out (preview serves them again); a build writes each
    /// once, so its copy is dropped then and the term shards' text (≈ 16 MB at 10,000 lessons) is
    /// freed as it is written rather than at the end.
    private let keep: Bool
    private let make: @Sendable () -> Made
    private let layout: SearchScripts.Layout
    /// Document chunk number by path.
    private let chunks: [String: Int]
    private var made: Made?
    private var handedOut: Set<String> = []
    private var chunksHandedOut = 0

    init(keep: Bool, layout: SearchScripts.Layout, _ make: @escaping @Sendable () -> Made) {
        self.keep = keep
        self.layout = layout
        self.make = make
        chunks = Dictionary(uniqueKeysWithValues: layout.paths.suffix(layout.documentChunks).enumerated().map { ($1, $0) })
    }

    func contents(of path: String) -> String {
        let chunk = chunks[path]
        lock.lock()
        // Made on first use, and made again (the rest let go first) if a build asks for a file a second time.
        if made == nil || (!keep && handedOut.contains(path)) {
            made = nil
            handedOut = []
            chunksHandedOut = 0
            made = make()
        }
        if !keep { handedOut.insert(path) }
        guard let chunk else {
            let text = keep ? made?.files[path] : made?.files.removeValue(forKey: path)
            lock.unlock()
            return text ?? ""
        }
        let documents = made?.documents ?? []
        // Once every chunk has been asked for, the documents go (when this last copy is dropped too).
        if !keep {
            chunksHandedOut += 1
            if chunksHandedOut == chunks.count { made?.documents = [] }
        }
        lock.unlock()
        return SearchScripts.documentFile(chunk, of: documents, layout: layout).contents
    }
}
