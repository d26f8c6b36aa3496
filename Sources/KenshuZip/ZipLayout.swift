/// The zip format's fixed parts (PKWARE APPNOTE 6.3.10, without ZIP64): record signatures, the
/// sizes of their fixed fields, and little-endian reads that return nil past the end instead of trapping.
enum ZipLayout {
    static let localHeader: UInt32 = 0x0403_4B50
    static let centralHeader: UInt32 = 0x0201_4B50
    static let endOfDirectory: UInt32 = 0x0605_4B50

    static let localHeaderSize = 30
    static let centralHeaderSize = 46
    static let endOfDirectorySize = 22

    /// General purpose flag: the name is UTF-8.
    static let utf8Flag: UInt16 = 0x0800
    /// General purpose flag: the entry is encrypted.
    static let encryptedFlag: UInt16 = 0x0001

    static let stored: UInt16 = 0
    static let deflated: UInt16 = 8
}

extension UnsafeRawBufferPointer {
    /// The little-endian `UInt16` at `offset`, or nil when it does not fit.
    func uint16(at offset: Int) -> UInt16? {
        guard offset >= 0, offset <= count - 2 else { return nil }
        return UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    /// The little-endian `UInt32` at `offset`, or nil when it does not fit.
    func uint32(at offset: Int) -> UInt32? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        return UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16 | UInt32(self[offset + 3]) << 24
    }
}

extension Array where Element == UInt8 {
    mutating func appendLittleEndian(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendLittleEndian(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}
