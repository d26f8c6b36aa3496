import Foundation
import KenshuContent
import KenshuCore
import KenshuMarkdown
import KenshuQuiz
import KenshuSite

/// One thing a search result can point at: a page's opening, one heading's section, a quiz or a
/// glossary term. Results show `title`, `heading` and a snippet of `text`, and link to `href`.
public struct SearchDocument: Sendable, Equatable {
    public enum Kind: String, Sendable { case page, section, quiz, glossary }

    public var kind: Kind
    /// The page title (for a glossary entry, the term).
    public var title: String
    public var heading: String
    /// From the site root: `02-hyojunka/01-law.html#section-id`.
    public var href: String
    public var text: String

    /// Every document of the site, in reading order, glossary terms last.
    public static func collect(from site: Site) -> [SearchDocument] {
        let perPage = Parallel.map(site.pages) { Self.documents(of: $0) }
        var documents: [SearchDocument] = []
        documents.reserveCapacity(perPage.reduce(site.glossary.count) { $0 + $1.count })
        for page in perPage { documents += page }
        guard !site.glossary.isEmpty else { return documents }
        for (term, id) in zip(site.glossary, Glossary.ids(of: site.glossary)) {
            documents.append(glossaryEntry(term, id: id))
        }
        return documents
    }

    /// How many documents ``documents(of:)`` makes for a page with these sections and block models,
    /// without making them (the preview lists the index files on every rebuild).
    static func count(sections: [PageSection], models: [any BlockModel]) -> Int {
        let opening = sections.first.map { $0.headingID == nil ? 1 : 0 } ?? 0
        return 1 + sections.count - opening + models.reduce(0) { $1 is Quiz ? $0 + 1 : $0 }
    }

    static func documents(of page: ParsedPage) -> [SearchDocument] {
        let matter = page.frontMatter
        let href = page.sitePath.value
        var sections = page.body.sections
        var opening = [matter.description ?? ""] + matter.objectives
        if let first = sections.first, first.headingID == nil {
            opening.append(first.text)
            sections.removeFirst()
        }
        var documents = [
            SearchDocument(
                kind: .page, title: matter.title, heading: "", href: href,
                text: opening.filter { !$0.isEmpty }.joined(separator: "\n"))
        ]
        for section in sections {
            let fragment = section.headingID.map { "#" + PercentEncoding.encodeFragment($0) } ?? ""
            documents.append(
                SearchDocument(kind: .section, title: matter.title, heading: section.headingText, href: href + fragment, text: section.text))
        }
        for quiz in page.body.quizzes {
            // The question is the result's heading (indexed with it); the text holds choices and explanations.
            var parts = quiz.choices.map(\.markdown)
            // A module test's explanations would give its answers away; lesson quizzes show theirs anyway.
            if !matter.isTest { parts += quiz.choices.compactMap(\.feedbackMarkdown) + [quiz.explanationMarkdown] }
            documents.append(
                SearchDocument(
                    kind: .quiz, title: matter.title, heading: MarkdownText.plain(quiz.questionMarkdown),
                    href: href + "#" + PercentEncoding.encodeFragment(quiz.elementID),
                    text: parts.map(MarkdownText.plain).filter { !$0.isEmpty }.joined(separator: "\n")))
        }
        return documents
    }

    /// A glossary term links to its entry on the glossary page (`glossary.html#id`), where the result says it is.
    /// (It linked to the first page section using the term, often the home page's opening.)
    static func glossaryEntry(_ term: GlossaryTerm, id: String) -> SearchDocument {
        var text = term.definition
        if !term.aliases.isEmpty { text += "\n" + term.aliases.joined(separator: "、") }
        return SearchDocument(
            kind: .glossary, title: term.term, heading: term.reading ?? "",
            href: GeneratedPagePaths.glossary.value + "#" + PercentEncoding.encodeFragment(id), text: text)
    }
}

/// Markdown as plain words, for the question and choice text of quizzes (which the site keeps as written).
enum MarkdownText {
    static func plain(_ markdown: String) -> String {
        var text = markdown
        // Regular expressions only where the syntax may be present: they dominate the cost at 10,000 pages.
        if text.utf8Range(of: "](") != nil {
            text = text.replacingOccurrences(of: #"!?\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
        }
        if text.hasUTF8Byte(0x0A) {
            text = text.replacingOccurrences(of: #"(?m)^\s*(#+|>|[-+]|\d+\.)\s+"#, with: "", options: .regularExpression)
        }
        text.unicodeScalars.removeAll { $0 == "*" || $0 == "_" || $0 == "`" }
        return text.trimmingWhitespaceAndNewlines
    }
}
