import KenshuCore

/// Warns about file names that build today but surprise later: lessons without an order number,
/// two siblings with the same number, and names that differ only in case (one file on Windows).
enum NamingRules {
    /// - Parameter ownLayer: how messages name the course's own content folder, when it is built on a base
    ///   (a file of its own beside a base's file with the same number was probably meant to replace it).
    static func check(modules: [ModuleFolder], assets: [ContentFile], home: ContentFile?, ownLayer: String? = nil) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let moduleFiles = modules.map { module in
            ContentFile(relativePath: module.folder, displayPath: folderDisplay(module), absolutePath: "")
        }
        found += numbering(moduleFiles, ownLayer: ownLayer)
        for module in modules { found += numbering(module.lessons, ownLayer: ownLayer) }
        let everything = [home].compactMap { $0 } + modules.flatMap { [$0.index].compactMap { $0 } + $0.lessons } + assets
        found += caseCollisions(everything.map(\.relativePath) + modules.map(\.folder), display: everything + moduleFiles)
        return found
    }

    /// How a module folder is named in messages: its first file's display path up to the folder.
    private static func folderDisplay(_ module: ModuleFolder) -> String {
        guard let any = module.index ?? module.lessons.first else { return module.folder }
        return String(any.displayPath.dropLast(any.relativePath.count)) + module.folder
    }

    /// With two or more siblings, each needs its own order number.
    private static func numbering(_ files: [ContentFile], ownLayer: String?) -> [Diagnostic] {
        guard files.count > 1 else { return [] }
        var found: [Diagnostic] = []
        var byNumber: [Int: ContentFile] = [:]
        for file in files {
            let name = String(file.relativePath.split(separator: "/").last ?? "")
            let at = SourceLocation(path: file.displayPath, line: 1, column: 1)
            guard let (order, _) = OrderPrefix.split(name) else {
                if let meant = OrderNumberSlips.intendedName(name) {
                    found.append(.warning(.lessonNumberUnread, name, meant, at: at))
                    continue
                }
                let width = max(2, String(files.count).count)
                let suggestion = String(repeating: "0", count: width - String(files.count).count) + "\(files.count)-" + name
                found.append(.warning(.lessonUnnumbered, name, suggestion, at: at))
                continue
            }
            if let earlier = byNumber[order] {
                let earlierName = String(earlier.relativePath.split(separator: "/").last ?? "")
                if let ownLayer, let (own, base) = ownAndBase(file, earlier, ownLayer: ownLayer) {
                    let ownName = String(own.relativePath.split(separator: "/").last ?? "")
                    let baseName = String(base.relativePath.split(separator: "/").last ?? "")
                    found.append(.warning(.overlayNumberBesideBase, ownName, baseName, at: SourceLocation(path: own.displayPath, line: 1, column: 1)))
                } else {
                    found.append(.warning(.duplicateNumber, name, earlierName, at: at))
                }
            } else {
                byNumber[order] = file
            }
        }
        return found
    }

    /// The pair as (the course's own file, the base's file) when exactly one of them is the course's own.
    private static func ownAndBase(_ a: ContentFile, _ b: ContentFile, ownLayer: String) -> (ContentFile, ContentFile)? {
        func isOwn(_ file: ContentFile) -> Bool { file.displayPath.dropLast(file.relativePath.count) == ownLayer + "/" }
        switch (isOwn(a), isOwn(b)) {
        case (true, false): return (a, b)
        case (false, true): return (b, a)
        default: return nil
        }
    }

    private static func caseCollisions(_ paths: [String], display: [ContentFile]) -> [Diagnostic] {
        var seen: [String: String] = [:]
        var found: [Diagnostic] = []
        let displayOf = Dictionary(display.map { ($0.relativePath, $0.displayPath) }, uniquingKeysWith: { a, _ in a })
        for path in paths.sorted() {
            let folded = path.lowercased()
            if let other = seen[folded], other != path {
                found.append(.warning(
                    .caseCollision, path, other, at: SourceLocation(path: displayOf[path] ?? path, line: 1, column: 1)))
            } else {
                seen[folded] = path
            }
        }
        return found
    }
}
