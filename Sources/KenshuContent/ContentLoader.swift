import Foundation
import KenshuCore

/// Stage 1: finds the course in a content folder — `site.yml`, the home page, modules, lessons and assets.
public enum ContentLoader {
    /// Names other tools give Markdown files (K1054: neither pages nor published).
    static let otherMarkdownExtensions: Set<String> = ["markdown", "mdown", "mkd", "mkdn", "mdwn", "mdtxt", "mdtext"]

    /// The part before the extension when `name` (a file name or path) ends in one of ``otherMarkdownExtensions``.
    public static func stemOfOtherMarkdown(_ name: String) -> Substring? {
        guard let dot = name.lastIndex(of: "."), otherMarkdownExtensions.contains(name[name.index(after: dot)...].lowercased()) else { return nil }
        return name[..<dot]
    }

    /// Files in the content root that configure the site rather than being published.
    static let configFiles: Set<String> = ["site.yml", "glossary.yml", BaseRecord.fileName]

    /// Walks `contentDirectory` (as the user named it, for messages) and the courses it is built on
    /// (`base:`), without reading any page yet.
    public static func load(contentDirectory: String) throws -> ContentTree {
        let root = URL(fileURLWithPath: contentDirectory).standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            // Run inside the content folder itself (its site.yml beside the missing one): say so, not "start a course".
            let insideContent = FileManager.default.fileExists(atPath: root.deletingLastPathComponent().path + "/site.yml")
            throw ToolFailure(insideContent ? .contentFolderMissingInsideContent : .contentFolderMissing, contentDirectory)
        }
        let display = contentDirectory.hasSuffix("/") ? String(contentDirectory.dropLast()) : contentDirectory
        // `--content town` for `town/Content`: the project folder, not the course in it.
        let fm = FileManager.default
        if !fm.fileExists(atPath: root.path + "/site.yml"), !fm.fileExists(atPath: root.path + "/index.md"),
           fm.fileExists(atPath: root.path + "/Content/site.yml") {
            let inner = LexicalPath.join(display, "Content")
            throw ToolFailure(.contentFolderIsProject, display, inner, ShellWord.quoted(inner))
        }

        var diagnostics: [Diagnostic] = []
        let resolved = CourseLayers.resolve(root: root.path, display: display, diagnostics: &diagnostics)
        let config = resolved.config
        let sitePath = display + "/site.yml"
        if !resolved.siteYAMLFound, !FileManager.default.fileExists(atPath: root.path + "/site.yml") {
            diagnostics.append(.warning(.missingSiteYAML, at: SourceLocation(path: sitePath, line: 1, column: 1)))
        } else if resolved.siteYAMLFound, config.id == nil,
                  !diagnostics.contains(where: { $0.severity == .error && $0.location?.path == sitePath }) {
            // (A site.yml that could not be read fully may well have an id: say only what is wrong.)
            diagnostics.append(.warning(.missingSiteID, config.storageID, at: SourceLocation(path: sitePath, line: 1, column: 1)))
        }

        if let copied = UnpackedSourceExport.warning(content: root, config: config, sitePath: sitePath) {
            diagnostics.append(copied)
        }

        let files = merge(resolved.layers, diagnostics: &diagnostics)
        var shape = CourseShape()
        for file in files.values.sorted(by: { $0.relativePath < $1.relativePath }) { shape.classify(file) }
        shape.reportReadmes()
        diagnostics += shape.diagnostics
        diagnostics += shape.assets.compactMap { AssetScripts.diagnostic(for: $0, allowRawHTML: config.allowRawHTML) }
        if shape.home == nil {
            diagnostics.append(.warning(.missingHome, at: SourceLocation(path: display + "/index.md", line: 1, column: 1)))
        }
        var glossary: [GlossaryTerm] = []
        if let file = files["glossary.yml"],
           let yaml = readConfigFile(file.absolutePath, display: file.displayPath, diagnostics: &diagnostics) {
            let (terms, problems) = Glossary.parse(yaml, path: file.displayPath)
            glossary = terms
            diagnostics += problems
        }
        let modules = shape.modules()
        let ownLayer = resolved.layers.count > 1 ? display : nil
        let stray = ownLayer.map { NamingRules.foldersBesideBase(modules, ownLayer: $0) } ?? [:]
        diagnostics += NamingRules.check(modules: modules, assets: shape.assets, home: shape.home, ownLayer: ownLayer, stray: stray)
        var tree = ContentTree(
            config: config, home: shape.home, modules: modules, assets: shape.assets, glossary: glossary,
            diagnostics: diagnostics)
        tree.layers = resolved.layers
        tree.unpublishedMarkdown = shape.unpublished.map(\.relativePath)
        tree.foldersBesideBase = Set(stray.keys)
        tree.baseArchives = resolved.archives
        tree.base = BaseRecord.current(of: tree)
        tree.diagnostics += BaseRecord.warnings(for: tree)
        return tree
    }

    /// The files of a stack of layers (base first), by content path: each layer's files replace
    /// those at the same path below it, after its `hide:` has removed files of the layers below.
    public static func merge(_ layers: [ContentLayer], diagnostics: inout [Diagnostic]) -> [String: ContentFile] {
        var files: [String: ContentFile] = [:]
        for (number, layer) in layers.enumerated() {
            if number > 0 {
                for (number, entry) in layer.hidden.enumerated() {
                    let matches = files.keys.filter { ContentLayer.hides($0, entries: [entry]) }
                    if matches.isEmpty, let at = layer.hiddenAt.indices.contains(number) ? layer.hiddenAt[number] : layer.hiddenAt.first {
                        let known = files.keys.filter { $0.hasSuffix(".md") }.sorted()
                        let hint = HiddenEntryHint.fix(for: entry, among: known)
                        diagnostics.append(.warning(.hiddenFileNotInBase, entry, at: at, fix: hint))
                    }
                    for path in matches { files[path] = nil }
                }
            }
            var walker = Walker(root: layer.root, display: layer.display)
            walker.walk(relative: "")
            diagnostics += walker.diagnostics
            for file in walker.files { files[file.relativePath] = file }
        }
        return files
    }

    /// The text of a configuration file, `nil` when it is absent or not UTF-8 (reported).
    static func readConfigFile(_ path: String, display: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let result = AuthorText.read(path) else { return nil }
        switch result {
        case .success(let text): return text
        case .failure(let problem):
            diagnostics.append(AuthorText.diagnostic(problem, path: display))
            return nil
        }
    }
}

/// Collects files folder by folder, refusing anything that leads outside the content root.
private struct Walker {
    let root: String
    let display: String
    var files: [ContentFile] = []
    var diagnostics: [Diagnostic] = []
    /// Real paths of the folders read so far, so that a folder link back up the tree is read once.
    var visitedFolders: Set<String> = []

    mutating func walk(relative: String) {
        // Links are followed only when they resolve inside `root`, which must itself be resolved for the
        // comparison to hold; every layer's root is (CourseLayers). Debug builds and tests check it.
        assert(!relative.isEmpty || root == URL(fileURLWithPath: root).resolvingSymlinksInPath().path, "unresolved content root \(root)")
        let directory = relative.isEmpty ? root : root + "/" + relative
        let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visitedFolders.insert(real).inserted else {
            diagnostics.append(.warning(.symlinkLoop, at: SourceLocation(path: display + "/" + relative, line: 1, column: 1)))
            return
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        for rawName in names where !LeftoverFiles.isLeftover(rawName) {
            let name = rawName.precomposedStringWithCanonicalMapping
            let rel = relative.isEmpty ? name : relative + "/" + name
            let absolute = directory + "/" + rawName
            let file = ContentFile(relativePath: rel, displayPath: display + "/" + rel, absolutePath: absolute)
            // Foundation lists a name that is not UTF-8 (Shift_JIS from a zip) with U+FFFD in it, a path
            // that then opens nothing: say so, rather than leave the page out without a word.
            if rawName.unicodeScalars.contains("\u{FFFD}"), !FileManager.default.fileExists(atPath: absolute) {
                var problem = Diagnostic.error(.fileNameNotUTF8, at: SourceLocation(path: file.displayPath, line: 1, column: 1))
                problem.note = NonUTF8Names.note(for: rawName, in: directory)
                diagnostics.append(problem)
                continue
            }
            // One `lstat` tells most entries apart: a file or folder that is not a link lies in this folder,
            // which is inside the root, so only links are resolved (a dozen system calls each).
            var status = stat()
            let isLink = lstat(absolute, &status) != 0 || status.st_mode & S_IFMT == S_IFLNK
            if isLink { guard staysInsideRoot(absolute, file: file) else { continue } }
            var isDirectory: ObjCBool = false
            if isLink {
                guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else { continue }
            } else {
                isDirectory = ObjCBool(status.st_mode & S_IFMT == S_IFDIR)
            }
            if isDirectory.boolValue {
                walk(relative: rel)
            } else {
                files.append(file)
            }
        }
    }

    /// Symbolic links are followed only while they point inside the content folder.
    mutating func staysInsideRoot(_ absolute: String, file: ContentFile) -> Bool {
        let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
        if resolved == root || resolved.hasPrefix(root + "/") { return true }
        diagnostics.append(.warning(.symlinkOutside, at: SourceLocation(path: file.displayPath, line: 1, column: 1)))
        return false
    }
}

/// Sorts a course's files into the home page, modules with their lessons, assets and settings.
private struct CourseShape {
    var home: ContentFile?
    var moduleIndex: [String: ContentFile] = [:]
    var moduleLessons: [String: [ContentFile]] = [:]
    var assets: [ContentFile] = []
    /// Markdown files that are no page (too deep, or beside `site.yml` without being `index.md`): K1005.
    var unpublished: [ContentFile] = []
    var diagnostics: [Diagnostic] = []
    /// `README.md` files of the root (`""`) and of module folders, told about once every file is sorted.
    var readmes: [(folder: String, file: ContentFile)] = []

    mutating func classify(_ file: ContentFile) {
        let parts = file.relativePath.split(separator: "/").map(String.init)
        let isMarkdown = file.relativePath.lowercased().hasSuffix(".md")
        if let name = parts.last, let tool = OtherToolFiles.tool(for: name) {
            diagnostics.append(.warning(.otherToolFile, name, tool, at: SourceLocation(path: file.displayPath, line: 1, column: 1)))
            return
        }
        // Docusaurus' MDX: Markdown with JSX that Kenshu cannot run; published as it is, it would be a raw download.
        if let name = parts.last, name.lowercased().hasSuffix(".mdx") {
            diagnostics.append(.warning(.mdxNotRead, name, String(name.dropLast(4)) + ".md", at: SourceLocation(path: file.displayPath, line: 1, column: 1)))
            return
        }
        // `.markdown`, `.mkd` … (other editors' and wikis' names): published as they are, they were raw text downloads.
        if let name = parts.last, let stem = ContentLoader.stemOfOtherMarkdown(name) {
            diagnostics.append(.warning(
                .markdownOtherExtension, name, stem + ".md", at: SourceLocation(path: file.displayPath, line: 1, column: 1)))
            return
        }
        if parts.count <= 2, parts.last?.lowercased() == "readme.md" {
            readmes.append((parts.count == 1 ? "" : parts[0], file))
            return
        }
        switch (parts.count, isMarkdown) {
        case (1, true) where parts[0] == "index.md":
            home = file
        case (1, false) where ContentLoader.configFiles.contains(parts[0]):
            break
        case (2, true) where parts[1] == "index.md":
            moduleIndex[parts[0]] = file
        case (2, true):
            moduleLessons[parts[0], default: []].append(file)
        case (_, true):
            unpublished.append(file)
            diagnostics.append(.warning(
                .markdownNotPublished, at: SourceLocation(path: file.displayPath, line: 1, column: 1),
                fix: parts.count == 1 ? Message(.fixMoveIntoModule) : Message(.fixMoveUpToModule, parts[0])))
        default:
            assets.append(file)
        }
    }

    /// A GitHub-style `README.md` is not a page. Beside an `index.md` it is the repository's word to its
    /// visitors and stays quiet; where its folder has no `index.md`, it was meant to be that page.
    mutating func reportReadmes() {
        for (folder, file) in readmes where folder.isEmpty ? home == nil : moduleIndex[folder] == nil {
            diagnostics.append(.warning(.readmeNotIndex, file.relativePath, at: SourceLocation(path: file.displayPath, line: 1, column: 1)))
        }
    }

    func modules() -> [ModuleFolder] {
        let folders = Set(moduleIndex.keys).union(moduleLessons.keys)
        return folders.sorted(by: Self.inOrder).map { folder in
            ModuleFolder(
                folder: folder, index: moduleIndex[folder],
                lessons: (moduleLessons[folder] ?? []).sorted { Self.inOrder($0.relativePath, $1.relativePath) })
        }
    }

    /// Numeric prefixes order things (`2-` before `10-`); names without one come after, by name.
    static func inOrder(_ a: String, _ b: String) -> Bool {
        let na = a.split(separator: "/").last.map(String.init) ?? a
        let nb = b.split(separator: "/").last.map(String.init) ?? b
        let oa = OrderPrefix.split(na)?.order ?? Int.max
        let ob = OrderPrefix.split(nb)?.order ?? Int.max
        return oa != ob ? oa < ob : na < nb
    }
}
