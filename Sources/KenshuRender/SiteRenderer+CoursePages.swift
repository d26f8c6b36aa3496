import KenshuCore
import KenshuSite
import KenshuTheme

/// The whole-course pages Kenshu writes itself: the glossary and the print view. Their content is
/// computed by their generators; the theme's `glossary` and `print` templates own every word and tag.
extension SiteRenderer {
    /// `glossary.html`, rendered with the `glossary` template and `values` (its rows of terms) over the page's values.
    public static func renderGlossaryPage(of site: Site, theme: Theme, values: some TemplateContext) -> RenderedSite.Page {
        renderGenerated(.glossary, template: "glossary", of: site, theme: theme, values: values)
    }

    /// `print.html`, rendered with the `print` template and `values` (its sections and answer keys) over the page's values.
    public static func renderPrintPage(of site: Site, theme: Theme, values: some TemplateContext) -> RenderedSite.Page {
        renderGenerated(.print, template: "print", of: site, theme: theme, values: values)
    }

    /// A piece of a page rendered from a partial template (`print-quiz`); `values` carry the theme's words themselves.
    public static func renderFragment(_ template: String, theme: Theme, values: some TemplateContext) -> String {
        theme.templates.render(values, withTemplate: template) ?? ""
    }

    private static func renderGenerated(
        _ page: GeneratedPage, template: String, of site: Site, theme: Theme, values: some TemplateContext
    ) -> RenderedSite.Page {
        let context = LayeredContext(own: values, page: PageContextBuilder(site: site, page: nil, theme: theme, generated: page).context)
        return RenderedSite.Page(path: page.path, html: theme.templates.render(context, withTemplate: template) ?? "")
    }
}
