import KenshuCore

extension GlossaryTerm {
    /// The term and its aliases: every spelling that links to the term's entry.
    public var names: [String] { [term] + aliases.filter { !$0.isEmpty && $0 != term } }
}

extension Glossary {
    /// Each term's fragment id on the glossary page, unique within the glossary (`標準化法`, `term-2`…).
    public static func ids(of terms: [GlossaryTerm]) -> [String] {
        var slugger = HeadingSlugger()
        return terms.map { slugger.slug(for: $0.term) }
    }

    /// Names (terms or aliases) that belong to two terms: a link could go to either, so each is an error.
    static func clashes(in terms: [GlossaryTerm]) -> [Diagnostic] {
        var owner: [String: String] = [:]
        var problems: [Diagnostic] = []
        for term in terms {
            for name in term.names {
                if let first = owner[name], first != term.term {
                    problems.append(.error(.glossaryAliasClash, name, first, term.term, at: term.location))
                } else {
                    owner[name] = term.term
                }
            }
        }
        return problems
    }
}
