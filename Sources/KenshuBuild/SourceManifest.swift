import Foundation
import KenshuCheck
import KenshuCore
import KenshuSite

/// The small file the build leaves in the output (`.kenshu-sources.json`) so that `kenshu check`
/// can report a broken link at the Markdown line the author wrote, not only in the HTML.
enum SourceManifest {
    static func make(_ site: Site) -> SiteChecker.SourceMap {
        var map: SiteChecker.SourceMap = [:]
        for page in site.pages {
            var links: [String: SourceLocation] = [:]
            for link in page.body.links where links[link.href] == nil { links[link.href] = link.location }
            map[page.sitePath.value] = links
        }
        return map
    }

    static func write(_ map: SiteChecker.SourceMap, into folder: URL) throws {
        let flat = map.mapValues { $0.mapValues(\.description) }
        let data = try JSONSerialization.data(withJSONObject: flat, options: [.sortedKeys])
        try data.write(to: folder.appendingPathComponent(SiteChecker.manifestName))
    }
}

extension LinkFinding {
    /// The finding as a build diagnostic: at the Markdown source when known, else in the output file.
    func diagnostic(output: String) -> Diagnostic {
        let first = occurrences.first ?? (1, 1)
        let location = source ?? SourceLocation(path: output + "/" + file, line: first.line, column: first.column)
        let what = severity == .error ? "broken link" : "link"
        return Diagnostic(severity, at: location, "\(what) '\(target)' in the built page '\(file)': \(reason.rawValue)")
    }
}
