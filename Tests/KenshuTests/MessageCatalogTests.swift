import Foundation
import KenshuCore
import Testing

/// Every message has its Japanese and English words, with the same placeholders, and a stable code.
@Suite struct MessageCatalogTests {
    static func placeholders(_ text: String?) -> Set<String> {
        guard let text else { return [] }
        var found: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "}") else { break }
            if Int(rest[after..<close]) != nil { found.insert(String(rest[open...close])) }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    @Test(arguments: MessageKey.allCases)
    func testEveryMessageHasJapaneseAndEnglish(_ key: MessageKey) {
        let ja = MessageCatalog.catalog(.ja)[key]
        let en = MessageCatalog.catalog(.en)[key]
        #expect(ja != nil, "\(key) has no Japanese text")
        #expect(en != nil, "\(key) has no English text")
        #expect((ja?.fix == nil) == (en?.fix == nil), "\(key): advice in one language only")
        let jaPlaceholders = Self.placeholders(ja?.text).union(Self.placeholders(ja?.fix))
        let enPlaceholders = Self.placeholders(en?.text).union(Self.placeholders(en?.fix))
        #expect(jaPlaceholders == enPlaceholders, "\(key): \(jaPlaceholders) vs \(enPlaceholders)")
        if key.code != nil, let ja {
            #expect(ja.text.unicodeScalars.contains { $0.value >= 0x3040 } || ja.text == "{0}", "\(key): the Japanese text is not Japanese")
        }
    }

    @Test func testCodesAreUniqueAndWellFormed() {
        let codes = MessageKey.allCases.compactMap(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.count == 5 && $0.hasPrefix("K") && Int($0.dropFirst()) != nil })
    }

    @Test func testPrinter_speaksBothLanguagesWithCodeAndLocation() {
        let diagnostic = Diagnostic.error(.quizNoCorrectChoice, at: SourceLocation(path: "Content/a.md", line: 3, column: 1))
        #expect(DiagnosticPrinter(language: .ja).line(diagnostic)
            == "Content/a.md:3:1: エラー: 正解の選択肢がありません — 正しい選択肢を '- [x] …' にしてください [K6010]")
        #expect(DiagnosticPrinter(language: .en).line(diagnostic)
            == "Content/a.md:3:1: error: no choice is marked correct — mark the right answer as '- [x] …' [K6010]")
        let record = DiagnosticPrinter(language: .ja).record(diagnostic)
        #expect(record == DiagnosticRecord(
            code: "K6010", severity: "error", file: "Content/a.md", line: 3, column: 1,
            message: "正解の選択肢がありません", fix: "正しい選択肢を '- [x] …' にしてください"))
    }

    /// A value holding a line break or tab (a URL hidden with `&#x0A;`, a file name) stays on the diagnostic's one line.
    @Test func testControlCharactersInArguments_areSpelledOut() {
        let diagnostic = Diagnostic.warning(.unsafeURL, "java\nscript:\talert(1)\u{7F}", at: SourceLocation(path: "Content/a.md", line: 3, column: 1))
        let line = DiagnosticPrinter(language: .en).line(diagnostic)
        #expect(line.hasPrefix("Content/a.md:3:1: warning: URL 'java\\nscript:\\talert(1)\\u{7F}'"), "\(line)")
        #expect(!line.contains("\n") && !line.contains("\t"))
        let withFix = DiagnosticPrinter(language: .ja).line(.warning(.urlHostRelative, "//ev\nil/x", "https://ev\nil/x", at: SourceLocation(path: "a.md", line: 1, column: 1)))
        #expect(!withFix.contains("\n") && withFix.contains("'https://ev\\nil/x'"), "\(withFix)")
    }

    @Test func testLanguageChoice() {
        #expect(Language.choose(flag: .en, siteLanguage: "ja", environment: ["LANG": "ja_JP.UTF-8"]) == .en)
        #expect(Language.choose(flag: nil, siteLanguage: "en", environment: ["LANG": "ja_JP.UTF-8"]) == .ja)
        #expect(Language.choose(flag: nil, siteLanguage: "en", environment: ["LANG": "C.UTF-8"]) == .en)
        #expect(Language.choose(flag: nil, siteLanguage: "ja", environment: [:]) == .ja)
        #expect(Language.choose(flag: nil, siteLanguage: nil, environment: ["LANG": "en_GB.UTF-8"]) == .en)
    }
}
