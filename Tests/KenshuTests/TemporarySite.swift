import Foundation
import KenshuBuild
import KenshuCore

/// A course written into a fresh temporary folder, with the repository's default theme beside it.
///
/// Tests build it into its own `Output/`, never into the repository's.
struct TemporarySite {
    let root: URL
    var content: URL { root.appendingPathComponent("Content") }
    var output: URL { root.appendingPathComponent("Output") }
    var themes: URL { root.appendingPathComponent("Themes") }

    static let repositoryThemes = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes")

    /// - Parameter files: paths relative to `Content/` (or `Themes/…` for theme files) and their text.
    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repositoryThemes, to: themes)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = path.hasPrefix("Themes/") ? root.appendingPathComponent(path) : content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Writes bytes as they are (a Shift_JIS file, a file with CRLF).
    func writeData(_ path: String, _ data: Data) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func delete(_ path: String) throws {
        try FileManager.default.removeItem(at: content.appendingPathComponent(path))
    }

    /// Each diagnostic printed in `language`, with the temporary folder cut off.
    func printed(_ result: BuildResult, _ language: Language) -> [String] {
        let printer = DiagnosticPrinter(language: language)
        return result.diagnostics.map { printer.line($0).replacingOccurrences(of: root.path + "/", with: "") }
    }

    func build(strict: Bool = false, theme: String? = nil) throws -> BuildResult {
        try Builder.build(BuildOptions(
            contentDirectory: content.path, themesDirectory: themes.path, themeName: theme,
            outputDirectory: output.path, strict: strict, removeOldOutputInBackground: false))
    }

    func read(_ sitePath: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(sitePath), encoding: .utf8)
    }

    func exists(_ sitePath: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(sitePath).path)
    }

    /// Diagnostics as printed, with the temporary folder cut off: `Content/01-a/02-b.md:7:3: error: …`.
    func messages(_ result: BuildResult) -> [String] {
        result.diagnostics.map { Self.withoutCode($0.description).replacingOccurrences(of: root.path + "/", with: "") }
    }

    /// A printed diagnostic without its ` [K1234]` code, for tests about the words.
    static func withoutCode(_ line: String) -> String {
        guard line.hasSuffix("]"), let open = line.range(of: " [K", options: .backwards) else { return line }
        return String(line[..<open.lowerBound])
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// A page with front matter.
    static func page(_ title: String, _ body: String = "", extra: String = "") -> String {
        "---\ntitle: \(title)\n\(extra)---\n\(body)"
    }

    /// A small course: home, two modules of two lessons.
    static func smallCourse() -> [String: String] {
        [
            "site.yml": "id: test-course\ntitle: テスト研修\n",
            "index.md": page("ようこそ", "[はじめに](01-intro/index.md)\n"),
            "01-intro/index.md": page("はじめに", "", extra: "description: 最初のモジュール\n"),
            "01-intro/01-welcome.md": page("ようこそ研修へ", "## 目的\n\n本文。[次](02-roles.md#役割分担)\n", extra: "minutes: 10\n"),
            "01-intro/02-roles.md": page("役割", "## 役割分担\n\n![図](images/図1.png)\n"),
            "01-intro/images/図1.png": "PNG",
            "02-cloud/index.md": page("クラウド"),
            "02-cloud/01-basics.md": page("基礎", "[戻る](../01-intro/01-welcome.md#目的)\n"),
            "02-cloud/02-models.md": page("方式"),
        ]
    }
}
