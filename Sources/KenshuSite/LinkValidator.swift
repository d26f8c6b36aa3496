import Foundation
import KenshuContent
import KenshuCore
import KenshuMarkdown

/// Checks every link an author wrote against the pages, headings and files of the course,
/// and says which existing target was probably meant.
struct LinkValidator {
    let site: Site
    let pagesByPath: [String: PageID]
    /// The course's files (content paths), also what ``UnlinkedFiles`` counts uses of.
    let assetPaths: Set<String>
    /// Site path (`mod/mail.html`) → page, so that a link to a page's built name (as mdBook
    /// and hand-written sites link) is accepted like a link to its `.md` file.
    let pagesBySitePath: [String: PageID]
    /// `check: ignore:` patterns of site.yml: broken internal links they match are warnings, not errors.
    private let ignore: [NSRegularExpression]
    /// Ids the theme adds to every page, valid as fragments although no heading has them.
    static let themeIDs: Set<String> = ["", "top", "main", "content"]
    /// The pages the build makes besides the course's own (the progress page, the print view, and the glossary
    /// when `glossary.yml` has terms), at the site's root: the theme's header links them, and so may a lesson
    /// (`[用語集](../glossary.html)`). A fragment into the glossary is checked against its terms' ids here (the preview
    /// tells a wrong one too); into the other two, on the built pages.
    let generatedPages: Set<String>

    /// - Parameters known, knownSitePaths: the page maps of a validator for the same course shape
    ///   (the preview's cache keeps them, so an edit does not rebuild two 10,000-entry dictionaries).
    init(site: Site, pagesByPath known: [String: PageID]? = nil, pagesBySitePath knownSitePaths: [String: PageID]? = nil) {
        self.site = site
        if let known {
            pagesByPath = known
        } else {
            var pages: [String: PageID] = [:]
            pages.reserveCapacity(site.pages.count)
            for id in site.pageIDs { pages[site[page: id].file.relativePath] = id }
            pagesByPath = pages
        }
        assetPaths = Set(site.assets.map(\.file.relativePath))
        pagesBySitePath = knownSitePaths
            ?? Dictionary(site.pageIDs.map { (site[page: $0].sitePath.value, $0) }, uniquingKeysWith: { a, _ in a })
        ignore = site.config.externalIgnore.compactMap { try? NSRegularExpression(pattern: $0) }
        let always = [GeneratedPagePaths.progress.value, GeneratedPagePaths.print.value]
        generatedPages = Set(site.glossary.isEmpty ? always : always + [Self.glossaryPage])
    }

    static let glossaryPage = GeneratedPagePaths.glossary.value

    func validate() -> [Diagnostic] {
        site.pages.flatMap { page in page.body.links.compactMap { check($0, in: page) } }
    }

    /// The problems of one page's links.
    func validate(page id: PageID) -> [Diagnostic] {
        let page = site[page: id]
        return page.body.links.compactMap { check($0, in: page) }
    }

    /// The links that `check: ignore:` lets through, as `page\u{0}href` of the built site, so that the
    /// check of the built pages lets them through too (a pattern may name the `.md` the author wrote).
    func ignoredLinks() -> Set<String> {
        guard !ignore.isEmpty else { return [] }
        var result: Set<String> = []
        for page in site.pages {
            for link in page.body.links where isIgnored(link) { result.insert(page.sitePath.value + "\u{0}" + link.href) }
        }
        return result
    }

    /// The pages whose links point at page `index`, through any `.md` link.
    func linkedPages(of id: PageID) -> [PageID] {
        site[page: id].body.links.compactMap { link in
            if case .content(let path, _) = link.target { return pagesByPath[path] }
            return nil
        }
    }

    private func check(_ link: LinkRecord, in page: ParsedPage) -> Diagnostic? {
        guard let problem = problem(link, in: page) else { return nil }
        guard problem.severity == .error, isIgnored(link) else { return problem }
        var ignored = problem
        ignored.severity = .warning
        ignored.note = Message(.noteIgnoredByPattern)
        return ignored
    }

    /// Whether a `check: ignore:` pattern matches the link as written or as it stands in the built page.
    private func isIgnored(_ link: LinkRecord) -> Bool {
        ignore.contains { pattern in
            [link.destination, link.href].contains { text in
                pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
        }
    }

    private func problem(_ link: LinkRecord, in page: ParsedPage) -> Diagnostic? {
        switch link.target {
        case .external:
            return nil
        case .samePage(let fragment):
            return checkFragment(fragment, of: page, link: link, targetName: nil)
        case .outsideContent:
            return .error(.linkLeavesContent, link.destination, at: link.location)
        case .rootRelative:
            return .warning(.linkRootRelative, link.destination, at: link.location)
        case .content(let path, let fragment):
            if let fragment, let slip = hashInFileName(path: path, fragment: fragment, link: link) { return slip }
            if path.hasSuffix(".md") || path.lowercased().hasSuffix(".md") {
                guard let targetIndex = pagesByPath[path] else {
                    return .error(.linkToMissingPage, link.destination, at: link.location, fix: missingPageHint(path, link: link, from: page))
                }
                return fragment.flatMap { checkFragment($0, of: site[page: targetIndex], link: link, targetName: path) }
            }
            if path.lowercased().hasSuffix(".html"), let targetIndex = pagesBySitePath[SitePath.forContent(path).value] {
                return fragment.flatMap { checkFragment($0, of: site[page: targetIndex], link: link, targetName: path) }
            }
            if generatedPages.contains(path) && !assetPaths.contains(path) {
                // The glossary's entries are known here (the preview checks them too); the other pages' ids on the built pages.
                // Besides its terms, the glossary page has a heading for each row of the kana table (`gojuon-あ`).
                guard path == Self.glossaryPage, let fragment, !Self.themeIDs.contains(fragment), !fragment.hasPrefix("gojuon-") else { return nil }
                let ids = Glossary.ids(of: site.glossary)
                guard !ids.contains(fragment) else { return nil }
                return Diagnostic(
                    .error, Message(.fragmentMissingThere, link.destination, path, fragment), at: link.location,
                    fix: ClosestMatch.find(fragment, among: ids).map { Message(.fixDidYouMean, "#" + $0) })
            }
            // glossary.yml is read, not published: its terms are on the glossary page.
            if path == "glossary.yml", link.kind == .link, generatedPages.contains(Self.glossaryPage) {
                let spelled = relative(from: page.file.relativePath, to: Self.glossaryPage) + (fragment.map { "#" + $0 } ?? "")
                return .error(.linkToMissingFile, link.destination, at: link.location, fix: Message(.fixDidYouMean, spelled))
            }
            // Obsidian and Docusaurus link a page without its extension (`[x](02-移行手順)`); a module's folder
            // written without its final `/` (`../03-betsu`) is no file either.
            // (`..` from a module's page is the content folder itself: its page is the home page.)
            for (ending, written) in path.isEmpty ? [("index.md", "/")] : [(".md", ".md"), ("/index.md", "/")]
            where link.kind == .link && !assetPaths.contains(path) && pagesByPath[path + ending] != nil {
                let hash = link.destination.firstIndex(of: "#")
                let spelled = String(URLParts.split(link.destination).path) + written + (hash.map { String(link.destination[$0...]) } ?? "")
                return .error(.linkToMissingFile, link.destination, at: link.location, fix: Message(.fixDidYouMean, spelled))
            }
            // `.markdown` and its like are not published (K1054): the fix is the rename, not a file beside the lesson.
            if ContentLoader.stemOfOtherMarkdown(path) != nil {
                let written = String(URLParts.split(link.destination).path)
                let renamed = String(ContentLoader.stemOfOtherMarkdown(written) ?? written[...]) + ".md"
                return .error(.linkToMissingFile, link.destination, at: link.location, fix: Message(.fixRenameMarkdownFile, renamed))
            }
            guard assetPaths.contains(path) else {
                let candidates = assetPaths.map { relative(from: page.file.relativePath, to: $0) }
                    + (path.lowercased().hasSuffix(".html")
                        ? (Array(pagesByPath.keys) + generatedPages.sorted()).map { relative(from: page.file.relativePath, to: $0) } : [])
                return .error(
                    link.kind == .image ? .imageMissing : .linkToMissingFile, link.destination, at: link.location,
                    fix: ClosestMatch.find(link.destination, among: candidates).map { Message(.fixDidYouMean, $0) }
                        ?? Message(.fixPutFileBeside))
            }
            return nil
        }
    }

    /// What to do about a link to a page that is not there: a page hidden by `hide:` or a Markdown file that
    /// is no page is not a typo, and is said so; a lesson renamed under its number is offered; else the
    /// nearest name.
    private func missingPageHint(_ path: String, link: LinkRecord, from page: ParsedPage) -> Message {
        if ContentLayer.hides(path, entries: site.config.hidden) { return Message(.fixHiddenTarget, path) }
        if site.unpublishedMarkdown.contains(path) { return unpublishedHint(path, from: page) }
        let written = String(URLParts.split(link.destination).path)
        if let renamed = renamedLesson(path, written: written) {
            let fragment = link.destination.firstIndex(of: "#").map { String(link.destination[$0...]) } ?? ""
            return Message(.fixDidYouMean, renamed + fragment)
        }
        // GitHub shows a folder's README.md; Kenshu's page for a folder is its index.md.
        if let name = path.split(separator: "/").last, name.lowercased() == "readme.md",
           pagesByPath[String(path.dropLast(name.count)) + "index.md"] != nil, let range = written.range(of: name, options: .backwards) {
            return Message(.fixDidYouMean, written.replacingCharacters(in: range, with: "index.md"))
        }
        let candidates = pagesByPath.keys.map { relative(from: page.file.relativePath, to: $0) }
        return ClosestMatch.find(written, among: candidates).map { Message(.fixDidYouMean, $0) } ?? Message(.fixLinkLessons)
    }

    /// The lesson of the same folder that the link most likely meant (``RenamedSibling``), written as the link was.
    private func renamedLesson(_ path: String, written: String) -> String? {
        guard let name = path.split(separator: "/").last, let nameRange = written.range(of: name, options: .backwards),
              let sibling = RenamedSibling.find(for: path, among: pagesByPath.keys), let chosen = sibling.split(separator: "/").last else { return nil }
        return written.replacingCharacters(in: nameRange, with: chosen)
    }

    /// A link to a Markdown file that exists but is no page (K1005): where to move it, instead of a
    /// guess at another page's name.
    private func unpublishedHint(_ path: String, from page: ParsedPage) -> Message {
        let parts = path.split(separator: "/")
        if parts.count > 2 { return Message(.fixUnpublishedTargetDeep, path, String(parts[0])) }
        let ownFolder = page.file.relativePath.split(separator: "/").dropLast().first
        let anyFolder = site.pages.lazy.compactMap { $0.file.relativePath.split(separator: "/").dropLast().first }.first
        return Message(.fixUnpublishedTargetRoot, path, String(ownFolder ?? anyFolder ?? "01-intro"))
    }

    /// A file whose name holds `#` (`C#入門.md`), linked as it is named: the `#` starts a fragment, so
    /// the link names a file that does not exist. Says so, with the `%23` spelling.
    private func hashInFileName(path: String, fragment: String, link: LinkRecord) -> Diagnostic? {
        guard pagesByPath[path] == nil, !assetPaths.contains(path) else { return nil }
        let nameTail = fragment.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? fragment
        let whole = path + "#" + nameTail
        guard pagesByPath[whole] != nil || assetPaths.contains(whole), let hash = link.destination.range(of: "#") else { return nil }
        var spelled = link.destination
        spelled.replaceSubrange(hash, with: "%23")
        let key: MessageKey = whole.lowercased().hasSuffix(".md") ? .linkToMissingPage : link.kind == .image ? .imageMissing : .linkToMissingFile
        return .error(key, link.destination, at: link.location, fix: Message(.fixHashInFileName, spelled))
    }

    /// - Parameter targetName: the content path of the other page, `nil` for this page.
    private func checkFragment(_ fragment: String, of target: ParsedPage, link: LinkRecord, targetName: String?) -> Diagnostic? {
        guard !Self.themeIDs.contains(fragment), !target.body.headingIDs.contains(fragment),
              !target.body.anchorIDs.contains(fragment) else { return nil }
        let ids = target.body.headings.map(\.id)
        let suggestion = ClosestMatch.find(fragment, among: ids + target.body.anchorIDs.sorted())
            ?? ids.first { $0 == HeadingSlugger.baseSlug(for: fragment) }
        let message = targetName.map { Message(.fragmentMissingThere, link.destination, $0, fragment) }
            ?? Message(.fragmentMissingHere, link.destination, fragment)
        let fix = suggestion.map { Message(.fixDidYouMean, "#" + $0) }
            ?? (ids.isEmpty ? Message(.fixPageHasNoHeadings) : Message(.fixHeadingsAre, ids.prefix(8).map { "#\($0)" }.joined(separator: ", ")))
        return Diagnostic(.error, message, at: link.location, fix: fix)
    }

    /// `to` written relative to the folder of `from`, as an author would type it.
    private func relative(from: String, to: String) -> String {
        let fromParts = from.split(separator: "/").dropLast()
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count - 1,
              fromParts[fromParts.startIndex + common] == toParts[common] { common += 1 }
        return (Array(repeating: "..", count: fromParts.count - common) + toParts[common...].map(String.init))
            .joined(separator: "/")
    }
}
