import Foundation
import KenshuCore
import Mustache

/// A theme: Mustache templates, UI strings and static assets, read from `Themes/<name>/`
/// with every file the theme lacks taken from `Themes/default/`.
///
/// Themes are read at build time, so a municipality can restyle its site by editing files,
/// without recompiling Kenshu.
public struct Theme: Sendable {
    public let name: String
    public let templates: MustacheLibrary
    /// UI words for the site's language (`Themes/*/i18n/ja.yml`).
    public let strings: [String: String]
    /// Files under `assets/`, copied to the output's `assets/` folder.
    public let assets: [(relativePath: String, absolutePath: String)]
    /// `strings` as JSON for the page's script, safe inside `<script type="application/json">`.
    public let stringsJSON: String

    public init(name: String, templates: MustacheLibrary, strings: [String: String], assets: [(relativePath: String, absolutePath: String)]) {
        self.name = name
        self.templates = templates
        self.strings = strings
        self.assets = assets
        let data = (try? JSONSerialization.data(withJSONObject: strings, options: [.sortedKeys])) ?? Data("{}".utf8)
        self.stringsJSON = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
    }

    /// The templates every theme must provide (itself or through `default`).
    public static let requiredTemplates = ["lesson", "module", "home", "progress"]

    public enum LoadError: Error, CustomStringConvertible {
        case missingThemes(String)
        public var description: String {
            switch self {
            case .missingThemes(let path): "theme folder '\(path)' does not exist; Kenshu needs 'Themes/default'"
            }
        }
    }

    /// Loads `name` layered over `default` from `themesDirectory`.
    public static func load(themesDirectory: String, name: String, language: String) throws -> (Theme, [Diagnostic]) {
        let base = themesDirectory + "/default"
        guard FileManager.default.fileExists(atPath: base) else { throw LoadError.missingThemes(base) }
        var layers = [base]
        var diagnostics: [Diagnostic] = []
        if name != "default" {
            let chosen = themesDirectory + "/" + name
            if FileManager.default.fileExists(atPath: chosen) {
                layers.append(chosen)
            } else {
                diagnostics.append(.error(
                    at: nil, "theme '\(name)' does not exist in '\(themesDirectory)'",
                    fix: "create '\(chosen)' (copy only the files you change from 'default'), or remove 'theme:' from site.yml"))
            }
        }
        let templateFiles = LayeredFiles.collect(layers: layers, folder: "templates", extension: "mustache")
        var library = MustacheLibrary()
        for (name, path) in templateFiles {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                diagnostics.append(.warning(at: SourceLocation(path: path, line: 1, column: 1), "cannot read this template"))
                continue
            }
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    at: SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber),
                    "template error: \(error.error)", fix: "check that every {{#section}} has a matching {{/section}}"))
            } catch {
                diagnostics.append(.error(at: SourceLocation(path: path, line: 1, column: 1), "template error: \(error)"))
            }
        }
        for required in requiredTemplates where library.getTemplate(named: required) == nil {
            diagnostics.append(.error(at: nil, "the theme has no template '\(required).mustache'", fix: "restore it from Themes/default/templates"))
        }
        let strings = loadStrings(layers: layers, language: language, diagnostics: &diagnostics)
        let assets = LayeredFiles.collect(layers: layers, folder: "assets", extension: nil)
            .map { (relativePath: $0.key, absolutePath: $0.value) }
            .sorted { $0.relativePath < $1.relativePath }
        return (Theme(name: name, templates: library, strings: strings, assets: assets), diagnostics)
    }
}
