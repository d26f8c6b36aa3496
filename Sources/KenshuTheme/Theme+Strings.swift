import Foundation
import KenshuCore
import Yams

extension Theme {
    /// Reads `i18n/<language>.yml` from every layer, later layers overriding single keys.
    static func loadStrings(layers: [String], language: String, diagnostics: inout [Diagnostic]) -> [String: String] {
        var strings: [String: String] = [:]
        for layer in layers {
            let path = "\(layer)/i18n/\(language).yml"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            do {
                guard let node = try Yams.compose(yaml: text), let mapping = node.mapping else { continue }
                for (key, value) in mapping {
                    if let key = key.string, let value = value.string { strings[key] = value }
                }
            } catch {
                diagnostics.append(.error(at: SourceLocation(path: path, line: 1, column: 1), "cannot read UI strings: \(error)"))
            }
        }
        if strings.isEmpty {
            diagnostics.append(.warning(at: nil, "the theme has no UI strings for language '\(language)'", fix: "add i18n/\(language).yml to the theme"))
        }
        return strings
    }
}

/// Files of one kind across theme layers: a file in a later layer replaces the same file in an earlier one.
enum LayeredFiles {
    /// Relative path → absolute path of the winning layer's file.
    static func collect(layers: [String], folder: String, extension ext: String?) -> [String: String] {
        var files: [String: String] = [:]
        for layer in layers {
            let root = layer + "/" + folder
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { continue }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory),
                      !isDirectory.boolValue else { continue }
                if let ext, !relative.hasSuffix("." + ext) { continue }
                files[relative] = root + "/" + relative
            }
        }
        return files
    }
}
