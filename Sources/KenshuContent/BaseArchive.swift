import Foundation
import Glibc
import KenshuCore
import KenshuZip

/// A `source` export (`kenshu export --format source`) used as `base:`: unpacked once into the
/// user's own cache folder (`kenshu-base-<uid>/` under the temporary folder, mode 0700), named by
/// the zip's SHA-256, and read from there.
///
/// Only regular files with plain relative paths are unpacked (no `..`, no absolute paths, no
/// links). The sizes the zip declares are added up before anything is written, and the bytes
/// actually inflated are counted too, so no zip can write outside its folder or fill the disk.
/// A cached copy is used again only when every file it listed is still there with its size (a
/// temp cleaner may have removed some); copies unused for a week are removed.
enum BaseArchive {
    /// The most a course zip may inflate to.
    static let byteLimit: UInt64 = 2 << 30
    static let markerName = ".kenshu-unpacked"
    static let unusedAfter: TimeInterval = 7 * 24 * 3600

    enum Failure: Error, Equatable {
        case unreadable
        /// A real zip that uses what Kenshu does not read: a password, ZIP64, Deflate64.
        case unsupported
        case tooLarge
        case withoutSite
        /// No site.yml, but a zip inside (a zip of the export zip): the name of the inner zip.
        case holdsZip(String)
    }

    /// The content folder inside the unpacked zip, and its path inside the zip (`/Content`, `""` or `/<folder>/Content`):
    /// `Content/` when the zip has one, else its root; or the same inside the zip's one folder, as Windows'
    /// "Send to > Compressed folder" makes of an unpacked export or a course's folder.
    static func unpack(_ zipPath: String) throws(Failure) -> (folder: String, inside: String) {
        guard let digest = SHA256.hex(fileAt: zipPath) else { throw .unreadable }
        let cache = cacheFolder().appendingPathComponent(String(digest.prefix(24)))
        if !isComplete(cache) {
            // Not removed here: another build may be unpacking the same zip and move its complete copy in meanwhile.
            try unpack(URL(fileURLWithPath: zipPath), into: cache)
            pruneUnused(except: cache)
        }
        // Touch the marker: this copy is in use.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: cache.appendingPathComponent(markerName).path)
        let fm = FileManager.default
        let top = ((try? fm.contentsOfDirectory(atPath: cache.path)) ?? []).filter { $0 != markerName && $0 != "__MACOSX" }
        var insides = ["/Content", ""]
        if top.count == 1, let only = top.first, isDirectory(cache.appendingPathComponent(only)) {
            insides += ["/\(only)/Content", "/\(only)"]
        }
        for inside in insides where fm.fileExists(atPath: cache.path + inside + "/site.yml") {
            return (cache.path + inside, inside)
        }
        if top.count == 1, let only = top.first, only.lowercased().hasSuffix(".zip") { throw .holdsZip(only) }
        throw .withoutSite
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }

    /// This user's cache folder, made private to them; a fresh folder when the usual one is not theirs.
    static func cacheFolder() -> URL {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kenshu-base-\(getuid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var info = stat()
        if lstat(folder.path, &info) == 0, info.st_uid == getuid(), info.st_mode & 0o077 == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            return folder
        }
        // Someone else's folder by that name (or a link): never read from it.
        let own = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kenshu-base-\(getuid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: own, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return own
    }

    /// Whether `folder` holds every file its marker lists, each with its size.
    static func isComplete(_ folder: URL) -> Bool {
        guard let listing = try? String(contentsOf: folder.appendingPathComponent(markerName), encoding: .utf8) else { return false }
        for line in listing.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, let size = UInt64(parts[0]),
                  let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(String(parts[1])).path),
                  (attributes[.size] as? NSNumber)?.uint64Value == size else { return false }
        }
        return true
    }

    /// Unpacks into a fresh folder beside `target`, then renames it into place, so that a reader
    /// never sees half a course and two builds at once do not trip over each other.
    private static func unpack(_ zip: URL, into target: URL) throws(Failure) {
        let fm = FileManager.default
        // Unique per unpacking, not only per process: two builds in one process (tests, the preview) may
        // unpack the same zip at once.
        let staging = URL(fileURLWithPath: target.path + ".partial-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try? fm.removeItem(at: staging)
        defer { try? fm.removeItem(at: staging) }
        do {
            let archive = try ZipArchive(contentsOf: zip.path)
            let entries = archive.entries.filter { $0.kind == .file }
            guard entries.reduce(UInt64(0), { $0 &+ $1.uncompressedSize }) <= byteLimit else { throw Failure.tooLarge }
            var written: UInt64 = 0
            var listing = ""
            var seen: Set<String> = []
            for entry in entries {
                // A name given twice keeps its first file, so the listing stays true (and the copy reusable).
                guard let relative = safeRelativePath(entry.path), seen.insert(relative).inserted else { continue }
                let destination = staging.appendingPathComponent(relative)
                try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard fm.createFile(atPath: destination.path, contents: nil), let handle = FileHandle(forWritingAtPath: destination.path) else {
                    throw Failure.unreadable
                }
                defer { try? handle.close() }
                var size: UInt64 = 0
                try archive.extract(entry) { chunk in
                    written += UInt64(chunk.count)
                    size += UInt64(chunk.count)
                    if written > byteLimit { throw Failure.tooLarge }
                    handle.write(chunk)
                }
                listing += "\(size)\t\(relative)\n"
            }
            try Data(listing.utf8).write(to: staging.appendingPathComponent(markerName))
            // Another build that unpacked the same zip meanwhile is read from its copy; an incomplete copy (a temp
            // cleaner took files from it) is replaced.
            if isComplete(target) { return }
            try? fm.removeItem(at: target)
            do {
                try fm.moveItem(at: staging, to: target)
            } catch where isComplete(target) {
                return
            }
        } catch let failure as Failure {
            throw failure
        } catch ZipError.unsupported {
            throw .unsupported
        } catch {
            throw .unreadable
        }
    }

    /// Removes unpacked copies nobody has used for a week. A folder without its marker yet is another
    /// unpacking in progress (or one left by a killed build): it counts from its own last change.
    private static func pruneUnused(except kept: URL) {
        let fm = FileManager.default
        let folder = kept.deletingLastPathComponent()
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where name != kept.lastPathComponent {
            let copy = folder.appendingPathComponent(name)
            let used = (try? fm.attributesOfItem(atPath: copy.appendingPathComponent(markerName).path))?[.modificationDate] as? Date
                ?? (try? fm.attributesOfItem(atPath: copy.path))?[.modificationDate] as? Date ?? .distantPast
            if Date().timeIntervalSince(used) > unusedAfter { try? fm.removeItem(at: folder.appendingPathComponent(name)) }
        }
    }

    /// `path` when it names a file inside the archive's own folder; `nil` for `..`, absolute paths and empty names.
    static func safeRelativePath(_ path: String) -> String? {
        let parts = path.replacingOccurrences(of: "\\", with: "/").split(separator: "/", omittingEmptySubsequences: true)
        guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." || $0.contains(":") }) else {
            return nil
        }
        return parts.joined(separator: "/")
    }
}
