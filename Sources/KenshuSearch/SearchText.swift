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
        var scalars: [Unicode.Scalar] = []
        guard quickNormalise(text, into: &scalars) else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// ``quickNormalise(_:)``'s scalars, written over `scalars` (a buffer reused from text to text, so
    /// that indexing makes no string per text); `false`, leaving `scalars` unspecified, when any
    /// character needs Foundation.
    static func quickNormalise(_ text: String, into scalars: inout [Unicode.Scalar]) -> Bool {
        scalars.removeAll(keepingCapacity: true)
        for scalar in text.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0x00...0x7F, 0x3001...0x3002, 0x300C...0x300F, 0x3005, 0x3041...0x3096, 0x30FB, 0x4E00...0x9FFF: break
            case 0xFF01...0xFF5E: value -= 0xFEE0
            case 0x30FC: continue
            case 0x30A1...0x30F6, 0x30FD...0x30FE: value -= 0x60
            default: return false
            }
            if value >= 0x41 && value <= 0x5A { value += 0x20 }
            // Every value here is below U+10000 and not a surrogate.
            guard let mapped = Unicode.Scalar(value) else { return false }
            scalars.append(mapped)
        }
        return true
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
        forEachTerm(ofNormalised: Array(text.unicodeScalars), body)
    }

    /// The terms of text already normalised, given as its scalars. Runs are read in place (by where
    /// they start), not gathered into a new array.
    static func forEachTerm(ofNormalised scalars: [Unicode.Scalar], _ body: (SearchTerm) -> Void) {
        var runStart = 0
        var runClass = CharacterClass.separator
        func flush(_ end: Int) {
            switch runClass {
            case .separator: return
            case .alphanumeric:
                body(.word(string(of: scalars[runStart..<min(end, runStart + maxWordLength)])))
            case .ideographic:
                if end - runStart == 1 { body(.single(scalars[runStart])); return }
                for index in runStart..<(end - 1) { body(.pair(scalars[index], scalars[index + 1])) }
            }
        }
        for index in scalars.indices {
            let kind = characterClass(scalars[index].value)
            if kind != runClass {
                flush(index)
                runClass = kind
                runStart = index
            }
        }
        flush(scalars.count)
    }

    /// Words written with hyphens inside (`J-LIS`, `e-Gov`, `Wi-Fi`), also as one word without them (`jlis`,
    /// `egov`, `wifi`), for the index only: a learner types `jlis` and the text says `J-LIS`. Each chain of
    /// two or more Latin words joined by single hyphens that holds a letter (not a date like `2026-12-01`).
    static func forEachJoinedWord(ofNormalised scalars: [Unicode.Scalar], _ body: (SearchTerm) -> Void) {
        let hyphen: Unicode.Scalar = "-"
        var index = 0
        while index < scalars.count {
            guard characterClass(scalars[index].value) == .alphanumeric,
                  index == 0 || characterClass(scalars[index - 1].value) != .alphanumeric else {
                index += 1
                continue
            }
            var joined: [Unicode.Scalar] = []
            var parts = 0, hasLetter = false, end = index
            while end < scalars.count, characterClass(scalars[end].value) == .alphanumeric {
                while end < scalars.count, characterClass(scalars[end].value) == .alphanumeric {
                    hasLetter = hasLetter || !(0x30...0x39).contains(scalars[end].value)
                    joined.append(scalars[end])
                    end += 1
                }
                parts += 1
                guard end + 1 < scalars.count, scalars[end] == hyphen,
                      characterClass(scalars[end + 1].value) == .alphanumeric else { break }
                end += 1
            }
            if parts > 1, hasLetter { body(.word(string(of: joined.prefix(maxWordLength)))) }
            index = max(end, index + 1)
        }
    }

    /// Longer Latin runs (hashes, URLs) are cut, so one token cannot bloat the index.
    static let maxWordLength = 32

    /// `scalars` as a string, encoded straight into it: no array in between, and no allocation at all
    /// for a word of up to 15 bytes (most of them). Words are made for every occurrence in every page.
    static func string(of scalars: ArraySlice<Unicode.Scalar>) -> String {
        let byteCount = scalars.reduce(0) { $0 + UTF8.width($1) }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var written = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[written] = byte
                    written += 1
                }
            }
            return written
        }
    }
}
