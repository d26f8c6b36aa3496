import Foundation
import KenshuCore

/// Decides whether a folder may be replaced by a build, so a typo in `--output` can never delete someone's work.
enum OutputLocation {
    /// The marker Kenshu leaves in every output folder it writes.
    static let marker = ".kenshu-site"

    /// Why a folder is refused (English and Japanese, as the reason is an argument of ``MessageKey/outputRefused``).
    enum Refusal {
        static func dangerous(_ path: String, reason: String) -> ToolFailure {
            ToolFailure(.outputRefused, path, reason)
        }
    }

    /// Throws unless `output` is a folder Kenshu may replace.
    static func validate(output: URL, content: URL, themes: URL?) throws {
        let out = canonical(output), source = canonical(content)
        // Both the account's home and $HOME (they differ under sudo or in containers), compared after resolving links.
        let homes = Set([FileManager.default.homeDirectoryForCurrentUser.path, ProcessInfo.processInfo.environment["HOME"]]
            .compactMap { $0 }.filter { !$0.isEmpty }.map { canonical(URL(fileURLWithPath: $0)) })
        let shown = output.path
        if out == "/" { throw Refusal.dangerous(shown, reason: "it is the root folder") }
        if homes.contains(out) { throw Refusal.dangerous(shown, reason: "it is your home folder") }
        if out == source { throw Refusal.dangerous(shown, reason: "it is the content folder") }
        if isInside(source, out) { throw Refusal.dangerous(shown, reason: "it contains the content folder") }
        if isInside(out, source) { throw Refusal.dangerous(shown, reason: "it is inside the content folder") }
        if let themes, isInside(canonical(themes), out) || canonical(themes) == out {
            throw Refusal.dangerous(shown, reason: "it contains the themes")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw Refusal.dangerous(shown, reason: "it is a file, not a folder") }
        // Without the marker, any entry (a `.git`, a `.env` alone) means someone else's folder.
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).sorted()
        if !entries.isEmpty, !entries.contains(marker) {
            let visible = entries.filter { !$0.hasPrefix(".") }
            guard visible.isEmpty else {
                throw Refusal.dangerous(
                    shown, reason: "it holds files that Kenshu did not write (\(visible.prefix(3).joined(separator: ", ")))"
                        + "; choose a new or empty folder")
            }
            throw Refusal.dangerous(
                shown, reason: "it holds dot files (\(entries.prefix(3).joined(separator: ", "))) but no \(marker) marker"
                    + "; choose a new or empty folder, or create an empty '\(marker)' file in it to let Kenshu replace it")
        }
    }

    static func canonical(_ url: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// Whether `inner` lies strictly inside `outer`.
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        inner.hasPrefix(outer == "/" ? "/" : outer + "/") && inner != outer
    }
}
