import Foundation

/// Writes a zip archive in memory: files in the order given, names in UTF-8 (flagged), each file
/// deflated unless that would not make it smaller, one DOS timestamp for all, and mode 0644 for
/// Unix tools. The same files in the same order give the same bytes with the same zlib (another
/// zlib version may deflate differently; the files inside stay the same).
public struct ZipWriter {
    /// 2000-01-01 00:00:00, as zip's DOS date and time fields store it (no time zone).
    public static let fixedDate: UInt16 = (2000 - 1980) << 9 | 1 << 5 | 1
    public static let fixedTime: UInt16 = 0

    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    public init() {}

    /// Adds `data` under `path`.
    public mutating func add(path: String, data: Data) throws(ZipError) {
        let name = Array(path.utf8)
        guard count < 0xFFFF, name.count <= 0xFFFF, data.count < Int(UInt32.max), body.count < Int(UInt32.max) else {
            throw .tooLarge
        }
        let (crc, deflated) = try data.withUnsafeBytes { raw in
            Result { () throws(ZipError) in (Deflate.crc32(raw), raw.isEmpty ? nil : try Deflate.compress(raw)) }
        }.get()
        let useDeflate = deflated.map { $0.count < data.count } ?? false
        let method = useDeflate ? ZipLayout.deflated : ZipLayout.stored
        let compressedSize = UInt32(useDeflate ? deflated?.count ?? 0 : data.count)
        let offset = UInt32(body.count)

        // Fields shared by the local and the central header, from "version needed" on.
        var common: [UInt8] = []
        common.appendLittleEndian(UInt16(20))
        common.appendLittleEndian(ZipLayout.utf8Flag)
        common.appendLittleEndian(method)
        common.appendLittleEndian(Self.fixedTime)
        common.appendLittleEndian(Self.fixedDate)
        common.appendLittleEndian(crc)
        common.appendLittleEndian(compressedSize)
        common.appendLittleEndian(UInt32(data.count))
        common.appendLittleEndian(UInt16(name.count))
        common.appendLittleEndian(UInt16(0))  // extra field length

        body.appendLittleEndian(ZipLayout.localHeader)
        body += common
        body += name
        if useDeflate, let deflated { body += deflated } else { body += data }

        directory.appendLittleEndian(ZipLayout.centralHeader)
        directory.appendLittleEndian(UInt16(3 << 8 | 20))  // made by Unix, spec 2.0: the attributes are st_mode
        directory += common
        directory.appendLittleEndian(UInt16(0))  // comment length
        directory.appendLittleEndian(UInt16(0))  // disk number
        directory.appendLittleEndian(UInt16(0))  // internal attributes
        directory.appendLittleEndian(UInt32(0o100644) << 16)
        directory.appendLittleEndian(offset)
        directory += name
        count += 1
    }

    /// The finished archive: the files, the central directory, and its end record.
    public func finished() throws(ZipError) -> Data {
        guard body.count + directory.count < Int(UInt32.max) else { throw .tooLarge }
        var end: [UInt8] = []
        end.appendLittleEndian(ZipLayout.endOfDirectory)
        end.appendLittleEndian(UInt16(0))
        end.appendLittleEndian(UInt16(0))
        end.appendLittleEndian(UInt16(count))
        end.appendLittleEndian(UInt16(count))
        end.appendLittleEndian(UInt32(directory.count))
        end.appendLittleEndian(UInt32(body.count))
        end.appendLittleEndian(UInt16(0))
        var data = Data(capacity: body.count + directory.count + end.count)
        data.append(contentsOf: body)
        data.append(contentsOf: directory)
        data.append(contentsOf: end)
        return data
    }
}
