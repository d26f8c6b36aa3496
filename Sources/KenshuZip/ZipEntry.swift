import Foundation

/// One file, folder or link listed in a zip's central directory, as the archive declares it.
public struct ZipEntry: Sendable, Equatable {
    /// What the entry is. Only files have contents worth extracting.
    public enum Kind: Sendable, Equatable {
        case file
        case directory
        /// A symbolic link or another special file (recorded by a Unix zip tool): never extracted.
        case special
    }

    /// The name as stored, `/`-separated. Not yet checked for `..` or absolute paths.
    public let path: String
    public let kind: Kind
    let method: UInt16
    let crc32: UInt32
    let compressedSize: UInt64
    /// The size the entry declares; ``ZipArchive/extract(_:chunk:)`` never produces more.
    public let uncompressedSize: UInt64
    let localHeaderOffset: Int

    /// UTF-8 when valid; otherwise Shift_JIS, which is what Windows' own "compressed folder"
    /// writes on a Japanese PC (also when a tool set the UTF-8 flag wrongly). Nil when it is neither.
    static func decodeName(_ bytes: Data) -> String? {
        String(validating: bytes, as: UTF8.self) ?? String(data: bytes, encoding: .shiftJIS)
    }

    static func kind(name: String, madeBy: UInt16, externalAttributes: UInt32) -> Kind {
        if name.hasSuffix("/") || name.hasSuffix("\\") { return .directory }
        // Made by Unix (3): the high 16 bits of the attributes are st_mode.
        if madeBy >> 8 == 3 {
            let type = (externalAttributes >> 16) & 0o170000
            if type == 0o040000 { return .directory }
            if type != 0 && type != 0o100000 { return .special }
            return .file
        }
        // Made by DOS or Windows: the low byte holds the DOS attributes, 0x10 a folder.
        return externalAttributes & 0x10 != 0 ? .directory : .file
    }
}
