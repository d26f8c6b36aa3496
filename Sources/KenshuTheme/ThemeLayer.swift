import Foundation
import KenshuCore

/// One layer of a theme: the built-in default, or a folder on disk. Later layers replace
/// single files of earlier ones, so a municipality's theme holds only the files it changes.
public enum ThemeLayer: Sendable, Hashable {
    case builtIn
    case folder(String)

    /// Relative path → file, for the files under `subfolder` (`templates`, `assets`, `i18n`).
    func files(under subfolder: String) -> [String: ThemeFile] {
        switch self {
        case .builtIn:
            var found: [String: ThemeFile] = [:]
            for (path, text) in BuiltInTheme.files where path.hasPrefix(subfolder + "/") {
                found[String(path.dropFirst(subfolder.count + 1))] = .builtIn(path: path, text: text)
            }
            return found
        case .folder(let root):
            let base = root + "/" + subfolder
            var found: [String: ThemeFile] = [:]
            guard let enumerator = FileManager.default.enumerator(atPath: base) else { return found }
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if LeftoverFiles.isLeftover(name) {
                    enumerator.skipDescendants()
                    continue
                }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory),
                      !isDirectory.boolValue else { continue }
                found[relative] = .disk(base + "/" + relative)
            }
            return found
        }
    }
}

/// A theme file: on disk (copied as it is) or compiled in.
public enum ThemeFile: Sendable, Hashable {
    case disk(String)
    case builtIn(path: String, text: String)

    /// How messages name the file.
    public var displayPath: String {
        switch self {
        case .disk(let path): path
        case .builtIn(let path, _): "(built-in theme)/" + path
        }
    }

    /// The file's text through ``AuthorText`` (BOM and CRLF accepted), or the problem reading it.
    func text() -> Result<String, Diagnostic> {
        switch self {
        case .builtIn(_, let text): return .success(text)
        case .disk(let path):
            let at = SourceLocation(path: path, line: 1, column: 1)
            switch AuthorText.read(path) {
            case .success(let text)?: return .success(text)
            case .failure(let problem)?: return .failure(AuthorText.diagnostic(problem, path: path))
            case nil: return .failure(.error(.fileUnreadable, at: at))
            }
        }
    }

    /// The file's bytes, to copy into the site.
    public func data() -> Data? {
        switch self {
        case .disk(let path): FileManager.default.contents(atPath: path)
        case .builtIn(_, let text): Data(text.utf8)
        }
    }
}
