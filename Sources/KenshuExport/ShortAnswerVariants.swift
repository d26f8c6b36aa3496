import Foundation
import KenshuQuiz

/// The accepted answers of a text question, plus the spellings Kenshu accepts but Moodle's short
/// answer would not: Kenshu compares after NFKC, without spaces or 「」, with every dash alike and a final 。
/// left out, and (when the quiz says so) with katakana and hiragana alike; Moodle folds only letter case.
/// Of the dashes, `-` and the two a Japanese IME types for it are written (`J-LIS`, `JーLIS`, `J−LIS`), each also with a
/// final `。`.
enum ShortAnswerVariants {
    static func variants(of answers: [String], kanaInsensitive: Bool) -> [String] {
        var out: [String] = [], seen: Set<String> = []
        func add(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty, seen.insert(trimmed.lowercased()).inserted { out.append(trimmed) }
        }
        for answer in answers {
            var folded = String.UnicodeScalarView(answer.precomposedStringWithCompatibilityMapping.unicodeScalars.compactMap {
                CharacterSet.whitespacesAndNewlines.contains($0) || $0 == "「" || $0 == "」" ? nil : (QuizAnswer.isDash($0) ? "-" : $0)
            })
            while let last = folded.last, last == "\u{3002}" || last == "." { folded.removeLast() }
            let plain = String(folded)
            var spellings = [answer, plain, fullWidth(plain)]
            if plain.contains("-") { spellings += ["\u{30FC}", "\u{2212}"].map { plain.replacingOccurrences(of: "-", with: $0) } }
            spellings += spellings.map { $0.hasSuffix("\u{3002}") ? $0 : $0 + "\u{3002}" }
            if kanaInsensitive { spellings += spellings.flatMap { [shiftKana($0, from: 0x30A1...0x30F6, by: -0x60), shiftKana($0, from: 0x3041...0x3096, by: 0x60)] } }
            spellings.forEach(add)
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
