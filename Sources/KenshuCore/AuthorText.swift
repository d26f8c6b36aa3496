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
