import KenshuCore
import KenshuSite
import KenshuTheme

/// Fills a ``PageContext`` for one page of a site (or a page Kenshu writes itself).
struct PageContextBuilder {
    /// Up to this many modules are listed in every page's sidebar; a larger course lists only the
    /// current module and loads the rest from the shared `toc.js`, so pages stay the same size.
    static let inlineModuleLimit = 30

    let site: Site
    /// The content page being rendered; `nil` for a page Kenshu writes itself.
    let page: PageID?
    let theme: Theme
    /// The page Kenshu writes itself (the progress page, a missing home), when `page` is `nil`.
    var generated = GeneratedPage.home

    init(site: Site, page: PageID?, theme: Theme, generated: GeneratedPage = .home) {
        self.site = site
        self.page = page
        self.theme = theme
        self.generated = generated
    }

    private var here: SitePath { page.map { site[page: $0].sitePath } ?? generated.path }
    private var currentModule: Int? { page.flatMap(site.module(of:)) }

    var context: PageContext {
        let crumbs = breadcrumbs
        var context = PageContext(
            lang: site.config.language, t: theme.strings, root: here.rootPrefix, assets: here.rootPrefix + "assets/",
            site: siteValues, page: generatedPageValues, nav: navigation, navComplete: site.modules.count <= Self.inlineModuleLimit,
            breadcrumbs: crumbs, hasBreadcrumbs: !crumbs.isEmpty, siteID: site.config.storageID, pagePath: here.value,
            progressHref: here.relativeURL(to: GeneratedPage.progress.path), stringsJSON: theme.stringsJSON,
            hasGlossary: !site.glossary.isEmpty, glossaryHref: here.relativeURL(to: GeneratedPage.glossary.path),
            printHref: here.relativeURL(to: GeneratedPage.print.path))
        guard let id = self.page else {
            context.modules = moduleCards
            return context
        }
        let page = site[page: id]
        let matter = page.frontMatter
        context.page = pageValues(page)
        context.hasObjectives = !matter.objectives.isEmpty
        context.hasSources = !matter.sources.isEmpty
        context.hasMeta = matter.minutes != nil || matter.updated != nil || matter.reviewBy != nil
        let quizzes = page.body.blockIDs["quiz"] ?? []
        context.hasQuizzes = !quizzes.isEmpty
        context.quizCount = quizzes.count
        context.isTest = matter.isTest
        context.passMark = matter.passMark ?? 0
        context.prev = neighbour(site.page(-1, from: id))
        context.next = neighbour(site.page(1, from: id))
        if let module = currentModule, page.kind == .module {
            context.lessons = site.modules[module].lessons.map(lessonCard)
        }
        if page.kind == .home { context.modules = moduleCards }
        return context
    }

    private var generatedPageValues: PageContext.PageValues {
        if let key = generated.titleKey {
            return PageContext.PageValues(title: theme.strings[key] ?? key, kind: generated.kind)
        }
        return PageContext.PageValues(title: site.config.title, description: site.config.description, kind: generated.kind)
    }

    private var siteValues: PageContext.SiteValues {
        var values = PageContext.SiteValues(
            title: site.config.title, home: here.relativeURL(to: SitePath("index.html")), description: site.config.description,
            organisation: site.config.organisation)
        if let licence = site.config.licenceTerms {
            values.licence = licence.preset.flatMap { theme.strings[$0.stringKey] } ?? licence.text
            values.licenceURL = licence.preset?.url(language: site.config.language)
        }
        if let attribution = site.config.attribution, attribution.author != nil || attribution.sourceURL != nil {
            values.attribution = PageContext.Attribution(author: attribution.author, sourceURL: attribution.sourceURL)
        }
        if !site.config.upstream.isEmpty {
            values.modifiedFrom = site.config.upstream.map {
                PageContext.Upstream(
                    title: $0.title, organisation: $0.organisation, version: $0.version,
                    licence: $0.licence.map { licence in licence.preset.flatMap { theme.strings[$0.stringKey] } ?? licence.text })
            }
        }
        return values
    }

    private func pageValues(_ page: ParsedPage) -> PageContext.PageValues {
        let matter = page.frontMatter
        return PageContext.PageValues(
            title: matter.title, titleID: matter.titleID, description: matter.description, content: page.body.html(drawnBy: theme),
            kind: page.kind.rawValue,
            objectives: matter.objectives, minutes: matter.minutes.map(minutesText), updated: matter.updated, reviewBy: matter.reviewBy,
            sources: matter.sources.map(PageContext.SourceValues.init))
    }

    private var navigation: [PageContext.NavEntry] {
        let listed = site.modules.count <= Self.inlineModuleLimit ? Array(site.modules.indices) : currentModule.map { [$0] } ?? []
        return listed.map { index in
            let module = site.modules[index]
            let open = index == currentModule && !module.lessons.isEmpty
            return PageContext.NavEntry(
                title: module.title, href: here.relativeURL(to: module.sitePath), current: page != nil && module.overview == page,
                open: open,
                lessons: open ? module.lessons.map { lesson in
                    PageContext.Link(
                        title: site[page: lesson].frontMatter.title, href: here.relativeURL(to: site[page: lesson].sitePath),
                        current: lesson == page)
                } : nil)
        }
    }

    private var breadcrumbs: [PageContext.Link] {
        let homeCrumb = PageContext.Link(title: theme.strings["home"] ?? "", href: here.relativeURL(to: SitePath("index.html")))
        guard let page else { return generated.titleKey == nil ? [] : [homeCrumb] }
        guard site[page: page].kind != .home else { return [] }
        var crumbs = [homeCrumb]
        if let module = currentModule, site[page: page].kind == .lesson {
            crumbs.append(PageContext.Link(title: site.modules[module].title, href: here.relativeURL(to: site.modules[module].sitePath)))
        }
        return crumbs
    }

    private func neighbour(_ id: PageID?) -> PageContext.Link? {
        guard let id else { return nil }
        let page = site[page: id]
        return PageContext.Link(title: page.frontMatter.title, href: here.relativeURL(to: page.sitePath))
    }

    private func lessonCard(_ id: PageID) -> PageContext.Link {
        let page = site[page: id]
        return PageContext.Link(
            title: page.frontMatter.title, href: here.relativeURL(to: page.sitePath), description: page.frontMatter.description,
            minutes: page.frontMatter.minutes.map(minutesText))
    }

    private var moduleCards: [PageContext.ModuleCard] {
        site.modules.enumerated().map { index, module in
            let minutes = module.lessons.compactMap { site[page: $0].frontMatter.minutes }.reduce(0, +)
            let tests = module.lessons.filter { site[page: $0].frontMatter.isTest }.count
            return PageContext.ModuleCard(
                number: index + 1, title: module.title, href: here.relativeURL(to: module.sitePath), summary: module.summary,
                lessonCount: format("lesson_count", module.lessons.count - tests), testCount: tests > 0 ? format("test_count", tests) : nil,
                minutes: minutes > 0 ? minutesText(minutes) : nil)
        }
    }

    private func minutesText(_ minutes: Int) -> String { format("minutes", minutes) }

    /// The theme's words for a count (`{n} 分`); the bare number when the theme has no such words.
    private func format(_ key: String, _ number: Int) -> String {
        // Every `{n}`, byte for byte: Foundation's replacingOccurrences cost a lookup per page.
        (theme.strings[key] ?? "{n}").replacingUTF8Occurrences(of: "{n}", with: String(number))
    }
}
