import Foundation

/// The terms under which a course may be reused, from `licence:` in site.yml: one of the presets
/// municipalities use (so the footer and every export can name it exactly and link to its text),
/// or the author's own words.
public struct Licence: Sendable, Hashable {
    /// Licences Kenshu knows by name; the theme holds their titles (`licence_` + ``stringKey``).
    public enum Preset: String, Sendable, Hashable, CaseIterable {
        /// Creative Commons Attribution 4.0 International.
        case ccBy40 = "CC-BY-4.0"
        /// The Digital Agency's 公共データ利用規約（第1.0版）, compatible with CC BY 4.0.
        case pdl10 = "PDL-1.0"

        /// The key of the licence's title in the theme's words.
        public var stringKey: String {
            switch self {
            case .ccBy40: "licence_cc_by_4_0"
            case .pdl10: "licence_pdl_1_0"
            }
        }

        /// The licence text, in the site's language when there is one.
        public func url(language: String) -> String {
            switch self {
            case .ccBy40: language == "ja" ? "https://creativecommons.org/licenses/by/4.0/deed.ja" : "https://creativecommons.org/licenses/by/4.0/"
            case .pdl10: "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0"
            }
        }

        /// `CC-BY-4.0`, `CC BY 4.0`, `cc-by 4.0` and `PDL1.0` all name a preset: spaces, hyphens and case are ignored.
        init?(loosely text: String) {
            let key = Self.fold(text)
            guard let preset = Self.allCases.first(where: { Self.fold($0.rawValue) == key }) else { return nil }
            self = preset
        }

        private static func fold(_ text: String) -> String {
            String(text.uppercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "_" && $0 != "　" })
        }
    }

    /// What site.yml says, as written.
    public var text: String
    public var preset: Preset?

    public init(_ text: String) {
        self.text = text
        self.preset = Preset(loosely: text.trimmingCharacters(in: .whitespaces))
    }
}

/// Who made the original course and where it is published, from `attribution:` in site.yml:
/// shown in the footer and in every export, so a copy keeps naming its source (CC BY requires it).
public struct Attribution: Sendable, Hashable {
    public var author: String?
    public var sourceURL: String?

    public init(author: String? = nil, sourceURL: String? = nil) {
        self.author = author
        self.sourceURL = sourceURL
    }
}
