import Foundation
import KenshuCore
import KenshuRender

/// The files of a built site, rendered in memory for an archive (pages, generated files and copies).
enum SiteFiles {
    static func files(of site: RenderedSite) throws -> [ArchiveFile] {
        let render = site.renderPage
        let pages = Parallel.map(Array(site.pagePaths.indices)) { index in
            let page = render(index)
            return ArchiveFile(path: page.path.value, text: page.html)
        }
        let copies = try site.copies.map { copy in
            guard let data = copy.data() else { throw ToolFailure(.exportFileUnreadable, copy.path.value) }
            return ArchiveFile(path: copy.path.value, data: data)
        }
        return pages + copies
    }
}
