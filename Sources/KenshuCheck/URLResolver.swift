import Foundation
import KenshuCore

/// Where a reference in a page leads, inside the checked site or elsewhere.
enum ResolvedReference: Equatable {
    /// http(s) and protocol-relative URLs: checked only with `--external`.
    case external(String)
    /// mailto:, tel:, javascript:, data: and other schemes that are not files.
    case ignored
    /// A path inside the site (relative to its root, decoded, NFC), with an optional fragment.
    case local(path: String, fragment: String?, isDirectory: Bool)
    case outsideSite
}

/// Resolves URLs the way a browser does for a page of a static site, without touching the disk.
enum URLResolver {
    /// - Parameters:
    ///   - page: the page's path relative to the site root (`intro/welcome.html`).
    ///   - base: the page's `<base href>`, if any.
    static func resolve(_ url: String, page: String, base: String?) -> ResolvedReference {
        var url = url
        if let base, !URLParts.hasScheme(url), !url.hasUTF8Prefix("//"), !url.hasUTF8Prefix("/") {
            // Relative URLs resolve against <base href>, fragments included.
            switch resolve(base, page: page, base: nil) {
            case .external(let absolute):
                // Resolved as a browser does (`https://a.jp/docs/x.html` + `y.html` → `https://a.jp/docs/y.html`), never pasted on.
                guard let base = URL(string: absolute), let resolved = URL(string: url, relativeTo: base)?.absoluteString else {
                    return .external(absolute)
                }
                return .external(resolved)
            case .local(let basePath, _, let isDirectory):
                let folder = isDirectory ? basePath : String(basePath.split(separator: "/").dropLast().joined(separator: "/"))
                url = "/" + (folder.isEmpty ? "" : folder + "/") + url
            case .outsideSite: return .outsideSite
            case .ignored: return .ignored
            }
        }
        if URLParts.hasScheme(url) {
            let lower = url.lowercased()
            return lower.hasPrefix("http:") || lower.hasPrefix("https:") ? .external(url) : .ignored
        }
        if url.hasUTF8Prefix("//") { return .external("https:" + url) }

        let (rest, fragment) = URLParts.split(url)
        if rest.isEmpty { return .local(path: page, fragment: fragment, isDirectory: false) }

        // By bytes throughout, as a browser reads a URL: a `/` is a separator even before a combining mark.
        var parts: [String] = rest.hasUTF8Prefix("/") ? [] : page.utf8.split(separator: UInt8(ascii: "/")).dropLast().map { String(Substring($0)) }
        let segments = rest.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for raw in segments {
            let segment = PercentEncoding.decode(String(Substring(raw)))
            switch segment {
            case "", ".": continue
            case "..":
                // A browser clamps `..` at the root of a path that starts at the root (`/../a.html` is `/a.html`);
                // a relative path that climbs above the site's folder leaves the site.
                if parts.isEmpty {
                    if rest.hasUTF8Prefix("/") { continue }
                    return .outsideSite
                }
                parts.removeLast()
            default:
                parts.append(contentsOf: segment.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) })
            }
        }
        let endsWithSlash = rest.hasUTF8Suffix("/") || rest.hasUTF8Suffix("/.") || rest.hasUTF8Suffix("/..")
        return .local(path: parts.joined(separator: "/"), fragment: fragment, isDirectory: endsWithSlash || parts.isEmpty)
    }
}
