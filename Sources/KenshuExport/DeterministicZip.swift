import Foundation
import KenshuZip

/// Writes archives whose bytes depend only on their files: entries sorted by path, one fixed
/// timestamp and fixed permissions. The same course exported twice gives the same file, so a
/// municipality can tell from a checksum whether a shared package really changed.
public enum DeterministicZip {
    /// The archive as bytes; duplicate paths keep the first file.
    public static func data(_ files: [ArchiveFile]) throws -> Data {
        var writer = ZipWriter()
        var seen: Set<String> = []
        for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) where seen.insert(file.path).inserted {
            try writer.add(path: file.path, data: file.data)
        }
        return try writer.finished()
    }
}
