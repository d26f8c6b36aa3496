import Foundation
import KenshuCore

/// A course unpacked from another's `kenshu export --format source` zip and built as it is.
///
/// The zip carries `kenshu-source.json` beside `Content/`. Built in place, the copy keeps the original's
/// `id` (learners' progress mixes in one browser) and says nothing of the course it adapts, which
/// CC BY requires; `kenshu new --base <zip>` gives a new id and the attribution. Said once, as a warning
/// (a municipality restoring its own copy deletes the manifest to silence it).
enum UnpackedSourceExport {
    static let manifestName = "kenshu-source.json"

    static func warning(content root: URL, config: SiteConfig, sitePath: String) -> Diagnostic? {
        let manifest = root.deletingLastPathComponent().appendingPathComponent(manifestName)
        guard let id = config.id, let data = try? Data(contentsOf: manifest), data.count < 16 << 20,
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["id"] as? String == id else { return nil }
        let title = object["title"] as? String ?? id
        let yaml = (try? String(contentsOf: root.appendingPathComponent("site.yml"), encoding: .utf8)) ?? ""
        let line = SiteConfig.line(ofKey: "id", in: yaml)
        return .warning(.unpackedSourceExport, title, at: SourceLocation(path: sitePath, line: line, column: 1))
    }
}
