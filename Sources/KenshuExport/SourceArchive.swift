import Foundation
import KenshuBuild
import KenshuContent
import KenshuCore

/// The files another municipality needs to build and adapt the course: `Content/`, the course's
/// own theme folders (`Themes/<name>/` for each theme site.yml names other than the built-in
/// `default`), and `kenshu-source.json` naming the course id, its version and each file's SHA-256.
///
/// A course built on another carries its bases along, layer by layer: `Content/` is its own
/// folder, `Base/Content/` its base, `Base/Base/Content/` the base's base, each site.yml's `base:`
/// pointing at `../Base/Content`. The zip builds as it is and works as a `base:` itself, and the
/// receiver still sees which pages were changed and from what.
enum SourceArchive {
    static let manifestName = "kenshu-source.json"
    /// Where each base goes inside the archive, relative to the layer above it.
    static let baseFolder = "Base"

    static func files(content: String, themes: String?, config: SiteConfig, layers: [ContentLayer] = []) throws -> [ArchiveFile] {
        var files = try folder(content, as: "Content")
        if layers.count > 1 {
            files = try layered(layers)
        }
        if let themes {
            for name in config.themes where name != "default" {
                let path = themes + "/" + name
                if FileManager.default.fileExists(atPath: path) { files += try folder(path, as: "Themes/" + name) }
            }
        }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return files + [ArchiveFile(path: manifestName, text: manifest(files, config: config))]
    }

    /// Each layer under its own `Base/…/Content`, top first, with `base:` pointing at the next.
    static func layered(_ layers: [ContentLayer]) throws -> [ArchiveFile] {
        var files: [ArchiveFile] = []
        for (depth, layer) in layers.reversed().enumerated() {
            let prefix = String(repeating: baseFolder + "/", count: depth) + "Content"
            for var file in try folder(layer.root, as: prefix) {
                // site.yml, and the record of the accepted base (which names the base as site.yml did: perhaps
                // `C:/Users/…` or `/home/…`), point at the next layer inside the archive.
                if file.path == prefix + "/site.yml" || file.path == prefix + "/" + BaseRecord.fileName, depth < layers.count - 1 {
                    // Read as Kenshu reads site.yml (a Windows BOM and CRLF are no obstacle to finding `base:`).
                    guard case .success(let text) = AuthorText.decode(file.data) else { throw ToolFailure(.notUTF8, "1") }
                    file = ArchiveFile(path: file.path, text: pointingBase(text))
                }
                files.append(file)
            }
        }
        return files
    }

    /// site.yml (or base-accepted.yml) with its top-level `base:` line pointing at the next layer inside the archive.
    static func pointingBase(_ yaml: String) -> String {
        var done = false
        return yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let key = line.prefix { $0 != ":" && $0 != "：" }.trimmingCharacters(in: .whitespaces)
            guard !done, key == "base", !line.hasPrefix(" ") else { return String(line) }
            done = true
            return "base: ../" + baseFolder + "/Content"
        }.joined(separator: "\n")
    }

    /// Every regular file under `root`, dot files and dot folders left out, as `prefix/relative/path`.
    static func folder(_ root: String, as prefix: String) throws -> [ArchiveFile] {
        let base = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else {
            return []
        }
        var files: [ArchiveFile] = []
        for case let url as URL in walker {
            // What systems and editors leave beside the author's files travels no further than the build reads.
            if LeftoverFiles.isLeftover(url.lastPathComponent) {
                walker.skipDescendants()
                continue
            }
            guard (try? url.resourceValues(forKeys: Set(keys)).isRegularFile) == true else { continue }
            let relative = url.standardizedFileURL.resolvingSymlinksInPath().path.dropFirst(base.path.count + 1)
            files.append(ArchiveFile(path: prefix + "/" + relative, data: try Data(contentsOf: url)))
        }
        return files
    }

    /// The manifest as JSON with sorted keys and files in path order, written by hand so its bytes never vary.
    static func manifest(_ files: [ArchiveFile], config: SiteConfig) -> String {
        func nullable(_ text: String?) -> String { text.map(JSONText.string) ?? "null" }
        var json = "{\n  \"files\": ["
        for (number, file) in files.enumerated() {
            json += (number == 0 ? "\n" : ",\n") + "    {\"path\": \(JSONText.string(file.path)), \"sha256\": \"\(SHA256.hex(file.data))\", \"size\": \(file.data.count)}"
        }
        json += "\n  ],\n  \"format\": 1,\n  \"id\": \(nullable(config.id)),\n  \"kenshu\": \(JSONText.string(KenshuVersion.current)),\n"
        json += "  \"title\": \(nullable(config.givenTitle)),\n  \"version\": \(nullable(config.version))\n}\n"
        return json
    }
}
