import KenshuCore
import KenshuSite
import KenshuTheme

/// The values a template sees for one page; the README's theme section lists them.
///
/// Navigation holds the modules and only the current module's lessons, so a page's size does
/// not grow with the number of lessons in the course.
struct PageContext {
    /// Up to this many modules are listed in every page's sidebar; a larger course lists only the
    /// current module and loads the rest from the shared `toc.js`, so pages stay the same size.
    static let inlineModuleLimit = 30

    let site: Site
    let pageIndex: Int?
    let theme: Theme
    /// A page Kenshu writes itself (the progress page, a missing home), when `pageIndex` is `nil`.
    var generated = GeneratedPage.home
    /// Values a generated page adds for its own template (the glossary's rows, the print view's sections).
    var extra: [String: Any] = [:]

    /// A page with no content file behind it.
    struct GeneratedPage {
        var path: SitePath
        var kind: String
        var titleKey: String?

        static let home = GeneratedPage(path: SitePath("index.html"), kind: "home", titleKey: nil)
        static let progress = GeneratedPage(path: SitePath("progress.html"), kind: "progress", titleKey: "progress_title")
        static let glossary = GeneratedPage(path: SitePath("glossary.html"), kind: "glossary", titleKey: "glossary_title")
        static let print = GeneratedPage(path: SitePath("print.html"), kind: "print", titleKey: "print_title")
    }

    private var here: SitePath { pageIndex.map { site.pages[$0].sitePath } ?? generated.path }
    private var currentModule: Int? { pageIndex.flatMap { site.moduleOfPage[$0] } }

    var dictionary: [String: Any] {
        var context: [String: Any] = [
            "lang": site.config.language,
            "t": theme.strings,
            "root": here.rootPrefix,
            "assets": here.rootPrefix + "assets/",
            "site": siteValues,
            "nav": navigation,
            "nav_complete": site.modules.count <= Self.inlineModuleLimit,
            "breadcrumbs": breadcrumbs,
            "has_breadcrumbs": !breadcrumbs.isEmpty,
            "site_id": site.config.storageID,
            "page_path": here.value,
            "progress_href": here.relativeURL(to: GeneratedPage.progress.path),
            "strings_json": theme.stringsJSON,
            "has_glossary": !site.glossary.isEmpty,
            "glossary_href": here.relativeURL(to: GeneratedPage.glossary.path),
            "print_href": here.relativeURL(to: GeneratedPage.print.path),
        ]
        if let pageIndex {
            let page = site.pages[pageIndex]
            context["page"] = pageValues(page)
            let matter = page.frontMatter
            context["has_objectives"] = !matter.objectives.isEmpty
            context["has_sources"] = !matter.sources.isEmpty
            context["has_meta"] = matter.minutes != nil || matter.updated != nil || matter.reviewBy != nil
            let quizzes = page.body.blockIDs["quiz"] ?? []
            context["has_quizzes"] = !quizzes.isEmpty
            context["quiz_count"] = quizzes.count
            context["is_test"] = matter.isTest
            context["pass_mark"] = matter.passMark ?? 0
            if let prev = neighbour(pageIndex - 1) { context["prev"] = prev }
            if let next = neighbour(pageIndex + 1) { context["next"] = next }
        } else if let key = generated.titleKey {
            context["page"] = ["title": theme.strings[key] ?? key, "kind": generated.kind]
        } else {
            context["page"] = ["title": site.config.title, "description": site.config.description ?? "", "kind": generated.kind]
        }
        context.merge(extra) { $1 }
        if let module = currentModule, site.pages[pageIndex!].kind == .module {
            context["lessons"] = site.modules[module].lessonIndices.map(lessonCard)
        }
        if pageIndex == nil || site.pages[pageIndex!].kind == .home {
            context["modules"] = site.modules.indices.map { moduleCard($0, site.modules[$0]) }
        }
        return context
    }

    private var siteValues: [String: Any] {
        var values: [String: Any] = ["title": site.config.title, "home": here.relativeURL(to: SitePath("index.html"))]
        if let description = site.config.description { values["description"] = description }
        if let organisation = site.config.organisation { values["organisation"] = organisation }
        if let licence = site.config.licenceTerms {
            values["licence"] = licence.preset.flatMap { theme.strings[$0.stringKey] } ?? licence.text
            if let preset = licence.preset { values["licence_url"] = preset.url(language: site.config.language) }
        }
        if let attribution = site.config.attribution, attribution.author != nil || attribution.sourceURL != nil {
            var credit: [String: Any] = [:]
            if let author = attribution.author { credit["author"] = author }
            if let url = attribution.sourceURL { credit["source_url"] = url }
            values["attribution"] = credit
        }
        if !site.config.upstream.isEmpty {
            values["modified_from"] = site.config.upstream.map { course -> [String: Any] in
                var values: [String: Any] = ["title": course.title]
                if let organisation = course.organisation { values["organisation"] = organisation }
                if let version = course.version { values["version"] = version }
                if let licence = course.licence { values["licence"] = licence.preset.flatMap { theme.strings[$0.stringKey] } ?? licence.text }
                return values
            }
        }
        return values
    }

    private func pageValues(_ page: ParsedPage) -> [String: Any] {
        let matter = page.frontMatter
        var values: [String: Any] = [
            "title": matter.title,
            "content": page.body.html,
            "kind": page.kind.rawValue,
            "objectives": matter.objectives,
            "sources": matter.sources.map { source -> [String: Any] in
                var values: [String: Any] = ["title": source.title]
                if let url = source.url { values["url"] = url }
                if let accessed = source.accessed { values["accessed"] = accessed }
                return values
            },
        ]
        if let description = matter.description { values["description"] = description }
        if let minutes = matter.minutes { values["minutes"] = minutesText(minutes) }
        if let updated = matter.updated { values["updated"] = updated }
        if let reviewBy = matter.reviewBy { values["review_by"] = reviewBy }
        return values
    }

    private var navigation: [[String: Any]] {
        let listed = site.modules.count <= Self.inlineModuleLimit ? Array(site.modules.indices) : currentModule.map { [$0] } ?? []
        return listed.map { index in
            let module = site.modules[index]
            var entry: [String: Any] = [
                "title": module.title,
                "href": here.relativeURL(to: module.sitePath),
                "current": pageIndex != nil && module.pageIndex == pageIndex,
            ]
            if index == currentModule, !module.lessonIndices.isEmpty {
                entry["open"] = true
                entry["lessons"] = module.lessonIndices.map { lesson -> [String: Any] in
                    [
                        "title": site.pages[lesson].frontMatter.title,
                        "href": here.relativeURL(to: site.pages[lesson].sitePath),
                        "current": lesson == pageIndex,
                    ]
                }
            }
            return entry
        }
    }

    private var breadcrumbs: [[String: Any]] {
        let homeCrumb: [String: Any] = ["title": theme.strings["home"] ?? "ホーム", "href": here.relativeURL(to: SitePath("index.html"))]
        guard let pageIndex else { return generated.titleKey == nil ? [] : [homeCrumb] }
        guard site.pages[pageIndex].kind != .home else { return [] }
        var crumbs: [[String: Any]] = [homeCrumb]
        if let module = currentModule, site.pages[pageIndex].kind == .lesson {
            crumbs.append(["title": site.modules[module].title, "href": here.relativeURL(to: site.modules[module].sitePath)])
        }
        return crumbs
    }

    private func neighbour(_ index: Int) -> [String: Any]? {
        guard site.pages.indices.contains(index) else { return nil }
        let page = site.pages[index]
        return ["title": page.frontMatter.title, "href": here.relativeURL(to: page.sitePath)]
    }

    private func lessonCard(_ index: Int) -> [String: Any] {
        let page = site.pages[index]
        var card: [String: Any] = ["title": page.frontMatter.title, "href": here.relativeURL(to: page.sitePath)]
        if let description = page.frontMatter.description { card["description"] = description }
        if let minutes = page.frontMatter.minutes { card["minutes"] = minutesText(minutes) }
        return card
    }

    private func moduleCard(_ index: Int, _ module: Site.Module) -> [String: Any] {
        let minutes = module.lessonIndices.compactMap { site.pages[$0].frontMatter.minutes }.reduce(0, +)
        var card: [String: Any] = [
            "number": index + 1,
            "title": module.title,
            "href": here.relativeURL(to: module.sitePath),
            "lesson_count": format("lesson_count", module.lessonIndices.count, fallback: "{n} レッスン"),
        ]
        if let summary = module.summary { card["summary"] = summary }
        if minutes > 0 { card["minutes"] = minutesText(minutes) }
        return card
    }

    private func minutesText(_ minutes: Int) -> String { format("minutes", minutes, fallback: "{n} 分") }

    private func format(_ key: String, _ number: Int, fallback: String) -> String {
        (theme.strings[key] ?? fallback).replacingOccurrences(of: "{n}", with: String(number))
    }
}

import Foundation
