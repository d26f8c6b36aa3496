import Foundation
import KenshuCore

/// Files an author put into a built output folder after the build that wrote it (a handout PDF dropped
/// beside the pages). The next build makes the folder anew, so it would delete them; it stops instead
/// (K0016), and says which.
///
/// Each build lists the files it wrote in `.kenshu-files`; anything else in the folder came from someone
/// else. A list, not file times: `chmod -R`, a file share's attributes or a backup tool change those on
/// Kenshu's own files. Dot entries at the root are carried over to the new output and leftovers of systems
/// and editors (`.DS_Store`, `Thumbs.db`) are nothing to lose, so neither is looked at. An output written
/// before this list existed is not looked at either. A page edited in place keeps its name and is not
/// noticed.
enum OutputAdditions {
    static let listName = ".kenshu-files"

    /// Throws K0016 when `output` is a Kenshu output holding files it did not write.
    static func refuseIfAny(in output: URL) throws {
        let folder = OutputLocation.canonical(output)
        let added = files(in: folder)
        guard added.isEmpty else {
            let shownFiles = added.prefix(3).joined(separator: ", ") + (added.count > 3 ? ", …" : "")
            throw ToolFailure(.outputHoldsNewFiles, output.path, shownFiles)
        }
    }

    /// The list's text for the files a build wrote (paths relative to the output).
    static func list(_ paths: [String]) -> String { paths.sorted().joined(separator: "\n") + "\n" }

    /// Paths (relative to `folder`, sorted) of files and links that its list does not name.
    static func files(in folder: String) -> [String] {
        guard let text = try? String(contentsOfFile: folder + "/" + listName, encoding: .utf8) else { return [] }
        let written = Set(text.split(separator: "\n").map(String.init))
        var found: [String] = []
        func walk(_ relative: String) {
            let directory = relative.isEmpty ? folder : folder + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
                if relative.isEmpty, name.hasPrefix(".") { continue }
                if LeftoverFiles.isLeftover(name) { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat(folder + "/" + path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: walk(path)
                case S_IFREG, S_IFLNK: if !written.contains(path) { found.append(path) }
                default: continue
                }
            }
        }
        walk("")
        return found.sorted()
    }
}
