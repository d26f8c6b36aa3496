import Foundation

extension StringProtocol {
    /// Whether every byte is ASCII; lets hot paths skip Unicode normalisation and encoding work.
    @inlinable public var isASCII: Bool {
        utf8.withContiguousStorageIfAvailable(ASCIIBytes.all) ?? utf8.allSatisfy { $0 < 0x80 }
    }
}

/// The ASCII test over a string's own storage, eight bytes at a time: it runs for every path, id and
/// URL of a build, and the byte-by-byte generic loop showed in profiles.
public enum ASCIIBytes {
    @inlinable
    public static func all(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}

extension String {
    /// NFC, the form Kenshu uses for every path, id and key; text that is NFC already by a quick look
    /// (ASCII and Japanese) is returned as it is, without Foundation's UTF-16 round trip.
    public var nfc: String { isKnownNFC ? self : precomposedStringWithCanonicalMapping }

    /// Whether every scalar is in a range whose characters are unchanged by NFC and never combine with
    /// their neighbours (NFC_Quick_Check = Yes, combining class 0): ASCII, CJK symbols except the
    /// combining tone marks, kana except the combining voicing marks U+3099/U+309A, CJK ideographs,
    /// full-width and half-width forms. Anything else is left to Foundation.
    var isKnownNFC: Bool {
        isASCII || unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x80, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF, 0x4E00...0x9FFF, 0xFF01...0xFF9F: true
            default: false
            }
        }
    }
}

extension StringProtocol {
    /// Trims HTML's ASCII whitespace (space, tab, LF, FF, CR) without going through NSString,
    /// which costs a UTF-16 round trip on Linux; for the link checker's hot path.
    public var trimmingHTMLWhitespace: Substring {
        let text = Substring(self)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        guard let first = text.utf8.firstIndex(where: { !isSpace($0) }), let last = text.utf8.lastIndex(where: { !isSpace($0) })
        else { return Substring() }
        // Cut by bytes (the blanks are ASCII, so the cuts fall between scalars), with no grapheme breaking.
        return Substring(text.utf8[first...last])
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` without NSString's UTF-16 round trip in the
    /// usual case (see ``trimmingBlanks(newlines:)``, the one implementation).
    public var trimmingWhitespaceAndNewlines: String { trimmingBlanks(newlines: true) }
}
