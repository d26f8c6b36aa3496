import Foundation
import KenshuCore

/// Stage 1: finds the course in a content folder — `site.yml`, the home page, modules, lessons and assets.
public enum ContentLoader {
    /// Files in the content root that configure the site rather than being published.
    static let configFiles: Set<String> = ["site.yml", "glossary.yml"]

    /// Walks `contentDirectory` (as the user named it, for messages) without reading any page yet.
    public static func load(contentDirectory: String) throws -> ContentTree {
        let root = URL(fileURLWithPath: contentDirectory).standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ToolFailure(.contentFolderMissing, contentDirectory)
        }
        let display = contentDirectory.hasSuffix("/") ? String(contentDirectory.dropLast()) : contentDirectory
        var walker = Walker(root: root.path, display: display)
        walker.walk(relative: "")

        var diagnostics: [Diagnostic] = []
        let sitePath = display + "/site.yml"
        let siteYAML = readConfigFile(root.path + "/site.yml", display: sitePath, diagnostics: &diagnostics)
        let (config, configDiagnostics) = SiteConfig.parse(siteYAML, path: sitePath)
        diagnostics += configDiagnostics
        if siteYAML == nil, !FileManager.default.fileExists(atPath: root.path + "/site.yml") {
            diagnostics.append(.warning(.missingSiteYAML, at: SourceLocation(path: sitePath, line: 1, column: 1)))
        } else if siteYAML != nil, config.id == nil {
            diagnostics.append(.warning(.missingSiteID, config.storageID, at: SourceLocation(path: sitePath, line: 1, column: 1)))
        }
        if walker.home == nil {
            diagnostics.append(.warning(.missingHome, at: SourceLocation(path: display + "/index.md", line: 1, column: 1)))
        }
        var glossary: [GlossaryTerm] = []
        let glossaryPath = display + "/glossary.yml"
        if let yaml = readConfigFile(root.path + "/glossary.yml", display: glossaryPath, diagnostics: &diagnostics) {
            let (terms, problems) = Glossary.parse(yaml, path: glossaryPath)
            glossary = terms
            diagnostics += problems
        }
        let modules = walker.modules()
        diagnostics += NamingRules.check(modules: modules, assets: walker.assets, home: walker.home)
        return ContentTree(
            config: config, home: walker.home, modules: modules, assets: walker.assets, glossary: glossary,
            diagnostics: diagnostics + walker.diagnostics)
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
    var home: ContentFile?
    var moduleIndex: [String: ContentFile] = [:]
    var moduleLessons: [String: [ContentFile]] = [:]
    var assets: [ContentFile] = []
    var diagnostics: [Diagnostic] = []
    /// Real paths of the folders read so far, so that a folder link back up the tree is read once.
    var visitedFolders: Set<String> = []

    mutating func walk(relative: String) {
        let directory = relative.isEmpty ? root : root + "/" + relative
        let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visitedFolders.insert(real).inserted else {
            diagnostics.append(.warning(.symlinkLoop, at: SourceLocation(path: display + "/" + relative, line: 1, column: 1)))
            return
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        for rawName in names where !rawName.hasPrefix(".") && !rawName.hasSuffix("~") {
            let name = rawName.precomposedStringWithCanonicalMapping
            let rel = relative.isEmpty ? name : relative + "/" + name
            let absolute = directory + "/" + rawName
            let file = ContentFile(relativePath: rel, displayPath: display + "/" + rel, absolutePath: absolute)
            guard staysInsideRoot(absolute, file: file) else { continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(relative: rel)
            } else {
                classify(file)
            }
        }
    }

    mutating func classify(_ file: ContentFile) {
        let parts = file.relativePath.split(separator: "/").map(String.init)
        let isMarkdown = file.relativePath.lowercased().hasSuffix(".md")
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
            diagnostics.append(.warning(
                .markdownNotPublished, at: SourceLocation(path: file.displayPath, line: 1, column: 1),
                fix: parts.count == 1 ? Message(.fixMoveIntoModule) : Message(.fixMoveUpToModule, parts[0])))
        default:
            assets.append(file)
        }
    }

    /// Symbolic links are followed only while they point inside the content folder.
    mutating func staysInsideRoot(_ absolute: String, file: ContentFile) -> Bool {
        let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
        if resolved == root || resolved.hasPrefix(root + "/") { return true }
        diagnostics.append(.warning(.symlinkOutside, at: SourceLocation(path: file.displayPath, line: 1, column: 1)))
        return false
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
