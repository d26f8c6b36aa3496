import Foundation
import ZIPFoundation

/// Writes archives whose bytes depend only on their files: entries sorted by path, one fixed
/// timestamp and fixed permissions. The same course exported twice gives the same file, so a
/// municipality can tell from a checksum whether a shared package really changed.
public enum DeterministicZip {
    /// 2000-01-01 00:00:00 UTC: ZIP keeps local DOS times, so a date well inside its range.
    static let timestamp = Date(timeIntervalSince1970: 946_684_800)

    /// The archive as bytes; duplicate paths keep the first file.
    public static func data(_ files: [ArchiveFile]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        var seen: Set<String> = []
        for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) where seen.insert(file.path).inserted {
            let data = file.data
            try archive.addEntry(
                with: file.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
                permissions: 0o644, compressionMethod: data.isEmpty ? .none : .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }
}
