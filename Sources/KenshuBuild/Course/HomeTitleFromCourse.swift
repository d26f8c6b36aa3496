import KenshuContent
import KenshuCore
import KenshuSite

/// A course built on another's keeps the base's home page, whose title is usually the base course's own title
/// (`kenshu new` writes it so). When the course gives itself another `title:` in site.yml, its home page shows
/// that title, not the other municipality's name: a home page titled as a base course is titled as this one.
public struct HomeTitleFromCourse: SiteTransform {
    public let name = "home title"

    public init() {}

    public func apply(to site: Site, diagnostics: inout Diagnostics) -> Site {
        guard let home = site.home, !site.config.isUntitled, !site.config.title.isEmpty else { return site }
        let title = site[page: home].frontMatter.title
        guard title != site.config.title, site.config.upstream.contains(where: { $0.title == title }) else { return site }
        var site = site
        site[page: home].frontMatter.title = site.config.title
        return site
    }
}
