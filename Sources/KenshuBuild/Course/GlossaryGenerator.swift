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
        return [GeneratedFile(path: GeneratedPagePaths.glossary) {
            SiteRenderer.renderGlossaryPage(of: site, theme: theme, values: Self.values(site.glossary, strings: theme.strings))
        }]
    }

    /// The template's values: `glossary_rows`, each with its terms in 五十音 order.
    static func values(_ terms: [GlossaryTerm], strings: [String: String]) -> GlossaryPageContext {
        let ids = Glossary.ids(of: terms)
        let entries = zip(terms, ids).map { (term: $0, id: $1, key: Self.sortKey($0)) }
        let rows = Dictionary(grouping: entries) { GojuonRow.row(of: $0.key) }
            .sorted { GojuonRow.order(of: $0.key) < GojuonRow.order(of: $1.key) }
        let separator = strings["glossary_alias_separator"] ?? ", "
        return GlossaryPageContext(glossaryRows: rows.map { row, entries in
            let name = row == GojuonRow.other
                ? strings["glossary_other"] ?? row
                : (strings["glossary_row"] ?? "{row}").replacingOccurrences(of: "{row}", with: row)
            return GlossaryPageContext.Row(
                name: name, id: "gojuon-" + row,
                terms: entries.sorted { ($0.key, $0.term.term) < ($1.key, $1.term.term) }.map { entry in
                    GlossaryPageContext.Term(
                        id: entry.id, term: entry.term.term,
                        reading: entry.term.reading.flatMap { $0 == entry.term.term ? nil : $0 }, definition: entry.term.definition,
                        aliases: entry.term.aliases.isEmpty ? nil : entry.term.aliases.joined(separator: separator),
                        sourceTitle: entry.term.sourceTitle, sourceURL: entry.term.sourceURL)
                })
        })
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
