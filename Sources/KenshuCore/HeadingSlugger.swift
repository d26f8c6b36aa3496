import Foundation

/// Gives each heading of a page a stable id that keeps Japanese text readable in URLs.
///
/// The rule follows GitHub's, so links written for GitHub previews keep working:
/// NFC, ASCII lower-cased, spaces to `-`, punctuation and symbols dropped; a repeated id
/// gets `-1`, `-2`, … in order of appearance (as GitHub and mdBook number them), skipping
/// any id already taken.
public struct HeadingSlugger: Sendable {
    /// Every id given or reserved, with how many duplicates of it were numbered so far.
    private var used: [String: Int] = [:]

    public init() {}

    /// The id for the next heading with this plain text.
    public mutating func slug(for text: String) -> String {
        var base = Self.baseSlug(for: text)
        if base.isEmpty { base = "section" }
        var slug = base
        while used[slug] != nil {
            let count = used[base, default: 0] + 1
            used[base] = count
            slug = "\(base)-\(count)"
        }
        used[slug] = 0
        return slug
    }

    /// Gives `id` as it is (a heading's own `{#id}`) when no heading or reserved id has it; `false` when taken.
    public mutating func claim(_ id: String) -> Bool {
        guard used[id] == nil else { return false }
        used[id] = 0
        return true
    }

    /// Keeps `id` from being given to a heading (an id the page uses for something else).
    public mutating func reserve(_ id: String) {
        if used[id] == nil { used[id] = 0 }
    }

    /// The id before duplicates are numbered.
    public static func baseSlug(for text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = text.nfc.unicodeScalars
        // Trimmed by position (not through reversed lazy views, which showed in profiles).
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while start < end, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        for scalar in scalars[start..<end] {
            if scalar.isASCII {
                switch scalar {
                case "A"..."Z": out.append(Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value + 32)))
                case "a"..."z", "0"..."9", "-", "_": out.append(scalar)
                case " ", "\t", "\n": out.append("-")
                default: continue
                }
                continue
            }
            // Kana and the common kanji are all letters (Lo): most Japanese headings need no table lookup.
            switch scalar.value {
            case 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF:
                out.append(scalar)
                continue
            default: break
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
                 .connectorPunctuation:
                out.append(scalar)
            case .spaceSeparator:
                out.append("-")
            default:
                continue
            }
        }
        return String(out)
    }
}
