import KenshuTheme

/// What `glossary.mustache` sees besides the page's values: the terms, grouped by 五十音 row.
public struct GlossaryPageContext: TemplateContext {
    /// The names a template writes for these fields.
    public enum CodingKeys: String, CodingKey, CaseIterable { case glossaryRows = "glossary_rows" }

    /// One row of the syllabary (あ行, …, then letters and digits).
    public struct Row: TemplateContext {
        /// The names a template writes for these fields.
        public enum CodingKeys: String, CodingKey, CaseIterable { case name, id, terms }

        /// The row's heading in the theme's words (`glossary_row`, `glossary_other`).
        public var name: String
        /// The heading's element id (`gojuon-あ`).
        public var id: String
        public var terms: [Term]

        public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .name: name
            case .id: id
            case .terms: terms
            }
        }
    }

    /// One term of `glossary.yml`.
    public struct Term: TemplateContext {
        /// The names a template writes for these fields.
        public enum CodingKeys: String, CodingKey, CaseIterable {
            case id, term, reading, definition, aliases, sourceTitle = "source_title", sourceURL = "source_url"
        }

        /// The element id glossary links point at.
        public var id: String
        public var term: String
        /// The reading, when it differs from the term.
        public var reading: String?
        public var definition: String
        /// Other names, joined with the theme's `glossary_alias_separator`; absent when there are none.
        public var aliases: String?
        public var sourceTitle: String?
        public var sourceURL: String?

        public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .id: id
            case .term: term
            case .reading: reading
            case .definition: definition
            case .aliases: aliases
            case .sourceTitle: sourceTitle
            case .sourceURL: sourceURL
            }
        }
    }

    public var glossaryRows: [Row]

    public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
        switch field {
        case .glossaryRows: glossaryRows
        }
    }
}
