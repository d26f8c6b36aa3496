import KenshuContent
import KenshuCore
import KenshuMarkdown

/// Files in the content folder that no page links to, which the build still publishes.
///
/// Whatever lies in the content folder is copied into the site: a working spreadsheet or an internal
/// memo saved beside a lesson would be published (and exported) without anyone having linked it.
/// Each such file is a warning at the file, so the author moves it out or links it on purpose. Files a
/// web server or an HTML file of the course loads (robots.txt, a demo's styles) and glossary sources count as used.
enum UnlinkedFiles {
    /// The content paths of the files page `page` uses: its links and images, and its sources' relative URLs.
    static func used(by page: ParsedPage, among assets: Set<String>) -> Set<String> {
        var used: Set<String> = []
        for link in page.body.links {
            if case .content(let path, _) = link.target, assets.contains(path) { used.insert(path) }
        }
        let folder = page.file.relativePath.split(separator: "/").dropLast().joined(separator: "/")
        for source in page.frontMatter.sources {
            guard let url = source.url, let path = relativePath(url, from: folder), assets.contains(path) else { continue }
            used.insert(path)
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

    /// Files a web server or an HTML file loads, not a page: hosting files at the root, and what web pages use.
    static let hostingFiles: Set<String> = [
        "robots.txt", "favicon.ico", "CNAME", "humans.txt", "sitemap.xml", "BingSiteAuth.xml", "manifest.json",
        "site.webmanifest", "browserconfig.xml", "ads.txt",
    ]
    static let webResourceExtensions: Set<String> = ["css", "js", "mjs", "map", "woff", "woff2", "ttf", "otf", "eot", "json", "wasm"]

    /// One warning for each file that no page uses (`uses` counts the pages that use each content path).
    /// None when raw HTML is allowed (it may load anything, in ways the Markdown stage does not record), or
    /// while a page could not be read or its front matter is not closed (its links are unknown).
    static func warnings(_ site: Site, uses: [String: Int]) -> [Diagnostic] {
        guard !site.config.allowRawHTML else { return [] }
        let unreadable: Set<MessageKey> = [.fileUnreadable, .notUTF8, .looksShiftJIS, .frontMatterUnclosed]
        if site.pages.contains(where: { page in page.body.diagnostics.contains { unreadable.contains($0.message.key) } }) { return [] }
        // An HTML file in the course loads what lies beside it and below (its styles, scripts and images); one at
        // the content root, only what lies beside it.
        let webFolders = site.assets.compactMap { asset -> String? in
            let path = asset.file.relativePath.lowercased()
            guard path.hasSuffix(".html") || path.hasSuffix(".htm") else { return nil }
            return asset.file.relativePath.split(separator: "/").dropLast().joined(separator: "/")
        }
        let glossarySources = Set(site.glossary.compactMap { $0.sourceURL.flatMap { relativePath($0, from: "") } })
        return site.assets.compactMap { asset in
            let path = asset.file.relativePath
            guard uses[path, default: 0] == 0, !glossarySources.contains(path) else { return nil }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let folder = path.split(separator: "/").dropLast().joined(separator: "/")
            if !path.contains("/"), hostingFiles.contains(name) || (name.hasPrefix("google") && name.hasSuffix(".html")) { return nil }
            if let dot = name.lastIndex(of: "."), webResourceExtensions.contains(name[name.index(after: dot)...].lowercased()) { return nil }
            let isHTML = name.lowercased().hasSuffix(".html") || name.lowercased().hasSuffix(".htm")
            if !isHTML, webFolders.contains(where: { folder == $0 || (!$0.isEmpty && folder.hasPrefix($0 + "/")) }) { return nil }
            return .warning(.fileNotLinked, path, at: SourceLocation(path: asset.file.displayPath, line: 1, column: 1))
        }
    }

    /// How many pages use each of `assets`, counted over the whole site.
    static func uses(_ site: Site, assets: Set<String>) -> [String: Int] {
        var uses: [String: Int] = [:]
        for page in site.pages {
            for path in used(by: page, among: assets) { uses[path, default: 0] += 1 }
        }
        return uses
    }
}
