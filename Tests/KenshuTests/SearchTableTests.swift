import Testing
@testable import KenshuSearch

/// The index's own hash table and byte-order sort, each against the standard library's answer.
@Suite struct SearchTableTests {
    @Test func packedTermsKeepTheirNumbersThroughGrowth() {
        var numbering = TermNumbering()
        var rng = SystemRandomNumberGenerator()
        var seen: [SearchTerm: Int] = [:]
        // Enough terms to grow the table many times, with repeats and words mixed in.
        for _ in 0..<20_000 {
            let first = Unicode.Scalar(UInt32.random(in: 0x4E00...0x4E80, using: &rng)) ?? "一"
            let second = Unicode.Scalar(UInt32.random(in: 0x3041...0x3060, using: &rng)) ?? "あ"
            let term: SearchTerm = Bool.random(using: &rng) ? .pair(first, second)
                : Int.random(in: 0..<4, using: &rng) == 0 ? .word("w\(Int.random(in: 0..<300, using: &rng))") : .single(first)
            let number = numbering.number(of: term)
            if let earlier = seen[term] { #expect(earlier == number) } else { #expect(number == seen.count) }
            seen[term] = number
        }
        #expect(numbering.terms.count == seen.count)
        for (term, number) in seen { #expect(numbering.terms[number] == term) }
    }

    @Test func byteOrderIsStringOrderForIndexTerms() {
        let terms = ["標準", "標", "ab", "a", "あい", "アイ", "z9", "ガバ", "がば", "é", "e", "", "ー", "中央", "中"]
            .map(SearchText.normalise)
        #expect(terms.sorted(by: SearchScripts.utf8Precedes) == terms.sorted())
        #expect(!SearchScripts.utf8Precedes("同じ", "同じ"))
    }
}
