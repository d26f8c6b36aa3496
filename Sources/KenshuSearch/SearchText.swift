import Foundation

/// The one definition of how search compares text, shared with the theme's `search.js`: the
/// index and every query go through the same steps, so a word matches however it was typed.
/// `Tests/Fixtures/search/normalisation.json` pins both sides to the same results.
public enum SearchText {
    /// NFKC (full-width ASCII and half-width kana become ordinary), lower case, final sigma as sigma,
    /// katakana as hiragana, and the long-vowel mark dropped (サーバー = サーバ = さーば).
    public static func normalise(_ text: String) -> String {
        quickNormalise(text) ?? fullNormalise(text)
    }

    /// The same result without Foundation, for text made only of characters whose NFKC form is known
    /// here (ASCII, full-width ASCII, kana, common kanji and punctuation): most Japanese prose.
    /// `nil` when any other character appears.
    static func quickNormalise(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0x00...0x7F, 0x3001...0x3002, 0x300C...0x300F, 0x3005, 0x3041...0x3096, 0x30FB, 0x4E00...0x9FFF: break
            case 0xFF01...0xFF5E: value -= 0xFEE0
            case 0x30FC: continue
            case 0x30A1...0x30F6, 0x30FD...0x30FE: value -= 0x60
            default: return nil
            }
            if value >= 0x41 && value <= 0x5A { value += 0x20 }
            // Every value here is below U+10000 and not a surrogate: one to three UTF-8 bytes.
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else if value < 0x800 {
                // One byte at a time: `bytes += [a, b]` made a temporary array for every character.
                bytes.append(UInt8(0xC0 | value >> 6))
                bytes.append(UInt8(0x80 | value & 0x3F))
            } else {
                bytes.append(UInt8(0xE0 | value >> 12))
                bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | value & 0x3F))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func fullNormalise(_ text: String) -> String {
        // NFC again: Foundation's NFKC can leave half-width voiced marks uncomposed (ｶﾞ → か + U+3099).
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased().precomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            switch scalar.value {
            case 0x30FC: continue
            case 0x03C2: scalars.append("\u{03C3}")
            case 0x30A1...0x30F6, 0x30FD...0x30FE:
                if let hiragana = Unicode.Scalar(scalar.value - 0x60) { scalars.append(hiragana) }
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// How a normalised character takes part in words.
    enum CharacterClass { case ideographic, alphanumeric, separator }

    static func characterClass(_ value: UInt32) -> CharacterClass {
        switch value {
        case 0x3005, 0x3006, 0x3041...0x309F, 0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
             0x20000...0x2FFFF:
            return .ideographic
        case 0x30...0x39, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x370...0x3FF, 0x400...0x4FF:
            return .alphanumeric
        default:
            return .separator
        }
    }

    /// The index terms of normalised text: Latin words and numbers whole; Japanese runs as
    /// overlapping character pairs (bigrams), so `標準` is found inside `標準準拠システム`.
    /// A Japanese run of one character is kept as itself.
    public static func tokens(ofNormalised text: String) -> [String] {
        var tokens: [String] = []
        forEachTerm(ofNormalised: text) { tokens.append($0.string) }
        return tokens
    }

    /// The terms of ``tokens(ofNormalised:)``, in the same order, as ``SearchTerm``s.
    static func forEachTerm(ofNormalised text: String, _ body: (SearchTerm) -> Void) {
        var run: [Unicode.Scalar] = []
        var runClass = CharacterClass.separator
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            switch runClass {
            case .separator: return
            case .alphanumeric: body(.word(String(String.UnicodeScalarView(run.prefix(maxWordLength)))))
            case .ideographic:
                if run.count == 1 { body(.single(run[0])); return }
                for index in 0..<(run.count - 1) { body(.pair(run[index], run[index + 1])) }
            }
        }
        for scalar in text.unicodeScalars {
            let kind = characterClass(scalar.value)
            if kind != runClass {
                flush()
                runClass = kind
            }
            if kind != .separator { run.append(scalar) }
        }
        flush()
    }

    /// Longer Latin runs (hashes, URLs) are cut, so one token cannot bloat the index.
    static let maxWordLength = 32
}
