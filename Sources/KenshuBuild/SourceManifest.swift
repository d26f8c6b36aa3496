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
            // A source's link is the front matter's: a broken one is reported at its entry there.
            for source in page.frontMatter.sources {
                if let url = source.url, let location = source.location, links[url] == nil { links[url] = location }
            }
            map[page.sitePath.value] = links
        }
        return map
    }

    /// How a source path is published: an absolute `--content /home/a/Content` is written as
    /// `Content/…`, so the built site never carries the author's home folder.
    static func publishedPath(_ path: String, contentDirectory: String) -> String {
        publishedPath(path, content: ContentPrefix(contentDirectory))
    }

    /// The content folder as ``publishedPath(_:contentDirectory:)`` needs it, worked out once per manifest.
    struct ContentPrefix {
        let prefix: String
        let name: String

        init(_ contentDirectory: String) {
            let content = URL(fileURLWithPath: contentDirectory).standardizedFileURL
            prefix = content.path.hasSuffix("/") ? content.path : content.path + "/"
            name = content.lastPathComponent
        }
    }

    static func publishedPath(_ path: String, content: ContentPrefix) -> String {
        guard path.hasPrefix("/") else { return path }
        guard path.hasPrefix(content.prefix) else { return (path as NSString).lastPathComponent }
        return content.name + "/" + path.dropFirst(content.prefix.count)
    }

    /// Writes the map as JSON by hand: JSONSerialization took seconds for a 10,000-page site.
    static func write(_ map: SiteChecker.SourceMap, into folder: URL, contentDirectory: String = "") throws {
        let content = ContentPrefix(contentDirectory)
        // Each page's entry made on all cores (the build waits for this file after the last page).
        let entries = Parallel.map(map.sorted(by: { $0.key < $1.key })) { page, links -> String in
            var json = JSONText.string(page) + ":{"
            for (linkNumber, (href, location)) in links.sorted(by: { $0.key < $1.key }).enumerated() {
                json += (linkNumber == 0 ? "" : ",") + JSONText.string(href) + ":{\"path\":" + JSONText.string(publishedPath(location.path, content: content))
                    + ",\"line\":\(location.line),\"column\":\(location.column)}"
            }
            return json + "}"
        }
        let json = "{" + (entries.isEmpty ? "" : "\n" + entries.joined(separator: ",\n")) + "\n}\n"
        try Data(json.utf8).write(to: folder.appendingPathComponent(SiteChecker.manifestName))
    }
}

extension LinkFinding {
    /// The finding as a build diagnostic: at the Markdown source when known, else in the output file.
    func diagnostic(output: String) -> Diagnostic {
        let first = occurrences.first ?? (1, 1)
        let location = source ?? SourceLocation(path: output + "/" + file, line: first.line, column: first.column)
        var diagnostic = Diagnostic(severity, message, at: location, fix: guess.map { Message(.fixDidYouMean, $0) })
        diagnostic.note = note
        return diagnostic
    }
}
