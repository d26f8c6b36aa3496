import Foundation
import KenshuCore

/// Decides what a link destination means and what the built page should say instead.
///
/// Every content path maps to its site path by a pure rule (``SitePath/forContent(_:)``),
/// so links can be rewritten here, page by page, before the whole site is known; whether the
/// target exists is checked later by the site stage.
enum LinkClassifier {
    /// - Parameter here: `SitePath.forContent(contentPath)`, when the caller has it already.
    static func classify(_ destination: String, from contentPath: String?, here: SitePath? = nil) -> (target: LinkTarget, href: String) {
        guard let contentPath, !destination.isEmpty else { return (.external, destination) }
        // Prefixes by bytes, as browsers and `kenshu check` read URLs: `#` followed by a combining
        // mark is still a fragment, though Swift reads the two as one character.
        if destination.hasUTF8Prefix("#") {
            let raw = String(decoding: destination.utf8.dropFirst(), as: UTF8.self)
            let fragment = PercentEncoding.decode(raw)
            // Browsers compare fragments code point by code point: an NFD `#が` never finds the NFC id.
            // (Swift's `==` would call them equal: it compares canonically.)
            let asWritten = (raw.removingPercentEncoding ?? raw).unicodeScalars
            let written = asWritten.elementsEqual(fragment.unicodeScalars) ? destination : "#" + PercentEncoding.encodeFragment(fragment)
            return (.samePage(fragment: fragment), written)
        }
        if URLParts.hasScheme(destination) || destination.hasUTF8Prefix("//") { return (.external, destination) }
        if destination.hasUTF8Prefix("/") { return (.rootRelative, destination) }

        let (rest, fragment) = URLParts.split(destination)
        var path = PercentEncoding.decode(String(rest))
        if path.isEmpty { return (.samePage(fragment: fragment ?? ""), destination) }
        if path.hasSuffix("/") { path += "index.md" }
        guard let resolved = resolve(path, relativeTo: contentPath) else { return (.outsideContent, destination) }
        let here = here ?? SitePath.forContent(contentPath)
        let href = here.relativeURL(to: SitePath.forContent(resolved), fragment: fragment)
        return (.content(path: resolved, fragment: fragment), href)
    }

    /// `../02-x/a.md` seen from `01-intro/b.md` → `02-x/a.md`; `nil` when it climbs above the root.
    static func resolve(_ path: String, relativeTo file: String) -> String? {
        var parts = Array(file.slashSegments().dropLast())
        for part in path.slashSegments() {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
