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
        // Prefixes by bytes, as browsers and `kenshu check` read URLs: `#` followed by a mark or a joiner
        // (anything that extends a grapheme: U+0301, U+200D, ﾞ…) is still a fragment, though Swift reads the
        // two as one character.
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
        if path.hasUTF8Suffix("/") { path += "index.md" }
        guard let resolved = resolve(path, relativeTo: contentPath) else { return (.outsideContent, destination) }
        let here = here ?? SitePath.forContent(contentPath)
        let href = here.relativeURL(to: SitePath.forContent(resolved), fragment: fragment)
        return (.content(path: resolved, fragment: fragment), href)
    }

    /// `../02-x/a.md` seen from `01-intro/b.md` → `02-x/a.md`; `""` for the content folder itself (`..` from a module's
    /// page, a folder written without its `/`, which the site stage tells); `nil` when it climbs above the root.
    /// Paths are cut at every `/` byte, as `kenshu check` and browsers cut them, even before a mark.
    static func resolve(_ path: String, relativeTo file: String) -> String? {
        func segments(_ text: String) -> [Substring] {
            text.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        }
        var parts = Array(segments(file).dropLast())
        for part in segments(path) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
