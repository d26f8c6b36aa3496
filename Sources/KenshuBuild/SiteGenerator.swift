import KenshuCore
import KenshuRender
import KenshuSite
import KenshuTheme

/// One file a generator adds to the site; it renders only when written or served.
public struct GeneratedFile: Sendable {
    /// When a file whose making is long work of its own is made, relative to the pages.
    public enum Start: Sendable {
        /// Among the pages, in folder order.
        case withPages
        /// Before any page, beside the pages' rendering, so that it does not run last on one core
        /// while the others wait (the print view).
        case early
        /// Before everything else, on its own, with every core to itself: its working memory is
        /// large for a while (the search index being built), so it must not add to the pages' and
        /// the print view's at the same moment.
        case alone
    }

    public var path: SitePath
    /// When the file is made relative to the pages (most files: among them).
    public var start: Start
    public var render: @Sendable () -> RenderedSite.Page

    public init(path: SitePath, start: Start = .withPages, render: @escaping @Sendable () -> RenderedSite.Page) {
        self.path = path
        self.start = start
        self.render = render
    }
}

/// An output of the pipeline (`Site → files`): the progress page, `course.js`, later the search
/// index, the print view and exports. Generators are plug-ins: the pipeline runs whatever list it is given.
public protocol SiteGenerator: Sendable {
    /// The step's name, for progress, timings and messages.
    var name: String { get }
    func files(for site: Site, theme: Theme) -> [GeneratedFile]
}

/// A change to the whole site before it is rendered (`Site → Site`): glossary links, overlays,
/// variables. Transforms run in order after the site is built and before any generator.
public protocol SiteTransform: Sendable {
    var name: String { get }
    func apply(to site: Site, diagnostics: inout Diagnostics) -> Site
}

/// The generators every site has.
public enum StandardGenerators {
    public static let all: [any SiteGenerator] = [
        GeneratedHome(), TableOfContents(), ThemeStrings(), ProgressPage(), CourseScript(), GlossaryGenerator(), PrintGenerator(),
        SearchGenerator(),
    ]

    /// `index.html` when the content has no home page: the module cards alone.
    struct GeneratedHome: SiteGenerator {
        let name = "home"
        func files(for site: Site, theme: Theme) -> [GeneratedFile] {
            guard site.home == nil else { return [] }
            return [GeneratedFile(path: SitePath("index.html")) { SiteRenderer.renderGeneratedHome(of: site, theme: theme) }]
        }
    }

    /// `toc.js` for courses too large to list every module inline.
    struct TableOfContents: SiteGenerator {
        let name = "toc.js"
        /// The script depends only on the modules' titles and paths; most edits change neither.
        private let last = LastResult<[String], RenderedSite.Page?>()

        func files(for site: Site, theme: Theme) -> [GeneratedFile] {
            let key = site.modules.flatMap { [$0.title, $0.sitePath.value] }
            guard let page = last.value(for: key, make: { SiteRenderer.tableOfContentsScript(of: site) }) else { return [] }
            return [GeneratedFile(path: page.path) { page }]
        }
    }

    /// `strings.js`: the theme's words for the scripts, loaded by every page.
    struct ThemeStrings: SiteGenerator {
        let name = "strings.js"
        func files(for site: Site, theme: Theme) -> [GeneratedFile] {
            [GeneratedFile(path: SitePath("strings.js")) { SiteRenderer.stringsScript(theme: theme) }]
        }
    }

    struct ProgressPage: SiteGenerator {
        let name = "progress.html"
        func files(for site: Site, theme: Theme) -> [GeneratedFile] {
            [GeneratedFile(path: GeneratedPagePaths.progress) { SiteRenderer.renderProgressPage(of: site, theme: theme) }]
        }
    }

    struct CourseScript: SiteGenerator {
        let name = "course.js"
        func files(for site: Site, theme: Theme) -> [GeneratedFile] {
            [GeneratedFile(path: SitePath("course.js")) { SiteRenderer.courseScript(of: site) }]
        }
    }
}
