import Foundation
import KenshuContent
import KenshuCore
import KenshuMarkdown

/// Checks every link an author wrote against the pages, headings and files of the course,
/// and says which existing target was probably meant.
struct LinkValidator {
    let site: Site
    let pagesByPath: [String: Int]
    private let assetPaths: Set<String>
    /// `check: ignore:` patterns of site.yml: broken internal links they match are warnings, not errors.
    private let ignore: [NSRegularExpression]
    /// Ids the theme adds to every page, valid as fragments although no heading has them.
    static let themeIDs: Set<String> = ["", "top", "main", "content"]

    init(site: Site, pagesByPath known: [String: Int]? = nil) {
        self.site = site
        if let known {
            pagesByPath = known
        } else {
            var pages: [String: Int] = [:]
            pages.reserveCapacity(site.pages.count)
            for (index, page) in site.pages.enumerated() { pages[page.file.relativePath] = index }
            pagesByPath = pages
        }
        assetPaths = Set(site.assets.map(\.file.relativePath))
        ignore = site.config.externalIgnore.compactMap { try? NSRegularExpression(pattern: $0) }
    }

    func validate() -> [Diagnostic] {
        site.pages.flatMap { page in page.body.links.compactMap { check($0, in: page) } }
    }

    /// The problems of one page's links.
    func validate(page index: Int) -> [Diagnostic] {
        site.pages[index].body.links.compactMap { check($0, in: site.pages[index]) }
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
    func linkedPages(of index: Int) -> [Int] {
        site.pages[index].body.links.compactMap { link in
            if case .content(let path, _) = link.target { return pagesByPath[path] }
            return nil
        }
    }

    private func check(_ link: LinkRecord, in page: ParsedPage) -> Diagnostic? {
        guard let problem = problem(link, in: page) else { return nil }
        guard problem.severity == .error, isIgnored(link) else { return problem }
        // ja: （site.yml の 'check: ignore' に一致するため、エラーではなく警告にしています）
        return .warning(at: problem.location, problem.message + " (ignored: it matches 'check: ignore' in site.yml)")
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
            return checkFragment(fragment, of: page, link: link, targetName: "this page")
        case .outsideContent:
            return .error(
                at: link.location, "link '\(link.destination)' leads outside the content folder",
                fix: "copy what it points to into the content folder and link to the copy")
        case .rootRelative:
            return .warning(
                at: link.location, "link '\(link.destination)' starts with '/', which breaks when the site is opened from a file share",
                fix: "write it relative to this file, for example '../01-intro/index.md'")
        case .content(let path, let fragment):
            if path.hasSuffix(".md") || path.lowercased().hasSuffix(".md") {
                guard let targetIndex = pagesByPath[path] else {
                    let candidates = pagesByPath.keys.map { relative(from: page.file.relativePath, to: $0) }
                    let written = link.destination.split(separator: "#").first.map(String.init) ?? link.destination
                    return .error(
                        at: link.location, "link '\(link.destination)' points to a page that does not exist",
                        fix: ClosestMatch.find(written, among: candidates).map { "did you mean '\($0)'?" }
                            ?? "check the file name and folder; lessons are linked as '../01-module/02-lesson.md'")
                }
                return fragment.flatMap { checkFragment($0, of: site.pages[targetIndex], link: link, targetName: "'\(path)'") }
            }
            guard assetPaths.contains(path) else {
                let candidates = assetPaths.map { relative(from: page.file.relativePath, to: $0) }
                return .error(
                    at: link.location, "\(link.kind == .image ? "image" : "link") '\(link.destination)' points to a file that does not exist",
                    fix: ClosestMatch.find(link.destination, among: candidates).map { "did you mean '\($0)'?" }
                        ?? "put the file beside the lesson, for example in an 'images/' folder")
            }
            return nil
        }
    }

    private func checkFragment(_ fragment: String, of target: ParsedPage, link: LinkRecord, targetName: String) -> Diagnostic? {
        guard !Self.themeIDs.contains(fragment), !target.body.headingIDs.contains(fragment),
              !target.body.anchorIDs.contains(fragment) else { return nil }
        let ids = target.body.headings.map(\.id)
        let suggestion = ClosestMatch.find(fragment, among: ids + target.body.anchorIDs.sorted())
            ?? ids.first { $0 == HeadingSlugger.baseSlug(for: fragment) }
        return .error(
            at: link.location, "link '\(link.destination)': \(targetName) has no heading with id '\(fragment)'",
            fix: suggestion.map { "did you mean '#\($0)'?" }
                ?? (ids.isEmpty ? "that page has no headings; link to the page without '#…'"
                    : "its headings are: " + ids.prefix(8).map { "#\($0)" }.joined(separator: ", ")))
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
