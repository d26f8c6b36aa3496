import KenshuContent
import KenshuCore
import KenshuMarkdown
import KenshuQuiz
import KenshuSite

/// Links the first use of each glossary term on a page to its entry on `glossary.html`, and
/// warns about terms that no page uses.
///
/// It reads only the prose runs the Markdown stage recorded (``ParsedMarkdown/proseRuns``), so
/// headings, links, code and quizzes are never touched, and works longest name first so that
/// 「ガバメントクラウド」 is not linked as 「クラウド」.
public struct GlossaryLinker: SiteTransform {
    public let name = "glossary"
    /// Each page as linked last time, with the terms it uses: a preview rebuild links only the pages an
    /// edit changed, and unchanged pages keep their identity for the reviews after this one.
    private let memo = PageMemo<[GlossaryTerm], LinkedPage>()

    struct LinkedPage: Sendable {
        var page: ParsedPage
        var used: Set<Int>
    }

    public init() {}

    public func apply(to site: Site, diagnostics: inout Diagnostics) -> Site {
        guard !site.glossary.isEmpty else { return site }
        let terms = site.glossary
        let results = memo.values(of: site.pages, context: terms) { pages in
            let ids = Glossary.ids(of: terms)
            let matcher = TermMatcher(names: terms.map(\.names))
            return Parallel.map(pages) { page in
                var linked = page
                let terms = Self.link(&linked.body, matcher: matcher) { term in
                    let href = page.sitePath.relativeURL(to: GeneratedPagePaths.glossary, fragment: ids[term])
                    return "<a class=\"glossary-link\" href=\"\(HTMLEscaping.escape(href))\" data-definition=\""
                        + HTMLEscaping.escape(terms[term].definition) + "\">"
                }
                return LinkedPage(page: linked, used: terms.union(Self.mentioned(in: page.body, matcher: matcher)))
            }
        }
        var site = site
        var used = Set<Int>()
        for (index, result) in results.enumerated() {
            site.pages[index] = result.page
            used.formUnion(result.used)
        }
        for (index, term) in terms.enumerated() where !used.contains(index) {
            diagnostics.append(.warning(.glossaryTermUnused, term.term, at: term.location))
        }
        return site
    }

    /// Wraps the first match of each term in `body`'s prose in the link `open(term)` starts; returns the terms linked.
    /// The page's quizzes and other typed blocks keep their places (``ParsedMarkdown/insert(_:)``).
    static func link(_ body: inout ParsedMarkdown, matcher: TermMatcher, open: (Int) -> String) -> Set<Int> {
        let bytes = Array(body.html.utf8)
        var linked = Set<Int>()
        var insertions: [(offset: Int, text: String, closes: Bool)] = []
        for match in matcher.matches(in: bytes, runs: body.proseRuns) where linked.insert(match.term).inserted {
            insertions.append((match.range.lowerBound, open(match.term), false))
            insertions.append((match.range.upperBound, "</a>", true))
        }
        body.insert(insertions)
        return linked
    }

    /// Terms a page uses where they are not linked: in headings and in quizzes.
    static func mentioned(in body: ParsedMarkdown, matcher: TermMatcher) -> Set<Int> {
        let quizText = body.quizzes.flatMap { quiz in
            [quiz.questionMarkdown, quiz.explanationMarkdown] + quiz.answers
                + quiz.choices.flatMap { [$0.markdown, $0.feedbackMarkdown ?? ""] }
        }
        let texts = body.headings.map(\.text) + quizText
        var found = Set<Int>()
        for text in texts {
            let bytes = Array(HTMLEscaping.escape(text).utf8)
            found.formUnion(matcher.matches(in: bytes, runs: [0..<bytes.count]).map(\.term))
        }
        return found
    }
}
