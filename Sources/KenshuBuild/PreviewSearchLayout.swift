import Foundation
import KenshuSearch
import KenshuSite

/// The search index's file layout for the preview, worked out again only for the pages an edit changed.
///
/// ``SearchScripts/layout(for:)`` walks every page (10 ms of a 10,000-page preview rebuild). Between
/// edits that add or remove no page, the preview keeps the shard count and chunk size it worked out
/// last and only brings the document count up to date, from each changed page's own count, so that
/// the listed `docs-*.js` files are exactly those the index makes. A build always lays out afresh.
final class PreviewSearchLayout: @unchecked Sendable {
    // @unchecked Sendable: `last` is read and written only while `lock` is held; `counts` locks itself.
    private let lock = NSLock()
    private let counts = PageMemo<Int, Int>()
    private var last: (layout: SearchScripts.Layout, pageCount: Int)?

    func layout(for site: Site) -> SearchScripts.Layout {
        let perPage = counts.values(of: site.pages, context: 0) { pages in
            pages.map { page in
                SearchScripts.layout(for: Site(
                    config: site.config, pages: [page], modules: [], home: nil, assets: [], moduleOfPage: [nil])).documentCount
            }
        }
        let documentCount = perPage.reduce(site.glossary.count, +)
        lock.lock()
        defer { lock.unlock() }
        if var layout = last?.layout, last?.pageCount == site.pages.count {
            layout.documentCount = documentCount
            last = (layout, site.pages.count)
            return layout
        }
        let layout = SearchScripts.layout(for: site)
        last = (layout, site.pages.count)
        return layout
    }
}
