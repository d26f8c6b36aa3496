import KenshuCore

/// Warns about file names that build today but surprise later: lessons without an order number,
/// two siblings with the same number, and names that differ only in case (one file on Windows).
enum NamingRules {
    /// - Parameter ownLayer: how messages name the course's own content folder, when it is built on a base
    ///   (a file of its own beside a base's file with the same number was probably meant to replace it).
    /// - Parameter stray: ``foldersBesideBase(_:ownLayer:)`` of the course, when it is built on a base.
    static func check(
        modules: [ModuleFolder], assets: [ContentFile], home: ContentFile?, ownLayer: String? = nil, stray: [String: String] = [:]
    ) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (folder, base) in stray.sorted(by: { $0.key < $1.key }) {
            guard let first = modules.first(where: { $0.folder == folder })?.lessons.first else { continue }
            found.append(.warning(.overlayFolderBesideBase, folder, base, at: SourceLocation(path: first.displayPath, line: 1, column: 1)))
        }
        let moduleFiles = modules.filter { stray[$0.folder] == nil }.map { module in
            ContentFile(relativePath: module.folder, displayPath: folderDisplay(module), absolutePath: "")
        }
        // Folders are named by their first file, which may lie in either layer: K1042 is for pages alone.
        found += numbering(moduleFiles, ownLayer: nil)
        for module in modules { found += numbering(module.lessons, ownLayer: ownLayer) }
        let everything = [home].compactMap { $0 } + modules.flatMap { [$0.index].compactMap { $0 } + $0.lessons } + assets
        found += caseCollisions(everything.map(\.relativePath) + modules.map(\.folder), display: everything + moduleFiles, ownLayer: ownLayer)
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
        var byNumber: [Int: [ContentFile]] = [:]
        // Each unnumbered file is offered the next free number after the highest in use (one each, so that
        // following every suggestion gives no two files the same number).
        var nextFree = (files.compactMap { OrderPrefix.split(String($0.relativePath.split(separator: "/").last ?? ""))?.0 }.max() ?? 0) + 1
        let width = max(2, String(nextFree + files.count).count)
        for file in files {
            let name = String(file.relativePath.split(separator: "/").last ?? "")
            let at = SourceLocation(path: file.displayPath, line: 1, column: 1)
            guard let (order, _) = OrderPrefix.split(name) else {
                if let meant = OrderNumberSlips.intendedName(name) {
                    found.append(.warning(.lessonNumberUnread, name, meant, at: at))
                    continue
                }
                let number = String(nextFree)
                nextFree += 1
                let suggestion = String(repeating: "0", count: max(0, width - number.count)) + number + "-" + name
                found.append(.warning(.lessonUnnumbered, name, suggestion, at: at))
                continue
            }
            byNumber[order, default: []].append(file)
        }
        for (_, same) in byNumber.sorted(by: { $0.key < $1.key }) where same.count > 1 {
            let own = ownLayer.map { layer in same.filter { isOwn($0, ownLayer: layer) } } ?? []
            let base = same.filter { file in !own.contains { $0.relativePath == file.relativePath } }
            // One page of the course's own beside the base's: most likely meant to replace it.
            if own.count == 1, let ownFile = own.first, let baseFile = base.first {
                // A name that differs only in case is told by K1053, with the base's spelling.
                if fileName(ownFile).lowercased() == fileName(baseFile).lowercased(), base.count == 1 { continue }
                found.append(.warning(
                    .overlayNumberBesideBase, fileName(ownFile), fileName(baseFile), at: SourceLocation(path: ownFile.displayPath, line: 1, column: 1)))
                for other in base.dropFirst() {
                    found.append(.warning(.duplicateNumber, fileName(other), fileName(baseFile), at: SourceLocation(path: other.displayPath, line: 1, column: 1)))
                }
                continue
            }
            for other in same.dropFirst() {
                found.append(.warning(.duplicateNumber, fileName(other), fileName(same[0]), at: SourceLocation(path: other.displayPath, line: 1, column: 1)))
            }
        }
        return found
    }

    /// Module folders of the course's own, without an `index.md`, that share their number with a folder of the
    /// base under another name: most likely pages meant to replace the base's after the base renamed its folder
    /// (`02-unyou` → `02-unyo`). By folder, the base's folder of the same number.
    static func foldersBesideBase(_ modules: [ModuleFolder], ownLayer: String) -> [String: String] {
        let number = { (folder: String) in OrderPrefix.split(folder)?.order }
        var stray: [String: String] = [:]
        for module in modules where module.index == nil && !module.lessons.isEmpty && module.lessons.allSatisfy({ isOwn($0, ownLayer: ownLayer) }) {
            guard let order = number(module.folder) else { continue }
            let base = modules.filter { other in
                other.folder != module.folder && number(other.folder) == order
                    && ([other.index].compactMap { $0 } + other.lessons).contains { !isOwn($0, ownLayer: ownLayer) }
            }
            if base.count == 1, let only = base.first { stray[module.folder] = only.folder }
        }
        return stray
    }

    private static func fileName(_ file: ContentFile) -> String { String(file.relativePath.split(separator: "/").last ?? "") }

    /// Whether a file lies in the course's own content folder (not in a base's).
    private static func isOwn(_ file: ContentFile, ownLayer: String) -> Bool {
        file.displayPath.dropLast(file.relativePath.count) == ownLayer + "/"
    }

    /// - Parameter ownLayer: in a course built on a base, a name of its own that differs from a base's name only in
    ///   case was meant to replace it: told so at the course's own file, with the base's spelling.
    private static func caseCollisions(_ paths: [String], display: [ContentFile], ownLayer: String?) -> [Diagnostic] {
        var seen: [String: String] = [:]
        var found: [Diagnostic] = []
        let fileOf = Dictionary(display.map { ($0.relativePath, $0) }, uniquingKeysWith: { a, _ in a })
        let own = { (path: String) in ownLayer.flatMap { layer in fileOf[path].map { isOwn($0, ownLayer: layer) } } }
        for path in paths.sorted() {
            let folded = path.lowercased()
            if let other = seen[folded], other != path {
                if let ownPath = [path, other].first(where: { own($0) == true }),
                   let basePath = [path, other].first(where: { own($0) == false }) {
                    found.append(.warning(
                        .overlayCaseBesideBase, ownPath, basePath, at: SourceLocation(path: fileOf[ownPath]?.displayPath ?? ownPath, line: 1, column: 1)))
                    continue
                }
                found.append(.warning(
                    .caseCollision, path, other, at: SourceLocation(path: fileOf[path]?.displayPath ?? path, line: 1, column: 1)))
            } else {
                seen[folded] = path
            }
        }
        return found
    }
}
