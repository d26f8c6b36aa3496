import Foundation
import KenshuCore

/// Follows `base:` from a course's site.yml down to the course at the bottom, reading each
/// site.yml on the way so that the top course's settings inherit its bases' (variables as defaults,
/// licence and attribution carried over).
enum CourseLayers {
    /// Deeper stacks are refused (a loop is caught earlier; this bounds honest mistakes).
    static let maximumDepth = 8

    struct Resolved {
        var config: SiteConfig
        /// Base first; the course asked for last.
        var layers: [ContentLayer]
        var siteYAMLFound: Bool
        /// Every zip a `base:` names, unpacked or not: the preview watches them, so that a newer
        /// (or mended) zip from the municipality that shares it is read without a restart.
        var archives: [String] = []
    }

    /// - Parameters:
    ///   - root: the content folder, absolute and resolved.
    ///   - display: how messages name it.
    static func resolve(root: String, display: String, archive: String? = nil, visited: [String] = [], diagnostics: inout [Diagnostic]) -> Resolved {
        let sitePath = display + "/site.yml"
        let yaml = ContentLoader.readConfigFile(root + "/site.yml", display: sitePath, diagnostics: &diagnostics)
        var probeProblems: [Diagnostic] = []
        let (probe, firstProblems) = SiteConfig.parse(yaml, path: sitePath)
        probeProblems = firstProblems
        var layer = ContentLayer(root: root, display: display, hidden: probe.hidden, hiddenAt: probe.hiddenAt, archive: archive)

        guard let reference = probe.base else {
            diagnostics += probeProblems
            if let at = probe.hiddenAt.first { diagnostics.append(.warning(.hideWithoutBase, at: at)) }
            layer.hidden = []
            return Resolved(config: probe, layers: [layer], siteYAMLFound: yaml != nil)
        }
        let zip = watchedFiles(reference, from: root)
        guard let base = locate(reference, from: root, display: display, diagnostics: &diagnostics) else {
            diagnostics += probeProblems
            return Resolved(config: probe, layers: [layer], siteYAMLFound: yaml != nil, archives: zip)
        }
        if visited.contains(base.root) || base.root == root {
            diagnostics += probeProblems
            diagnostics.append(.error(.baseLoop, reference.path, at: reference.location))
            return Resolved(config: probe, layers: [layer], siteYAMLFound: yaml != nil)
        }
        if visited.count >= maximumDepth {
            diagnostics += probeProblems
            diagnostics.append(.error(.baseTooDeep, String(maximumDepth), at: reference.location))
            return Resolved(config: probe, layers: [layer], siteYAMLFound: yaml != nil)
        }
        let below = resolve(root: base.root, display: base.display, archive: base.archive, visited: visited + [root], diagnostics: &diagnostics)
        let (config, problems) = SiteConfig.parse(yaml, path: sitePath, inheriting: below.config.inheritedByOverlay())
        diagnostics += problems
        let upstreamIDs = Set([below.config.storageID] + below.config.upstream.map(\.storageID))
        if let id = config.id, upstreamIDs.contains(id) {
            let line = SiteConfig.line(ofKey: "id", in: yaml ?? "")
            diagnostics.append(.error(
                .overlaySameID, id, id + "-" + String(StableHash.fnv1a(root) & 0xFFFF, radix: 16),
                at: SourceLocation(path: sitePath, line: line, column: 1)))
        }
        return Resolved(
            config: config, layers: below.layers + [layer], siteYAMLFound: yaml != nil, archives: below.archives + zip)
    }

    /// What to watch for a `base:` that is not a folder: the path as written (a zip not there yet, or
    /// a link that is pointed at a newer zip) and, for a link, the zip it leads to now.
    private static func watchedFiles(_ reference: BaseReference, from root: String) -> [String] {
        let written = unresolvedPath(reference, from: root)
        let resolved = absolutePath(reference, from: root)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), isDirectory.boolValue { return [] }
        return written == resolved ? [written] : [written, resolved]
    }

    private static func unresolvedPath(_ reference: BaseReference, from root: String) -> String {
        let written = reference.path.replacingOccurrences(of: "\\", with: "/")
        return URL(fileURLWithPath: written.hasPrefix("/") ? written : root + "/" + written).standardizedFileURL.path
    }

    private static func absolutePath(_ reference: BaseReference, from root: String) -> String {
        URL(fileURLWithPath: unresolvedPath(reference, from: root)).resolvingSymlinksInPath().path
    }

    /// The folder `base:` names: a content folder, or a source zip unpacked for reading.
    private static func locate(_ reference: BaseReference, from root: String, display: String, diagnostics: inout [Diagnostic]) -> ContentLayer? {
        let written = reference.path.replacingOccurrences(of: "\\", with: "/")
        let resolved = absolutePath(reference, from: root)
        let shownAs = written.hasPrefix("/") ? written : LexicalPath.join(display, written)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
            diagnostics.append(.error(.baseNotFound, reference.path, at: reference.location))
            return nil
        }
        if isDirectory.boolValue {
            // A course's own folder (or an unpacked source export) holds its content in `Content/`, as a zip may.
            let inside = FileManager.default.fileExists(atPath: resolved + "/site.yml") ? ""
                : FileManager.default.fileExists(atPath: resolved + "/Content/site.yml") ? "/Content" : nil
            guard let inside else {
                diagnostics.append(.error(.baseWithoutSite, reference.path, at: reference.location))
                return nil
            }
            let folder = resolved + inside
            if root.hasPrefix(folder + "/") || folder.hasPrefix(root + "/") || folder == root {
                diagnostics.append(.error(.baseLoop, reference.path, at: reference.location))
                return nil
            }
            return ContentLayer(root: folder, display: shownAs + inside)
        }
        do {
            let (folder, inside) = try BaseArchive.unpack(resolved)
            return ContentLayer(root: URL(fileURLWithPath: folder).resolvingSymlinksInPath().path, display: shownAs + inside, archive: shownAs)
        } catch {
            switch error {
            case .tooLarge:
                diagnostics.append(.error(.baseArchiveTooLarge, reference.path, String(BaseArchive.byteLimit >> 20), at: reference.location))
            case .withoutSite:
                diagnostics.append(.error(.baseArchiveWithoutSite, reference.path, at: reference.location))
            case .holdsZip(let inner):
                diagnostics.append(.error(.baseArchiveHoldsZip, reference.path, inner, at: reference.location))
            case .unreadable:
                diagnostics.append(.error(.baseArchiveUnreadable, reference.path, at: reference.location))
            case .unsupported:
                diagnostics.append(.error(.baseArchiveUnsupported, reference.path, at: reference.location))
            }
        }
        return nil
    }
}

/// Joins and tidies paths as text (`Content` + `../town/Content` → `town/Content`), for messages:
/// the author sees the path they would type, not an absolute one.
enum LexicalPath {
    static func join(_ base: String, _ relative: String) -> String {
        var parts: [Substring] = []
        let absolute = base.hasPrefix("/")
        for part in (base + "/" + relative).split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
