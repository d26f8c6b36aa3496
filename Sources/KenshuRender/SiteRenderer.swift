import Foundation
import KenshuCore
import KenshuSite
import KenshuTheme

/// Stage 4: renders every page of a site through the theme's templates.
public enum SiteRenderer {
    /// Courses with more modules than this list only the current one inline; `toc.js` has the rest.
    public static var inlineModuleLimit: Int { PageContextBuilder.inlineModuleLimit }

    /// Renders `id` of `site`; pure, so pages can render in parallel.
    public static func renderPage(_ id: PageID, of site: Site, theme: Theme) -> RenderedSite.Page {
        let page = site[page: id]
        let context = PageContextBuilder(site: site, page: id, theme: theme).context
        let template = page.kind.rawValue
        let html = theme.templates.render(context, withTemplate: template) ?? ""
        return RenderedSite.Page(path: page.sitePath, html: html)
    }

    /// The home page written when the content has no `index.md`: the module cards alone.
    public static func renderGeneratedHome(of site: Site, theme: Theme) -> RenderedSite.Page {
        let context = PageContextBuilder(site: site, page: nil, theme: theme).context
        return RenderedSite.Page(path: SitePath("index.html"), html: theme.templates.render(context, withTemplate: "home") ?? "")
    }

    /// The progress page (学習の進捗), drawn by the page's script from the browser's saved progress.
    public static func renderProgressPage(of site: Site, theme: Theme) -> RenderedSite.Page {
        let context = PageContextBuilder(site: site, page: nil, theme: theme, generated: .progress).context
        return RenderedSite.Page(path: GeneratedPage.progress.path, html: theme.templates.render(context, withTemplate: "progress") ?? "")
    }

    /// `course.js`: the course's modules, lessons, quizzes and tests, for the progress page.
    public static func courseScript(of site: Site) -> RenderedSite.Page {
        let js = "/* Built by Kenshu: the course outline for the progress page. */\nwindow.KENSHU_COURSE = " + OutlineJSON.course(of: site) + ";\n"
        return RenderedSite.Page(path: SitePath("course.js"), html: js)
    }

    /// `toc.js`: every module's title and URL, for sidebars of courses too large to list inline.
    /// A classic script that sets a global, because `fetch()` of local files is blocked under `file://`.
    public static func tableOfContentsScript(of site: Site) -> RenderedSite.Page? {
        guard site.modules.count > PageContextBuilder.inlineModuleLimit else { return nil }
        let js = "/* Built by Kenshu: the course's modules, for the sidebar. */\nwindow.KENSHU_TOC = " + OutlineJSON.modules(of: site) + ";\n"
        return RenderedSite.Page(path: SitePath("toc.js"), html: js)
    }

    /// `strings.js`: the theme's words for the scripts (search, progress), once for the whole site
    /// rather than in every page (≈ 3 KB a page, 30 MB at 10,000 pages). A classic script, as `toc.js`.
    public static func stringsScript(theme: Theme) -> RenderedSite.Page {
        let js = "/* Built by Kenshu: the theme's words for the scripts. */\nwindow.KENSHU_STRINGS = " + theme.stringsJSON + ";\n"
        return RenderedSite.Page(path: SitePath("strings.js"), html: js)
    }

    /// Content assets and theme assets, with where they land.
    public static func copies(of site: Site, theme: Theme) -> [RenderedSite.Copy] {
        site.assets.map { RenderedSite.Copy(path: $0.sitePath, source: .file($0.file.absolutePath)) }
            + theme.assets.map { asset in
                let source: RenderedSite.Copy.Source
                switch asset.file {
                case .disk(let path): source = .file(path)
                case .builtIn(_, let text): source = .bytes(Data(text.utf8))
                }
                return RenderedSite.Copy(path: SitePath("assets/" + asset.relativePath), source: source)
            }
    }
}
