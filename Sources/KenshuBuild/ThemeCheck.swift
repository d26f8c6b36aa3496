import KenshuCheck
import KenshuCore
import KenshuRender
import KenshuSite

/// The checks `build` makes on rendered HTML, made in preview on one page of each kind whenever
/// the course's shape or theme changes: a broken link in the theme fails the preview as it fails
/// the build, without rendering 10,000 pages on every save.
public enum ThemeCheck {
    public static func check(_ rendered: RenderedSite, site: Site, contentDirectory: String) -> [Diagnostic] {
        var sample: [Int] = []
        var seenKinds: Set<String> = []
        for (index, page) in site.pages.enumerated() {
            let kind = page.kind.rawValue + (page.frontMatter.isTest ? "-test" : "")
            if seenKinds.insert(kind).inserted { sample.append(index) }
        }
        sample += (site.pages.count..<rendered.pagePaths.count).filter { rendered.pagePaths[$0].value.hasSuffix(".html") }
        let files = SiteFiles(paths: rendered.pagePaths.map(\.value) + rendered.copies.map(\.path.value))
        var checker = FolderChecker(files: files)
        let results = sample.map { index -> PageResult in
            let page = rendered.renderPage(index)
            return checker.check(page.path.value, html: page.html)
        }
        let report = SiteChecker.report(results, root: contentDirectory, sources: [:])
        let findings = report.findings.filter { $0.reason != .orphan && $0.severity == .error }
        let written = findings.isEmpty ? [] : authorsTargets(site)
        return findings.filter { finding in
            // A link the author wrote is reported at its Markdown line (K5005…), as the build reports it; print.html
            // writes `#x` of lesson 2 as `#print-2-x`.
            guard let path = Builder.sitePath(of: finding.target, from: finding.file) else { return true }
            let fragment = URLParts.split(finding.target).fragment ?? ""
            return !written.contains(path + "#" + fragment) && !written.contains("#" + (printedFragment(fragment) ?? "\u{0}"))
        }.map { finding in
            let first = finding.occurrences.first ?? (1, 1)
            return Diagnostic(finding.severity, finding.message, at: SourceLocation(path: finding.file, line: first.line, column: first.column))
        }
    }

    /// The fragment an author wrote, from print.html's `print-2-x` (lesson 2's `#x`); `nil` for any other.
    private static func printedFragment(_ fragment: String) -> String? {
        guard fragment.hasPrefix("print-") else { return nil }
        let rest = fragment.dropFirst(6)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, rest.dropFirst(digits.count).first == "-" else { return nil }
        return String(rest.dropFirst(digits.count + 1))
    }

    /// Where the course's own links lead (`site/path.html#fragment`, the fragment empty when there is none), and
    /// each fragment written alone (`#fragment`, for print.html's renamed ones),
    /// made only when the sampled pages have a broken link.
    private static func authorsTargets(_ site: Site) -> Set<String> {
        var targets: Set<String> = []
        for page in site.pages {
            for link in page.body.links {
                switch link.target {
                case .content(let path, let fragment):
                    targets.insert(SitePath.forContent(path).value + "#" + (fragment ?? ""))
                    if let fragment { targets.insert("#" + fragment) }
                case .samePage(let fragment):
                    targets.insert(page.sitePath.value + "#" + fragment)
                    targets.insert("#" + fragment)
                default: break
                }
            }
        }
        return targets
    }
}
