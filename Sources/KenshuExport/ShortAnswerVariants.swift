import Foundation

/// The accepted answers of a text question, plus the spellings Kenshu accepts but Moodle's short
/// answer would not: Kenshu compares after NFKC, without spaces or 「」, with every dash alike and a final 。
/// left out, and (when the quiz says so) with katakana and hiragana alike; Moodle folds only letter case.
/// Of the dashes, the two a Japanese IME types for `-` are added (`JーLIS`, `J−LIS`), and `。` after each answer.
enum ShortAnswerVariants {
    static func variants(of answers: [String], kanaInsensitive: Bool) -> [String] {
        var out: [String] = [], seen: Set<String> = []
        func add(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty, seen.insert(trimmed.lowercased()).inserted { out.append(trimmed) }
        }
        for answer in answers {
            let folded = String(answer.precomposedStringWithCompatibilityMapping.unicodeScalars.filter {
                !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "「" && $0 != "」"
            })
            var spellings = [answer, folded, fullWidth(folded)]
            if folded.contains("-") { spellings += ["\u{30FC}", "\u{2212}"].map { folded.replacingOccurrences(of: "-", with: $0) } }
            if kanaInsensitive { spellings += spellings.flatMap { [shiftKana($0, from: 0x30A1...0x30F6, by: -0x60), shiftKana($0, from: 0x3041...0x3096, by: 0x60)] } }
            spellings.forEach(add)
            if !answer.hasSuffix("\u{3002}") { add(answer + "\u{3002}") }
        }
        return out
    }

    /// ASCII letters, digits and signs as their full-width forms (what a Japanese IME often types).
    static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0x21...0x7E).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0xFEE0) ?? scalar : scalar
        }))
    }

    private static func shiftKana(_ text: String, from range: ClosedRange<UInt32>, by offset: Int64) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            range.contains(scalar.value) ? Unicode.Scalar(UInt32(Int64(scalar.value) + offset)) ?? scalar : scalar
        }))
    }
}
