import Foundation
import KenshuCore

/// A theme: Mustache templates, UI strings and static assets, from the built-in default and any
/// number of layers over it (`Themes/default` on disk, then the site's own themes), each layer
/// replacing single files of the ones below.
///
/// Theme folders are read at build time, so a municipality can restyle its site by editing files,
/// without recompiling Kenshu; the built-in layer means no folder is needed at all.
public struct Theme: Sendable {
    public let name: String
    public let templates: TemplateLibrary
    /// UI words for the site's language (`i18n/ja.yml`).
    public let strings: [String: String]
    /// Files under `assets/`, copied to the output's `assets/` folder.
    public let assets: [(relativePath: String, file: ThemeFile)]
    /// `strings` as JSON for the page's script, safe inside `<script type="application/json">`.
    public let stringsJSON: String
    /// The folders this theme was read from, to watch during preview.
    public let folders: [String]
    /// Literal `id="…"` values in the templates: headings must not take them.
    public var elementIDs: Set<String> = []

    public init(
        name: String, templates: TemplateLibrary, strings: [String: String], assets: [(relativePath: String, file: ThemeFile)],
        folders: [String] = []
    ) {
        self.name = name
        self.templates = templates
        self.strings = strings
        self.assets = assets
        self.folders = folders
        let data = (try? JSONSerialization.data(withJSONObject: strings, options: [.sortedKeys])) ?? Data("{}".utf8)
        self.stringsJSON = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
    }

    /// The templates every theme must provide (itself or through `default`).
    public static let requiredTemplates = ["lesson", "module", "home", "progress"]

    /// The layers for `names` (first wins, as written in site.yml: `theme: [my-town, default]`):
    /// the built-in theme, then `themesDirectory/default` if present, then each named folder.
    /// A missing one is an error at `location` (site.yml's `theme:`), with the closest folder's name.
    public static func layers(themesDirectory: String?, names: [String], namedAt location: SourceLocation? = nil) -> ([ThemeLayer], [Diagnostic]) {
        var layers: [ThemeLayer] = [.builtIn]
        var diagnostics: [Diagnostic] = []
        guard let themesDirectory else {
            for name in names where name != "default" {
                diagnostics.append(.error(.themeMissing, name, "Themes", at: location))
            }
            return (layers, diagnostics)
        }
        if FileManager.default.fileExists(atPath: themesDirectory + "/default") {
            layers.append(.folder(themesDirectory + "/default"))
        }
        for name in names.reversed() where name != "default" {
            let chosen = themesDirectory + "/" + name
            if FileManager.default.fileExists(atPath: chosen) {
                layers.append(.folder(chosen))
            } else {
                let closest = ClosestMatch.find(name, among: themeFolders(in: themesDirectory))
                diagnostics.append(.error(.themeMissing, name, themesDirectory, at: location, fix: closest.map { Message(.fixDidYouMean, $0) }))
            }
        }
        return (layers, diagnostics)
    }

    /// The folders a site.yml could name as themes: `default` and every folder in `themesDirectory`
    /// that is not a leftover of an editor or a system.
    static func themeFolders(in themesDirectory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: themesDirectory)) ?? []
        return ["default"] + names.sorted().filter { name in
            var isFolder: ObjCBool = false
            return name != "default" && !LeftoverFiles.isLeftover(name)
                && FileManager.default.fileExists(atPath: themesDirectory + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
        }
    }

    /// Loads the theme named by `names` (see ``layers(themesDirectory:names:)``).
    public static func load(themesDirectory: String?, names: [String], language: String, namedAt location: SourceLocation? = nil) -> (Theme, [Diagnostic]) {
        let (layers, layerDiagnostics) = Self.layers(themesDirectory: themesDirectory, names: names, namedAt: location)
        var (theme, diagnostics) = load(layers: layers, language: language)
        diagnostics = layerDiagnostics + diagnostics
        let elementIDs = theme.elementIDs
        theme = Theme(
            name: names.first ?? "default", templates: theme.templates, strings: theme.strings, assets: theme.assets,
            folders: theme.folders)
        theme.elementIDs = elementIDs
        return (theme, diagnostics)
    }

    public static func load(layers: [ThemeLayer], language: String) -> (Theme, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var library = TemplateLibrary()
        var elementIDs: Set<String> = []
        for (name, file) in collect(layers, under: "templates") where name.hasSuffix(".mustache") {
            let text: String
            switch file.text() {
            case .success(let read): text = read
            case .failure(let problem):
                diagnostics.append(problem)
                continue
            }
            elementIDs.formUnion(Self.literalIDs(in: text))
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                diagnostics.append(.error(
                    .templateError, error.description, at: SourceLocation(path: file.displayPath, line: error.line, column: error.column)))
            }
        }
        for required in requiredTemplates where !library.contains(required) {
            diagnostics.append(.error(.templateMissing, required, at: nil))
        }
        let strings = loadStrings(layers, language: language, diagnostics: &diagnostics)
        let assets = collect(layers, under: "assets").map { (relativePath: $0.key, file: $0.value) }
            .sorted { $0.relativePath < $1.relativePath }
        let folders = layers.compactMap { layer -> String? in
            if case .folder(let path) = layer { return path }
            return nil
        }
        diagnostics += scriptsReadingPageStrings(assets, elementIDs: elementIDs)
        var theme = Theme(name: "default", templates: library, strings: strings, assets: assets, folders: folders)
        theme.elementIDs = elementIDs
        return (theme, diagnostics)
    }

    /// A theme exported before strings.js that overrides the scripts but not the layout: its scripts
    /// look for the words in the page, which the layout no longer writes. Said, not left to fail silently.
    static func scriptsReadingPageStrings(_ assets: [(relativePath: String, file: ThemeFile)], elementIDs: Set<String>) -> [Diagnostic] {
        guard !elementIDs.contains("kenshu-strings") else { return [] }
        return assets.compactMap { asset -> Diagnostic? in
            guard case .disk = asset.file, asset.relativePath.hasSuffix(".js"), case .success(let text) = asset.file.text(),
                  text.contains("kenshu-strings"), !text.contains("KENSHU_STRINGS") else { return nil }
            return .warning(.themeScriptReadsPageStrings, asset.relativePath, at: SourceLocation(path: asset.file.displayPath, line: 1, column: 1))
        }
    }

    /// `id="main"` and the like, skipping ids made from data (`id="{{id}}"`).
    static func literalIDs(in template: String) -> [String] {
        template.components(separatedBy: "id=\"").dropFirst().compactMap { rest in
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            let id = String(rest[..<end])
            return id.isEmpty || id.contains("{") ? nil : id
        }
    }

    /// Every file under `subfolder` across layers, later layers replacing earlier ones.
    static func collect(_ layers: [ThemeLayer], under subfolder: String) -> [String: ThemeFile] {
        layers.reduce(into: [:]) { files, layer in files.merge(layer.files(under: subfolder)) { $1 } }
    }
}
