import KenshuContent
import KenshuCore
import KenshuMarkdown

/// Files in the content folder that no page links to, which the build still publishes.
///
/// Whatever lies in the content folder is copied into the site: a working spreadsheet or an internal
/// memo saved beside a lesson would be published (and exported) without anyone having linked it.
/// Each such file is a warning at the file, so the author moves it out or links it on purpose.
enum UnlinkedFiles {
    /// The content paths of the files page `page` uses: its links and images, and its sources' relative URLs.
    static func used(by page: ParsedPage, among assets: Set<String>) -> [String] {
        var used: [String] = []
        for link in page.body.links {
            if case .content(let path, _) = link.target, assets.contains(path) { used.append(path) }
        }
        let folder = page.file.relativePath.split(separator: "/").dropLast().joined(separator: "/")
        for source in page.frontMatter.sources {
            guard let url = source.url, let path = relativePath(url, from: folder), assets.contains(path) else { continue }
            used.append(path)
        }
        return used
    }

    /// A relative URL as a content path (`../資料/a.pdf` from `01-x` → `資料/a.pdf`); `nil` for a URL with
    /// a scheme, one from the root, or one that climbs out.
    static func relativePath(_ url: String, from folder: String) -> String? {
        let bare = String(url.prefix { $0 != "#" && $0 != "?" })
        guard !bare.isEmpty, !bare.hasPrefix("/"), !bare.prefix(while: { $0 != "/" }).contains(":") else { return nil }
        var parts = folder.split(separator: "/").map(String.init)
        for part in PercentEncoding.decode(bare).split(separator: "/") where part != "." {
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// One warning for each file that no page uses (`uses` counts the pages that use each content path).
    static func warnings(_ site: Site, uses: [String: Int]) -> [Diagnostic] {
        site.assets.compactMap { asset in
            guard uses[asset.file.relativePath, default: 0] == 0 else { return nil }
            return .warning(.fileNotLinked, asset.file.relativePath, at: SourceLocation(path: asset.file.displayPath, line: 1, column: 1))
        }
    }

    /// How many pages use each file, counted over the whole site.
    static func uses(_ site: Site) -> [String: Int] {
        let assets = Set(site.assets.map(\.file.relativePath))
        var uses: [String: Int] = [:]
        for page in site.pages {
            for path in Set(used(by: page, among: assets)) { uses[path, default: 0] += 1 }
        }
        return uses
    }
}
