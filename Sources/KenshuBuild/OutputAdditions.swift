import Foundation
import KenshuCore

/// Files an author put into a built output folder, or changed there, after the build that wrote it: a
/// handout PDF dropped beside the pages, a page edited in place. The next build makes the folder anew, so
/// it would delete them; it stops instead (K0016), and says which.
///
/// Kenshu writes its marker after every other file of a build, so anything whose inode changed later
/// (`ctime`: set on creation, copy, edit or rename, and not carried over by copying tools that keep
/// modification times) came from someone else. Dot entries at the root are carried over to the new
/// output, so they are not looked at.
enum OutputAdditions {
    /// Throws K0016 when `output` is a Kenshu output holding such files (nothing to do for a new folder).
    static func refuseIfAny(in output: URL) throws {
        let folder = OutputLocation.canonical(output)
        let added = files(in: folder, builtAt: folder + "/" + OutputLocation.marker)
        guard added.isEmpty else {
            let shownFiles = added.prefix(3).joined(separator: ", ") + (added.count > 3 ? ", …" : "")
            throw ToolFailure(.outputHoldsNewFiles, output.path, shownFiles)
        }
    }

    /// Paths (relative to `folder`, sorted) of regular files and links changed after `marker` was written.
    static func files(in folder: String, builtAt marker: String) -> [String] {
        var markerStatus = stat()
        guard lstat(marker, &markerStatus) == 0 else { return [] }
        let built = markerStatus.st_mtim
        var found: [String] = []
        func walk(_ relative: String) {
            let directory = relative.isEmpty ? folder : folder + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
                if relative.isEmpty, name.hasPrefix(".") { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat(folder + "/" + path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: walk(path)
                case S_IFREG, S_IFLNK: if isLater(status.st_ctim, than: built) { found.append(path) }
                default: continue
                }
            }
        }
        walk("")
        return found.sorted()
    }

    static func isLater(_ time: timespec, than other: timespec) -> Bool {
        time.tv_sec > other.tv_sec || time.tv_sec == other.tv_sec && time.tv_nsec > other.tv_nsec
    }
}
