import Foundation

/// Turns the bytes of a file an author saved into the text Kenshu reads.
///
/// Files arrive from Windows editors with a byte-order mark, CRLF or lone CR line ends, and
/// sometimes in Shift_JIS. Every reader (pages, site.yml, glossary.yml, theme files) goes through
/// here, so a file saved on Windows builds exactly like the same file saved with LF, and a file
/// that is not UTF-8 becomes a located message instead of garbled text.
public enum AuthorText {
    /// Why bytes could not be read as text.
    public enum Problem: Error, Sendable, Equatable {
        /// Not UTF-8; `line` holds the first invalid byte; `shiftJIS` when the bytes read as Shift_JIS.
        case notUTF8(line: Int, shiftJIS: Bool)
    }

    /// UTF-8 text with the BOM removed and every line ending turned into `\n`.
    public static func decode(_ data: Data) -> Result<String, Problem> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Notepad's "Unicode" (and "Unicode big endian"): UTF-16 with its byte-order mark, read as such.
        if let utf16 = utf16Text(bytes) { bytes = Array(utf16.utf8) }
        if bytes.contains(0x0D) { bytes = normaliseLineEnds(bytes) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(.notUTF8(line: firstInvalidLine(bytes), shiftJIS: looksLikeShiftJIS(data)))
        }
        return .success(text)
    }

    /// Reads and decodes a file; `nil` when it cannot be read at all.
    public static func read(_ path: String) -> Result<String, Problem>? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return decode(data)
    }

    /// The text of UTF-16 bytes that start with a byte-order mark; `nil` for other bytes, or UTF-16 that is broken
    /// (an odd length, a lone surrogate), which is then told as not UTF-8.
    static func utf16Text(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
        let littleEndian: Bool
        switch (bytes[0], bytes[1]) {
        // UTF-32's little-endian mark starts the same way.
        case (0xFF, 0xFE) where !(bytes.count >= 4 && bytes[2] == 0 && bytes[3] == 0): littleEndian = true
        case (0xFE, 0xFF): littleEndian = false
        default: return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var index = 2
        while index < bytes.count {
            let low = UInt16(bytes[index]), high = UInt16(bytes[index + 1])
            units.append(littleEndian ? high << 8 | low : low << 8 | high)
            index += 2
        }
        return String(validating: units, as: UTF16.self)
    }

    /// The diagnostic for a file that is not UTF-8.
    public static func diagnostic(_ problem: Problem, path: String) -> Diagnostic {
        switch problem {
        case let .notUTF8(line, shiftJIS):
            let at = SourceLocation(path: path, line: line, column: 1)
            return shiftJIS ? .error(.looksShiftJIS, at: at) : .error(.notUTF8, String(line), at: at)
        }
    }

    /// The same text with `\r\n` and lone `\r` turned into `\n`.
    public static func normaliseLineEnds(_ text: String) -> String {
        String(decoding: normaliseLineEnds(Array(text.utf8)), as: UTF8.self)
    }

    /// `\r\n` and lone `\r` become `\n`.
    static func normaliseLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                out.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    /// The 1-based line of the first byte sequence that is not valid UTF-8.
    static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil else { return line }
            if byte == 0x0A { line += 1 }
            index += length
        }
        return line
    }

    /// Whether the bytes decode as Shift_JIS and hold Japanese characters (kana or kanji).
    static func looksLikeShiftJIS(_ data: Data) -> Bool {
        guard let text = String(data: data, encoding: .shiftJIS) else { return false }
        return text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
    }
}
