import Foundation
import KenshuCore
import ZIPFoundation

/// A `source` export (`kenshu export --format source`) used as `base:`: unpacked once into a
/// folder under the system's temporary folder, named by the zip's SHA-256, and read from there.
///
/// Only regular files with plain relative paths are unpacked (no `..`, no absolute paths, no
/// links), and the bytes actually inflated are counted, so that no zip can write outside its folder
/// or fill the disk.
enum BaseArchive {
    /// The most a course zip may inflate to.
    static let byteLimit: UInt64 = 2 << 30

    enum Failure: Error {
        case unreadable(String)
        case tooLarge
        case withoutSite
    }

    /// The content folder inside the unpacked zip (`Content/` when the zip has one, else its root).
    static func unpack(_ zipPath: String) throws(Failure) -> String {
        guard let data = FileManager.default.contents(atPath: zipPath) else { throw .unreadable(zipPath) }
        let digest = String(SHA256.hex(data).prefix(24))
        let cache = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kenshu-base-" + digest)
        if !FileManager.default.fileExists(atPath: cache.path) {
            try unpack(data, into: cache)
        }
        for candidate in [cache.appendingPathComponent("Content"), cache] where
            FileManager.default.fileExists(atPath: candidate.appendingPathComponent("site.yml").path) {
            return candidate.path
        }
        throw .withoutSite
    }

    /// Unpacks into a fresh folder beside `target`, then renames it into place, so that a reader
    /// never sees half a course and two builds at once do not trip over each other.
    private static func unpack(_ data: Data, into target: URL) throws(Failure) {
        let fm = FileManager.default
        let staging = URL(fileURLWithPath: target.path + ".partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        defer { try? fm.removeItem(at: staging) }
        do {
            let archive = try Archive(data: data, accessMode: .read)
            var written: UInt64 = 0
            for entry in archive where entry.type == .file {
                guard let relative = safeRelativePath(entry.path) else { continue }
                let destination = staging.appendingPathComponent(relative)
                try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard fm.createFile(atPath: destination.path, contents: nil), let handle = FileHandle(forWritingAtPath: destination.path) else {
                    throw Failure.unreadable(relative)
                }
                defer { try? handle.close() }
                _ = try archive.extract(entry) { chunk in
                    written += UInt64(chunk.count)
                    if written > byteLimit { throw Failure.tooLarge }
                    handle.write(chunk)
                }
            }
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !fm.fileExists(atPath: target.path) { try fm.moveItem(at: staging, to: target) }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .unreadable(error.localizedDescription)
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
