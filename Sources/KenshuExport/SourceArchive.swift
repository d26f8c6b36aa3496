import Foundation
import KenshuBuild
import KenshuContent
import KenshuCore

/// The files another municipality needs to build and adapt the course: `Content/`, the course's
/// own theme folders (`Themes/<name>/` for each theme site.yml names other than the built-in
/// `default`), and `kenshu-source.json` naming the course id, its version and each file's SHA-256.
enum SourceArchive {
    static let manifestName = "kenshu-source.json"

    static func files(content: String, themes: String?, config: SiteConfig) throws -> [ArchiveFile] {
        var files = try folder(content, as: "Content")
        if let themes {
            for name in config.themes where name != "default" {
                let path = themes + "/" + name
                if FileManager.default.fileExists(atPath: path) { files += try folder(path, as: "Themes/" + name) }
            }
        }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return files + [ArchiveFile(path: manifestName, text: manifest(files, config: config))]
    }

    /// Every regular file under `root`, dot files and dot folders left out, as `prefix/relative/path`.
    static func folder(_ root: String, as prefix: String) throws -> [ArchiveFile] {
        let base = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else {
            return []
        }
        var files: [ArchiveFile] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: Set(keys)).isRegularFile) == true {
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
        json += "  \"title\": \(nullable(config.title)),\n  \"version\": \(nullable(config.version))\n}\n"
        return json
    }
}
