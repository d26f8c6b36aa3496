import KenshuCore
import KenshuSite
import KenshuTheme

/// The whole-course pages Kenshu writes itself: the glossary and the print view. Their content is
/// computed by their generators; the theme's `glossary` and `print` templates own every word and tag.
extension SiteRenderer {
    /// `glossary.html`, rendered with the `glossary` template and `values` (its rows of terms).
    public static func renderGlossaryPage(of site: Site, theme: Theme, values: [String: Any]) -> RenderedSite.Page {
        renderGenerated(.glossary, template: "glossary", of: site, theme: theme, values: values)
    }

    /// `print.html`, rendered with the `print` template and `values` (its sections and answer keys).
    public static func renderPrintPage(of site: Site, theme: Theme, values: [String: Any]) -> RenderedSite.Page {
        renderGenerated(.print, template: "print", of: site, theme: theme, values: values)
    }

    /// A piece of a page rendered from a partial template (`print-quiz`), with the theme's words as `t`.
    public static func renderFragment(_ template: String, theme: Theme, values: [String: Any]) -> String {
        var context = values
        context["t"] = theme.strings
        return theme.templates.render(context, withTemplate: template) ?? ""
    }

    private static func renderGenerated(
        _ page: PageContext.GeneratedPage, template: String, of site: Site, theme: Theme, values: [String: Any]
    ) -> RenderedSite.Page {
        var context = PageContext(site: site, pageIndex: nil, theme: theme)
        context.generated = page
        context.extra = values
        return RenderedSite.Page(path: page.path, html: theme.templates.render(context.dictionary, withTemplate: template) ?? "")
    }
}
