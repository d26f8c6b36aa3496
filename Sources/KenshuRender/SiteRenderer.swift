import Foundation
import KenshuCore
import KenshuSite
import KenshuTheme

/// Stage 4: renders every page of a site through the theme's templates.
public enum SiteRenderer {
    /// Renders page `index` of `site`; pure, so pages can render in parallel.
    public static func renderPage(_ index: Int, of site: Site, theme: Theme) -> RenderedSite.Page {
        let page = site.pages[index]
        let context = PageContext(site: site, pageIndex: index, theme: theme).dictionary
        let template = page.kind.rawValue
        let html = theme.templates.render(context, withTemplate: template) ?? ""
        return RenderedSite.Page(path: page.sitePath, html: html)
    }

    /// The home page written when the content has no `index.md`: the module cards alone.
    public static func renderGeneratedHome(of site: Site, theme: Theme) -> RenderedSite.Page {
        let context = PageContext(site: site, pageIndex: nil, theme: theme).dictionary
        return RenderedSite.Page(path: SitePath("index.html"), html: theme.templates.render(context, withTemplate: "home") ?? "")
    }

    /// Content assets and theme assets, with where they land.
    public static func copies(of site: Site, theme: Theme) -> [RenderedSite.Copy] {
        site.assets.map { RenderedSite.Copy(path: $0.sitePath, sourcePath: $0.file.absolutePath) }
            + theme.assets.map { RenderedSite.Copy(path: SitePath("assets/" + $0.relativePath), sourcePath: $0.absolutePath) }
    }
}
