import Foundation

/// Compares typed answers the way a Japanese reader would: width, case, spaces and 「」 do not matter, every dash is
/// alike (`JーLIS`, `J−LIS` and `J-LIS`, as a Japanese IME types them) and a final 。 or . is left out.
///
/// The page's script (`progress.js`) does the same steps (NFKC, lower case, drop spaces and 「」, dashes as `-`, drop
/// a final 。 or ., optionally katakana → hiragana), so the build can check that accepted answers are distinct and
/// tests can pin the rule.
public enum QuizAnswer {
    public static func normalise(_ text: String, kanaInsensitive: Bool = false) -> String {
        var result = String.UnicodeScalarView()
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "「" || scalar == "」" { continue }
            if isDash(scalar) {
                result.append("-")
            } else if kanaInsensitive, (0x30A1...0x30F6).contains(scalar.value) {
                result.append(Unicode.Scalar(scalar.value - 0x60) ?? scalar)
            } else {
                result.append(scalar)
            }
        }
        while let last = result.last, last == "\u{3002}" || last == "." { result.removeLast() }
        return String(result)
    }

    /// The dashes the script reads as `-`: U+2010…2015, the minus sign and the long vowel mark ー.
    public static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        (0x2010...0x2015).contains(scalar.value) || scalar.value == 0x2212 || scalar.value == 0x30FC
    }

    public static func matches(_ typed: String, accepted: [String], kanaInsensitive: Bool = false) -> Bool {
        let given = normalise(typed, kanaInsensitive: kanaInsensitive)
        return !given.isEmpty && accepted.contains { normalise($0, kanaInsensitive: kanaInsensitive) == given }
    }
}
