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

    public init() {}

    public func apply(to site: Site, diagnostics: inout Diagnostics) -> Site {
        guard !site.glossary.isEmpty else { return site }
        let terms = site.glossary
        let ids = Glossary.ids(of: terms)
        let matcher = TermMatcher(names: terms.map(\.names))
        let pages = site.pages
        let results = Parallel.map(Array(pages.indices)) { index in
            let page = pages[index]
            let linked = Self.link(page.body, matcher: matcher) { term in
                let href = page.sitePath.relativeURL(to: GlossaryPage.path, fragment: ids[term])
                return "<a class=\"glossary-link\" href=\"\(HTMLEscaping.escape(href))\" data-definition=\""
                    + HTMLEscaping.escape(terms[term].definition) + "\">"
            }
            return (html: linked.html, used: linked.terms.union(Self.mentioned(in: page.body, matcher: matcher)))
        }
        var site = site
        var used = Set<Int>()
        for (index, result) in results.enumerated() {
            site.pages[index].body.html = result.html
            site.pages[index].body.proseRuns = []
            used.formUnion(result.used)
        }
        for (index, term) in terms.enumerated() where !used.contains(index) {
            diagnostics.append(.warning(.glossaryTermUnused, term.term, at: term.location))
        }
        return site
    }

    /// `body`'s HTML with the first match of each term wrapped in the link `open(term)` starts.
    static func link(_ body: ParsedMarkdown, matcher: TermMatcher, open: (Int) -> String) -> (html: String, terms: Set<Int>) {
        let bytes = Array(body.html.utf8)
        var linked = Set<Int>()
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1024)
        var copied = 0
        for match in matcher.matches(in: bytes, runs: body.proseRuns) where linked.insert(match.term).inserted {
            out += bytes[copied..<match.range.lowerBound]
            out += Array(open(match.term).utf8)
            out += bytes[match.range]
            out += Array("</a>".utf8)
            copied = match.range.upperBound
        }
        guard copied > 0 else { return (body.html, linked) }
        out += bytes[copied...]
        return (String(decoding: out, as: UTF8.self), linked)
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
