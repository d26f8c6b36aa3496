import Foundation
import KenshuCore

/// What checking one page found on its own, before other pages' anchors are known.
/// Opaque outside the checker: pages are checked by ``FolderChecker`` and joined by ``SiteChecker/report(_:root:sources:)``.
public struct PageResult: Sendable {
    struct Problem: Sendable {
        var severity: Diagnostic.Severity
        var url: String
        var reason: LinkFinding.Reason
        var line: Int
        var column: Int
        /// The name of a file beside the missing one that it was probably meant to be (`bom.html` for `bomx.html`).
        var guess: String?
    }

    /// A link with a fragment into another page: checked once every page's anchors are known.
    struct PendingFragment: Sendable {
        var target: String
        var fragment: String
        var url: String
        var line: Int
        var column: Int
    }

    struct ExternalUse: Sendable {
        var url: String
        var absolute: String
        var line: Int
        var column: Int
    }

    var page: String
    /// Hashes of the page's ids and `<a name>`s: small to keep for 10,000 pages, and only compared within one run.
    var anchors: AnchorHashes
    var problems: [Problem] = []
    var fragments: [PendingFragment] = []
    var external: [ExternalUse] = []
    /// Files this page links to (for orphan warnings), each once. An array, not a `Set`: kept for
    /// every page until the end, where a set's hash table was the largest part of the check's memory.
    var linked: [String] = []
    var references = 0

    /// Parses `html` and checks what can be checked from the file list alone.
    /// - Parameter cache: resolutions shared by the pages of one folder.
    static func check(_ page: String, html: String, files: SiteFiles, cache: inout [ReferenceKey: ResolvedReference]) -> PageResult {
        check(page, scan: PageScan.scan(html), files: files, cache: &cache)
    }

    /// Checks what `scan` found in the page (made at once or part by part).
    /// - Parameters:
    ///   - largePage: a page with more references than this is checked in slices of `sliceSize` on all cores.
    static func check(
        _ page: String, scan: PageScan, files: SiteFiles, cache: inout [ReferenceKey: ResolvedReference],
        largePage: Int = PageResult.largePage, sliceSize: Int = PageResult.sliceSize
    ) -> PageResult {
        var result = PageResult(page: page, anchors: AnchorHashes(hashes: scan.anchors))
        result.references = scan.references.count
        let parts: [Part]
        if scan.references.count > largePage {
            // print.html (the whole course, 600,000 references at 10,000 lessons): its references are
            // checked in slices on all cores (it is the last page to finish), then joined in order.
            let slices = stride(from: 0, to: scan.references.count, by: sliceSize).map { $0..<min($0 + sliceSize, scan.references.count) }
            let shared = cache
            parts = Parallel.map(slices) { slice in
                var local = shared
                return Part.check(scan.references[slice], page: page, scan: scan, files: files, cache: &local)
            }
        } else {
            parts = [Part.check(scan.references[...], page: page, scan: scan, files: files, cache: &cache)]
        }
        var linked: Set<String> = []
        for part in parts {
            result.problems += part.problems
            result.fragments += part.fragments
            result.external += part.external
            linked.formUnion(part.linked)
        }
        result.linked = Array(linked)
        return result
    }

    /// Pages with more references than this are checked in slices of ``sliceSize`` on all cores.
    static let largePage = 50_000
    static let sliceSize = 20_000

    /// What checking some of a page's references found, in their order.
    struct Part: Sendable {
        var problems: [Problem] = []
        var fragments: [PendingFragment] = []
        var external: [ExternalUse] = []
        var linked: Set<String> = []

        static func check(
            _ references: ArraySlice<PageScan.Reference>, page: String, scan: PageScan, files: SiteFiles,
            cache: inout [ReferenceKey: ResolvedReference]
        ) -> Part {
            var result = Part()
            for reference in references {
                func problem(_ reason: LinkFinding.Reason, _ severity: Diagnostic.Severity = .error) {
                    result.problems.append(Problem(severity: severity, url: reference.url, reason: reason, line: reference.line, column: reference.column))
                }
                if reference.isAnchor, reference.hasNoText { problem(.emptyText, .warning) }
                // A URL resolves the same way from every page of a folder, unless it points at the page itself.
                let first = reference.url.utf8.first
                let shareable = !(first == nil || first == UInt8(ascii: "#") || first == UInt8(ascii: "?"))
                let resolved: ResolvedReference
                if shareable {
                    let key = ReferenceKey(base: scan.base, url: reference.url)
                    if let known = cache[key] {
                        resolved = known
                    } else {
                        resolved = URLResolver.resolve(reference.url, page: page, base: scan.base)
                        cache[key] = resolved
                    }
                } else {
                    resolved = URLResolver.resolve(reference.url, page: page, base: scan.base)
                }
                switch resolved {
                case .ignored: continue
                case .external(let absolute):
                    result.external.append(ExternalUse(url: reference.url, absolute: absolute, line: reference.line, column: reference.column))
                case .outsideSite:
                    problem(.outsideSite)
                case let .local(path, fragment, isDirectory):
                    var target = path
                    if isDirectory || files.directories.contains(path) {
                        target = path.isEmpty ? "index.html" : path + "/index.html"
                        guard files.all.contains(target) else {
                            problem(files.directories.contains(path) || path.isEmpty ? .directoryWithoutIndex : .noSuchFile)
                            continue
                        }
                    }
                    guard files.all.contains(target) else {
                        problem(.noSuchFile)
                        result.problems[result.problems.count - 1].guess = closestFile(to: target, in: files)
                        continue
                    }
                    if target != page { result.linked.insert(target) }
                    guard let fragment, !fragment.isEmpty, fragment != "top",
                          target.hasSuffix(".html") || target.hasSuffix(".htm") else { continue }
                    if target == page {
                        if !scan.anchors.contains(fragment.hashValue) { problem(.noSuchFragment) }
                    } else {
                        result.fragments.append(PendingFragment(
                            target: target, fragment: fragment, url: reference.url, line: reference.line, column: reference.column))
                    }
                }
            }
            return result
        }
    }
}

/// A URL as written and the `<base href>` it was read under: what a resolution depends on, besides
/// the page's folder (which every page sharing a ``FolderChecker`` has in common).
struct ReferenceKey: Hashable {
    var base: String?
    var url: String
}

/// The file in the same folder, with the same extension, whose name is closest to a missing target's
/// (`bom.html` for `bomx.html`), if one is close enough. Names are compared without their extension, so
/// that a shared `.html` does not make `index.html` look like `roles.html`. Looked for only when a link
/// is broken, so the walk over the site's files costs nothing otherwise.
func closestFile(to target: String, in files: SiteFiles) -> String? {
    let slash = target.lastIndex(of: "/")
    let folder = slash.map { String(target[...$0]) } ?? ""
    let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
    let dot = name.lastIndex(of: ".") ?? name.endIndex
    let (stem, fileExtension) = (String(name[..<dot]), String(name[dot...]))
    let stems = files.all
        .filter { $0.hasPrefix(folder) && $0.hasSuffix(fileExtension) && !$0.dropFirst(folder.count).contains("/") }
        .map { String($0.dropFirst(folder.count).dropLast(fileExtension.count)) }
    return ClosestMatch.find(stem, among: stems.sorted()).map { $0 + fileExtension }
}
