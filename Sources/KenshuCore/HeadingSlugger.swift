import Foundation

/// Gives each heading of a page a stable id that keeps Japanese text readable in URLs.
///
/// The rule follows GitHub's, so links written for GitHub previews keep working:
/// NFC, ASCII lower-cased, spaces to `-`, punctuation and symbols dropped; a repeated id
/// gets `-2`, `-3`, … in order of appearance.
public struct HeadingSlugger: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    /// The id for the next heading with this plain text.
    public mutating func slug(for text: String) -> String {
        var base = Self.baseSlug(for: text)
        if base.isEmpty { base = "section" }
        guard let count = used[base] else {
            used[base] = 1
            return base
        }
        var n = count + 1
        while used["\(base)-\(n)"] != nil { n += 1 }
        used[base] = n
        used["\(base)-\(n)"] = 1
        return "\(base)-\(n)"
    }

    /// The id before duplicates are numbered.
    public static func baseSlug(for text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = text.nfc.unicodeScalars
        let trimmed = scalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }.reversed()
        for scalar in trimmed {
            if scalar.isASCII {
                switch scalar {
                case "A"..."Z": out.append(Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value + 32)))
                case "a"..."z", "0"..."9", "-", "_": out.append(scalar)
                case " ", "\t", "\n": out.append("-")
                default: continue
                }
                continue
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
