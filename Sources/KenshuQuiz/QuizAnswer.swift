import Foundation

/// Compares typed answers the way a Japanese reader would: width, case, spaces and 「」 do not matter.
///
/// The page's script does the same steps (NFKC, trim, lower case, drop spaces and 「」, optionally
/// katakana → hiragana), so the build can check that accepted answers are distinct and tests can pin the rule.
public enum QuizAnswer {
    public static func normalise(_ text: String, kanaInsensitive: Bool = false) -> String {
        var result = String.UnicodeScalarView()
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "「" || scalar == "」" { continue }
            if kanaInsensitive, (0x30A1...0x30F6).contains(scalar.value) {
                result.append(Unicode.Scalar(scalar.value - 0x60) ?? scalar)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    public static func matches(_ typed: String, accepted: [String], kanaInsensitive: Bool = false) -> Bool {
        let given = normalise(typed, kanaInsensitive: kanaInsensitive)
        return !given.isEmpty && accepted.contains { normalise($0, kanaInsensitive: kanaInsensitive) == given }
    }
}
