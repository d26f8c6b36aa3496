import Foundation

/// A zip archive read from bytes: its central directory as ``ZipEntry`` values, and each file's
/// contents on request. Written for archives from anywhere, including hostile ones: every offset
/// and length is checked against the bytes before use, and an entry inflates to no more than the
/// size it declares. ZIP64, encryption, split archives and methods other than stored and deflate
/// are ``ZipError/unsupported``; names are UTF-8 or, from Windows, Shift_JIS.
public struct ZipArchive: Sendable {
    public let entries: [ZipEntry]
    private let bytes: Data

    /// Reads the directory of `bytes`.
    public init(_ bytes: Data) throws(ZipError) {
        self.bytes = bytes
        entries = try bytes.withUnsafeBytes { raw in Result { () throws(ZipError) in try Self.directory(raw) } }.get()
    }

    /// Reads the archive at `path`, mapped rather than copied when the system allows.
    public init(contentsOf path: String) throws(ZipError) {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) else { throw .malformed }
        try self.init(data)
    }

    /// Hands `entry`'s contents to `chunk` a piece at a time, then checks its size and CRC.
    /// Errors thrown by `chunk` end the extraction and are rethrown.
    public func extract(_ entry: ZipEntry, chunk: (Data) throws -> Void) throws {
        try bytes.withUnsafeBytes { raw in
            guard raw.uint32(at: entry.localHeaderOffset) == ZipLayout.localHeader,
                  let nameLength = raw.uint16(at: entry.localHeaderOffset + 26),
                  let extraLength = raw.uint16(at: entry.localHeaderOffset + 28)
            else { throw ZipError.malformed }
            let start = entry.localHeaderOffset + ZipLayout.localHeaderSize + Int(nameLength) + Int(extraLength)
            guard start <= raw.count, entry.compressedSize <= UInt64(raw.count - start) else { throw ZipError.malformed }
            let stored = UnsafeRawBufferPointer(rebasing: raw[start..<start + Int(entry.compressedSize)])
            var crc: UInt32 = 0
            func checked(_ piece: Data) throws {
                crc = piece.withUnsafeBytes { Deflate.crc32($0, continuing: crc) }
                try chunk(piece)
            }
            switch entry.method {
            case ZipLayout.stored:
                guard entry.compressedSize == entry.uncompressedSize else { throw ZipError.corrupt }
                var offset = 0
                while offset < stored.count {
                    let end = min(stored.count, offset + 65536)
                    try checked(Data(stored[offset..<end]))
                    offset = end
                }
            case ZipLayout.deflated:
                try Deflate.inflate(stored, expectedSize: entry.uncompressedSize, chunk: checked)
            default:
                throw ZipError.unsupported
            }
            guard crc == entry.crc32 else { throw ZipError.corrupt }
        }
    }

    /// The whole of `entry`'s contents.
    public func contents(of entry: ZipEntry) throws -> Data {
        var data = Data()
        try extract(entry) { data.append($0) }
        return data
    }

    /// The end-of-central-directory record: the last signature whose comment reaches exactly to the
    /// end of the file, else (bytes appended after the archive, which Info-ZIP and Python's zipfile
    /// ignore too) the last one whose comment fits.
    private static func endOfDirectory(_ raw: UnsafeRawBufferPointer) throws(ZipError) -> Int {
        let last = raw.count - ZipLayout.endOfDirectorySize
        guard last >= 0 else { throw .malformed }
        var fitting: Int?
        for offset in stride(from: last, through: max(0, last - 65535 - 1024), by: -1)
        where raw.uint32(at: offset) == ZipLayout.endOfDirectory {
            guard let comment = raw.uint16(at: offset + 20).map(Int.init), comment <= last - offset else { continue }
            if comment == last - offset { return offset }
            if fitting == nil { fitting = offset }
        }
        guard let fitting else { throw .malformed }
        return fitting
    }

    private static func directory(_ raw: UnsafeRawBufferPointer) throws(ZipError) -> [ZipEntry] {
        let end = try endOfDirectory(raw)
        guard let disk = raw.uint16(at: end + 4), let directoryDisk = raw.uint16(at: end + 6),
              let onDisk = raw.uint16(at: end + 8), let total = raw.uint16(at: end + 10),
              let size = raw.uint32(at: end + 12), let start = raw.uint32(at: end + 16)
        else { throw .malformed }
        guard total != 0xFFFF, size != 0xFFFF_FFFF, start != 0xFFFF_FFFF else { throw .unsupported }
        guard disk == 0, directoryDisk == 0, onDisk == total else { throw .unsupported }
        // The directory ends where the end record begins: anything before the offsets it names
        // (a self-extractor's stub, a mail header) shifts every offset by the same amount.
        guard UInt64(size) <= UInt64(end), UInt64(start) <= UInt64(end) - UInt64(size) else { throw .malformed }
        let shift = end - Int(size) - Int(start)
        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(total))
        var offset = Int(start) + shift
        for _ in 0..<total {
            let (entry, next) = try centralEntry(raw, at: offset, directoryEnd: end, shift: shift)
            offset = next
            entries.append(entry)
        }
        return entries
    }

    /// One central directory record and where the next begins.
    private static func centralEntry(
        _ raw: UnsafeRawBufferPointer, at offset: Int, directoryEnd: Int, shift: Int
    ) throws(ZipError) -> (ZipEntry, Int) {
        guard raw.uint32(at: offset) == ZipLayout.centralHeader,
              let madeBy = raw.uint16(at: offset + 4), let flags = raw.uint16(at: offset + 8),
              let method = raw.uint16(at: offset + 10), let crc = raw.uint32(at: offset + 16),
              let compressed = raw.uint32(at: offset + 20), let uncompressed = raw.uint32(at: offset + 24),
              let nameLength = raw.uint16(at: offset + 28), let extraLength = raw.uint16(at: offset + 30),
              let commentLength = raw.uint16(at: offset + 32), let external = raw.uint32(at: offset + 38),
              let local = raw.uint32(at: offset + 42)
        else { throw .malformed }
        let nameStart = offset + ZipLayout.centralHeaderSize
        let next = nameStart + Int(nameLength) + Int(extraLength) + Int(commentLength)
        guard next <= directoryEnd else { throw .malformed }
        guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else { throw .unsupported }
        guard flags & ZipLayout.encryptedFlag == 0 else { throw .unsupported }
        let nameBytes = Data(raw[nameStart..<nameStart + Int(nameLength)])
        guard let name = ZipEntry.decodeName(nameBytes) else { throw .malformed }
        let kind = ZipEntry.kind(name: name, madeBy: madeBy, externalAttributes: external)
        let entry = ZipEntry(
            path: name, kind: kind, method: method, crc32: crc, compressedSize: UInt64(compressed),
            uncompressedSize: UInt64(uncompressed), localHeaderOffset: Int(local) + shift)
        return (entry, next)
    }
}
