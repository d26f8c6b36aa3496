import KenshuCore
import KenshuSite
import KenshuTheme

/// What the page templates (`layout`, `lesson`, `module`, `home`, `progress`, `glossary`, `print`
/// and their partials) see: every value a theme can use, named as the theme writes it. The
/// README's theme section lists them; ``PageContextBuilder`` fills them from the ``Site``.
///
/// Navigation holds the modules and only the current module's lessons, so a page's size does
/// not grow with the number of lessons in the course.
public struct PageContext: TemplateContext {
    /// The names a template writes for these fields.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case lang, t, root, assets, site, page, nav, navComplete = "nav_complete", breadcrumbs, hasBreadcrumbs = "has_breadcrumbs"
        case siteID = "site_id", pagePath = "page_path", progressHref = "progress_href", stringsJSON = "strings_json"
        case hasGlossary = "has_glossary", glossaryHref = "glossary_href", printHref = "print_href"
        case hasObjectives = "has_objectives", hasSources = "has_sources", hasMeta = "has_meta"
        case hasQuizzes = "has_quizzes", quizCount = "quiz_count", isTest = "is_test", passMark = "pass_mark"
        case prev, next, lessons, modules
    }

    /// The site's language (`ja`, `en`), for `<html lang>`.
    public var lang: String
    /// The theme's words for that language (`t.next`).
    public var t: [String: String]
    /// From this page to the site root (`../`) and to `assets/` (`../assets/`).
    public var root: String
    public var assets: String
    public var site: SiteValues
    public var page: PageValues
    /// The sidebar: all modules (or only the current one, when `nav_complete` is false and `toc.js` has the rest).
    public var nav: [NavEntry]
    public var navComplete: Bool
    public var breadcrumbs: [Link]
    public var hasBreadcrumbs: Bool
    /// For the page's scripts: where progress is kept (`site_id`), this page's path from the root,
    /// the progress page, and the theme's words as JSON (`{{{strings_json}}}`: the default theme now
    /// loads `strings.js` instead; kept for themes exported before, whose layout writes it in the page).
    public var siteID: String
    public var pagePath: String
    public var progressHref: String
    public var stringsJSON: String
    /// The header's links to the glossary (when the course has one) and the print view.
    public var hasGlossary: Bool
    public var glossaryHref: String
    public var printHref: String
    public var hasObjectives = false
    public var hasSources = false
    /// The page gives a reading time, an update date or a review date.
    public var hasMeta = false
    public var hasQuizzes = false
    public var quizCount = 0
    /// A module test (`kind: test`) and its pass mark in percent.
    public var isTest = false
    public var passMark = 0
    /// The pages before and after this one in reading order.
    public var prev: Link?
    public var next: Link?
    /// A module page's lesson cards.
    public var lessons: [Link]?
    /// The home page's module cards.
    public var modules: [ModuleCard]?

    public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
        switch field {
        case .lang: lang
        case .t: t
        case .root: root
        case .assets: assets
        case .site: site
        case .page: page
        case .nav: nav
        case .navComplete: navComplete
        case .breadcrumbs: breadcrumbs
        case .hasBreadcrumbs: hasBreadcrumbs
        case .siteID: siteID
        case .pagePath: pagePath
        case .progressHref: progressHref
        case .stringsJSON: stringsJSON
        case .hasGlossary: hasGlossary
        case .glossaryHref: glossaryHref
        case .printHref: printHref
        case .hasObjectives: hasObjectives
        case .hasSources: hasSources
        case .hasMeta: hasMeta
        case .hasQuizzes: hasQuizzes
        case .quizCount: quizCount
        case .isTest: isTest
        case .passMark: passMark
        case .prev: prev
        case .next: next
        case .lessons: lessons
        case .modules: modules
        }
    }
}

/// A page Kenshu writes itself, with no content file behind it.
struct GeneratedPage {
    var path: SitePath
    var kind: String
    var titleKey: String?

    static let home = GeneratedPage(path: SitePath("index.html"), kind: "home", titleKey: nil)
    static let progress = GeneratedPage(path: GeneratedPagePaths.progress, kind: "progress", titleKey: "progress_title")
    static let glossary = GeneratedPage(path: GeneratedPagePaths.glossary, kind: "glossary", titleKey: "glossary_title")
    static let print = GeneratedPage(path: GeneratedPagePaths.print, kind: "print", titleKey: "print_title")
}

/// A generated page's own values (the glossary's rows, the print view's sections) over the page's:
/// a name is looked up in `own` first. Encodes as one object with both sets of fields.
public struct LayeredContext<Own: TemplateContext>: Encodable, TemplateLookup {
    public var own: Own
    public var page: PageContext

    public func child(named name: String) -> TemplateValue {
        let value = own.child(named: name)
        return value.isPresent ? value : page.child(named: name)
    }

    public func encode(to encoder: any Encoder) throws {
        try page.encode(to: encoder)
        try own.encode(to: encoder)
    }
}
