import KenshuContent
import KenshuCore
import KenshuMarkdown

/// Stage 3: puts parsed pages in reading order, groups them into modules and checks every link.
public enum SiteBuilder {
    /// The pages to parse, in reading order, with the module each belongs to.
    ///
    /// A module without `index.md` still gets an overview page (file `nil`), titled after its folder.
    public static func readingOrder(of tree: ContentTree) -> [(file: ContentFile?, kind: ParsedPage.Kind, module: Int?)] {
        var order: [(ContentFile?, ParsedPage.Kind, Int?)] = []
        if let home = tree.home { order.append((home, .home, nil)) }
        for (index, module) in tree.modules.enumerated() {
            order.append((module.index, .module, index))
            order += module.lessons.map { ($0, .lesson, index) }
        }
        return order.map { (file: $0.0, kind: $0.1, module: $0.2) }
    }

    /// Builds the site from pages parsed in ``readingOrder(of:)``.
    ///
    /// - Parameter incremental: for the preview server: a cache of link results from the last build of the
    ///   same course shape, and the pages that changed since. Only those pages' links, and the links
    ///   pointing at them, are checked again.
    public static func build(tree: ContentTree, pages: [ParsedPage], diagnostics: inout Diagnostics) -> Site {
        var none: LinkCheckCache?
        return build(tree: tree, pages: pages, diagnostics: &diagnostics, cache: &none, changed: [])
    }

    /// - Parameters:
    ///   - cache: link results from the last build of the same course shape (filled when empty).
    ///   - changed: the pages that changed since; only their links, and links pointing at them, are checked again.
    ///   - order: ``readingOrder(of:)`` of `tree`, when the caller has it already.
    public static func build(
        tree: ContentTree, pages: [ParsedPage], diagnostics: inout Diagnostics, cache: inout LinkCheckCache?, changed: Set<PageID>,
        order known: [(file: ContentFile?, kind: ParsedPage.Kind, module: Int?)]? = nil
    ) -> Site {
        let order = known ?? readingOrder(of: tree)
        var modules: [Site.Module] = tree.modules.map { folder in
            Site.Module(
                title: OrderPrefix.strip(folder.folder), summary: nil,
                sitePath: SitePath.forContent(folder.folder + "/index.md"), overview: nil, lessons: [])
        }
        var home: PageID?
        // By index, reading fields in place: copying each entry (its file's three strings) costs more than the work.
        for pageIndex in order.indices {
            let id = PageID(position: pageIndex), kind = order[pageIndex].kind
            if kind == .home { home = id }
            guard kind != .home, let module = order[pageIndex].module else { continue }
            if kind == .lesson {
                modules[module].lessons.append(id)
                continue
            }
            modules[module].overview = id
            if order[pageIndex].file != nil {
                modules[module].title = pages[pageIndex].frontMatter.title
                modules[module].summary = pages[pageIndex].frontMatter.description
            }
        }
        for (index, folder) in tree.modules.enumerated() where folder.index == nil && !tree.foldersBesideBase.contains(folder.folder) {
            diagnostics.append(.warning(
                .moduleWithoutIndex, folder.folder, modules[index].title,
                at: SourceLocation(path: (folder.lessons.first?.displayPath ?? folder.folder), line: 1, column: 1)))
        }
        let assets = tree.assets.map { (file: $0, sitePath: SitePath.forContent($0.relativePath)) }
        var site = Site(
            config: tree.config, pages: pages, modules: modules, home: home, assets: assets,
            moduleOfPage: order.map(\.module), glossary: tree.glossary)
        site.unpublishedMarkdown = Set(tree.unpublishedMarkdown)
        for page in pages { diagnostics.append(contentsOf: page.body.diagnostics) }
        if var filled = cache, filled.isFilled(for: pages.count) {
            diagnostics.append(contentsOf: filled.duplicates)
            filled.update(site: site, changed: changed)
            diagnostics.append(contentsOf: filled.linkDiagnostics)
            diagnostics.append(contentsOf: UnlinkedFiles.warnings(site, uses: filled.fileUses))
            cache = filled
            return site
        }
        let duplicates = DuplicatePathCheck.check(site)
        diagnostics.append(contentsOf: duplicates)
        let validator = LinkValidator(site: site)
        if var empty = cache {
            empty.fill(site: site, validator: validator, duplicates: duplicates)
            diagnostics.append(contentsOf: empty.linkDiagnostics)
            diagnostics.append(contentsOf: UnlinkedFiles.warnings(site, uses: empty.fileUses))
            cache = empty
        } else {
            diagnostics.append(contentsOf: validator.validate())
            diagnostics.append(contentsOf: UnlinkedFiles.warnings(site, uses: UnlinkedFiles.uses(site, assets: validator.assetPaths)))
        }
        return site
    }
}

/// Two content files that would land on the same URL (`01-intro/` and `02-intro/`).
enum DuplicatePathCheck {
    static func check(_ site: Site) -> [Diagnostic] {
        var seen: [SitePath: String] = [:]
        var problems: [Diagnostic] = []
        let all = site.pages.map { ($0.sitePath, $0.file.displayPath) } + site.assets.map { ($0.sitePath, $0.file.displayPath) }
        for (path, display) in all {
            if let first = seen[path] {
                problems.append(.error(.urlCollision, first, path.value, at: SourceLocation(path: display, line: 1, column: 1)))
            } else {
                seen[path] = display
            }
        }
        return problems
    }
}
