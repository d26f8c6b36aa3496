import Foundation

/// The default theme compiled into the binary (generated from `Themes/default` by
/// `Tests/tools/embed_theme.py`), so that a `kenshu` copied alone into any folder builds a course.
///
/// A generated source file rather than a SwiftPM resource: on Linux a resource bundle must sit
/// beside the binary, which is exactly what a copied binary lacks; and rather than a build plugin,
/// which would add a tool target to every clean build. A test keeps the copy equal to the folder.
public enum BuiltInTheme {
    /// Writes every file of the built-in theme under `folder`; returns how many were written.
    public static func export(to folder: URL) throws -> Int {
        for (relative, text) in files {
            let target = folder.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target)
        }
        return files.count
    }
}
