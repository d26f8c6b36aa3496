import Foundation
import KenshuCore

/// Decides whether a folder may be replaced by a build, so a typo in `--output` can never delete someone's work.
public enum OutputLocation {
    /// The marker Kenshu leaves in every output folder it writes.
    static let marker = ".kenshu-site"

    /// The marker's text: what the folder is, and the id of the course built into it (`kenshu check`
    /// reviews a course only for a site built from it: ``CheckedSiteOrigin``).
    static func markerText(siteID: String?) -> String {
        "Built by Kenshu. This folder is replaced on every build.\n" + (siteID.map { "id: " + $0 + "\n" } ?? "")
    }

    /// The course id a built site's marker names; `nil` for a folder without one (or built before ids were noted).
    public static func builtSiteID(of folder: String) -> String? {
        guard let text = try? String(contentsOfFile: folder + "/" + marker, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("id: ") }.map { String($0.dropFirst(4)) }
    }

    /// The built site `path` lies in, if any: a folder above it (or itself) holding Kenshu's marker.
    public static func builtSite(containing path: String) -> String? {
        var folder = URL(fileURLWithPath: path).standardizedFileURL
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(marker).path) { return folder.path }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// Why a folder is refused: K0002 with the reason's key as its second argument, so the reason is
    /// printed in the author's language like the rest of the sentence.
    enum Refusal {
        static func dangerous(_ path: String, reason: MessageKey, _ details: String...) -> ToolFailure {
            ToolFailure(Message(.outputRefused, arguments: [path, Message.reason(reason)] + details))
        }
    }

    /// Throws unless `output` is a folder Kenshu may replace.
    static func validate(output: URL, content: URL, themes: URL?) throws {
        let out = canonical(output), source = canonical(content)
        // Both the account's home and $HOME (they differ under sudo or in containers), compared after resolving links.
        let homes = Set([FileManager.default.homeDirectoryForCurrentUser.path, ProcessInfo.processInfo.environment["HOME"]]
            .compactMap { $0 }.filter { !$0.isEmpty }.map { canonical(URL(fileURLWithPath: $0)) })
        let shown = output.path
        if out == "/" { throw Refusal.dangerous(shown, reason: .reasonOutputRoot) }
        if homes.contains(out) { throw Refusal.dangerous(shown, reason: .reasonOutputHome) }
        if out == source { throw Refusal.dangerous(shown, reason: .reasonOutputIsContent) }
        if isInside(source, out) { throw Refusal.dangerous(shown, reason: .reasonOutputHoldsContent) }
        if isInside(out, source) { throw Refusal.dangerous(shown, reason: .reasonOutputInsideContent) }
        if let themes, isInside(canonical(themes), out) || canonical(themes) == out {
            throw Refusal.dangerous(shown, reason: .reasonOutputHoldsThemes)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw Refusal.dangerous(shown, reason: .reasonOutputIsFile) }
        // Without the marker, any entry (a `.git`, a `.env` alone) means someone else's folder.
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).sorted()

        if !entries.isEmpty, !entries.contains(marker) {
            let visible = entries.filter { !$0.hasPrefix(".") }
            guard visible.isEmpty else {
                throw Refusal.dangerous(shown, reason: .reasonOutputOthersFiles, visible.prefix(3).joined(separator: ", "))
            }
            throw Refusal.dangerous(shown, reason: .reasonOutputDotFiles, entries.prefix(3).joined(separator: ", "), marker)
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
