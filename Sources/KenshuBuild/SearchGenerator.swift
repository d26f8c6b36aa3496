import KenshuCore
import KenshuRender
import KenshuSearch
import KenshuSite
import KenshuTheme

/// `search/*.js`: the search index the theme's search box loads (see ``SearchScripts``).
struct SearchGenerator: SiteGenerator {
    let name = "search"

    func files(for site: Site, theme: Theme) -> [GeneratedFile] {
        let index = SearchIndex(documents: SearchDocument.collect(from: site), synonyms: site.config.searchSynonyms)
        return SearchScripts.files(for: index).map { file in
            let page = RenderedSite.Page(path: SitePath(file.path), html: file.contents)
            return GeneratedFile(path: page.path) { page }
        }
    }
}
