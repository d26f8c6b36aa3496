import KenshuContent
import KenshuCore
import KenshuRender
import KenshuSite
import KenshuTheme

/// `glossary.html`: every term of `glossary.yml`, grouped by the 五十音 row of its reading, each
/// with the id that glossary links point at, its definition and its source.
public struct GlossaryGenerator: SiteGenerator {
    public let name = "glossary.html"

    public init() {}

    public func files(for site: Site, theme: Theme) -> [GeneratedFile] {
        guard !site.glossary.isEmpty else { return [] }
        return [GeneratedFile(path: GlossaryPage.path) {
            SiteRenderer.renderGlossaryPage(of: site, theme: theme, values: Self.values(site.glossary, strings: theme.strings))
        }]
    }

    /// The template's values: `glossary_rows`, each `{name, id, terms: [{id, term, reading, definition, source_*}]}`.
    static func values(_ terms: [GlossaryTerm], strings: [String: String]) -> [String: Any] {
        let ids = Glossary.ids(of: terms)
        let entries = zip(terms, ids).map { (term: $0, id: $1, key: Self.sortKey($0)) }
        let rows = Dictionary(grouping: entries) { GojuonRow.row(of: $0.key) }
            .sorted { GojuonRow.order(of: $0.key) < GojuonRow.order(of: $1.key) }
        return ["glossary_rows": rows.map { row, entries -> [String: Any] in
            let name = row == GojuonRow.other
                ? strings["glossary_other"] ?? row
                : (strings["glossary_row"] ?? "{row}行").replacingOccurrences(of: "{row}", with: row)
            return [
                "name": name, "id": "gojuon-" + row,
                "terms": entries.sorted { ($0.key, $0.term.term) < ($1.key, $1.term.term) }.map { entry -> [String: Any] in
                    var values: [String: Any] = ["id": entry.id, "term": entry.term.term, "definition": entry.term.definition]
                    if let reading = entry.term.reading, reading != entry.term.term { values["reading"] = reading }
                    if !entry.term.aliases.isEmpty { values["aliases"] = entry.term.aliases.joined(separator: "、") }
                    if let title = entry.term.sourceTitle { values["source_title"] = title }
                    if let url = entry.term.sourceURL { values["source_url"] = url }
                    return values
                },
            ]
        }]
    }

    /// The reading in hiragana (katakana folded, ー read as the vowel before it), else the term:
    /// what 五十音 order sorts by, so that 「あーるえふあい」 sorts as 「ああるえふあい」.
    static func sortKey(_ term: GlossaryTerm) -> String {
        var key = String.UnicodeScalarView()
        for scalar in (term.reading ?? term.term).unicodeScalars {
            var folded = scalar
            if (0x30A1...0x30F6).contains(scalar.value), let hiragana = Unicode.Scalar(scalar.value - 0x60) { folded = hiragana }
            if folded == "ー", let previous = key.last, let vowel = vowels.first(where: { $0.value.contains(Character(previous)) }) {
                folded = vowel.key
            }
            key.append(folded)
        }
        return String(key)
    }

    private static let vowels: [Unicode.Scalar: String] = [
        "あ": "あかさたなはまやらわがざだばぱぁゃゎ", "い": "いきしちにひみりぎじぢびぴぃ", "う": "うくすつぬふむゆるぐずづぶぷぅゅゔ",
        "え": "えけせてねへめれげぜでべぺぇ", "お": "おこそとのほもよろをごぞどぼぽぉょ",
    ]
}
