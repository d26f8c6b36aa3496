import KenshuContent
import KenshuCore
import KenshuQuiz
import KenshuRender
import KenshuSite
import KenshuTheme

/// `print.html`: the whole course on paper, in reading order (home, then each module's overview,
/// lessons and test), with a table of contents; each quiz becomes its question and choices, and
/// each module ends with an answer key carrying the explanations.
public struct PrintGenerator: SiteGenerator {
    public let name = "print.html"
    static let path = GeneratedPagePaths.print

    public init() {}

    public func files(for site: Site, theme: Theme) -> [GeneratedFile] {
        [GeneratedFile(path: Self.path, start: .early) { PrintAssembly.render(site, theme: theme) }]
    }

    /// The template's values: `print_toc` (the home page and modules, with their pages) and
    /// `print_sections` in reading order, each group's answer key after its last page.
    /// - Parameter content: each page section's `content`, by the page and its first quiz number;
    ///   ``content(_:page:theme:firstNumber:)`` unless the caller fills the bodies in later (``PrintAssembly``).
    static func values(
        _ site: Site, theme: Theme, content: (@Sendable (PageID, Int) -> String)? = nil
    ) -> PrintPageContext {
        var groups: [(title: String, pages: [PageID], hasOverview: Bool, number: Int?)] = []
        if let home = site.home { groups.append((site[page: home].frontMatter.title, [home], true, nil)) }
        groups += site.modules.enumerated().map { index, module in (module.title, module.pages, module.overview != nil, index + 1) }
        // Quiz numbers restart in each group: each page's first number, then its answer key entries.
        var firstNumber: [PageID: Int] = [:]
        var answerKeys: [(answers: [PrintPageContext.Answer], omitsTests: Bool)] = []
        for group in groups {
            var answers: [PrintPageContext.Answer] = []
            var number = 1
            var omitsTests = false
            for index in group.pages {
                firstNumber[index] = number
                let page = site[page: index]
                // A module test's answers stay off paper unless the site asks (`options: print_test_answers`).
                let keyed = !page.frontMatter.isTest || site.config.printTestAnswers
                for quiz in page.body.quizzes {
                    if keyed { answers.append(answer(quiz, number: number, page: page, section: sectionID(index))) }
                    omitsTests = omitsTests || !keyed
                    number += 1
                }
            }
            answerKeys.append((answers, omitsTests))
        }
        // The pages' bodies are most of the work (the whole course's HTML): made on all cores.
        let pageIDs = groups.flatMap(\.pages)
        let numbers = firstNumber
        let content = content ?? { page, number in Self.content(site, page: page, theme: theme, firstNumber: number) }
        let bodies = Dictionary(
            zip(pageIDs, Parallel.map(pageIDs) { id in
                section(site, page: id, theme: theme, content: content(id, numbers[id] ?? 1))
            }),
            uniquingKeysWith: { first, _ in first })
        var sections: [PrintPageContext.Section] = []
        var toc: [PrintPageContext.TOCEntry] = []
        for (groupNumber, group) in groups.enumerated() {
            let (answers, omitsTests) = answerKeys[groupNumber]
            let pageSections = group.pages.compactMap { bodies[$0] }
            sections += pageSections
            let hasKey = !answers.isEmpty || omitsTests
            if hasKey {
                sections.append(PrintPageContext.Section(
                    id: answersID(groupNumber), kind: "answers", title: group.title, isAnswers: true, answers: answers,
                    hasAnswers: !answers.isEmpty, omitsTestAnswers: omitsTests))
            }
            let children = pageSections.dropFirst(group.hasOverview ? 1 : 0).map {
                PrintPageContext.TOCEntry(title: $0.title, id: $0.id, children: [], hasChildren: false)
            } + (!hasKey ? [] : [PrintPageContext.TOCEntry(
                title: theme.strings["print_answer_key"] ?? "", id: answersID(groupNumber), children: [], hasChildren: false)])
            toc.append(PrintPageContext.TOCEntry(
                title: group.title, id: pageSections.first?.id ?? answersID(groupNumber), number: group.number, hasNumber: group.number != nil, children: children,
                hasChildren: !children.isEmpty))
        }
        return PrintPageContext(printTOC: toc, printSections: sections)
    }

    static func sectionID(_ page: PageID) -> String { "print-\(page.position)" }

    /// The element id of group `number`'s answer key (from 0: the home page's, then each module's).
    static func answersID(_ number: Int) -> String { "print-answers-\(number + 1)" }

    /// One page: its title, its `content` and what the template shows around it.
    static func section(_ site: Site, page index: PageID, theme: Theme, content: String) -> PrintPageContext.Section {
        let page = site[page: index]
        return PrintPageContext.Section(
            id: sectionID(index), kind: page.kind.rawValue, title: page.frontMatter.title,
            titleAnchor: page.frontMatter.titleID.map { sectionID(index) + "-" + $0 }, isAnswers: false,
            content: content,
            objectives: page.frontMatter.objectives, hasObjectives: !page.frontMatter.objectives.isEmpty,
            sources: page.frontMatter.sources.map { source in
                // A relative source URL is the page's: from print.html at the root it leads to the same file.
                var values = PageContext.SourceValues(source)
                values.url = values.url.map { PrintRelocation.rewrite($0, attribute: "href", from: page.sitePath, prefix: sectionID(index)) }
                return values
            },
            hasSources: !page.frontMatter.sources.isEmpty)
    }

    /// A page's body as print.html shows it: each quiz drawn by `print-quiz` in its place (numbered from
    /// `firstNumber`), links resolved from the site root and ids prefixed with the section's id.
    static func content(_ site: Site, page index: PageID, theme: Theme, firstNumber: Int) -> String {
        let page = site[page: index]
        var number = firstNumber
        let html = page.body.assembled { _, model in
            guard let quiz = model as? Quiz else { return "" }
            defer { number += 1 }
            return printedQuiz(quiz, number: number, theme: theme)
        }
        return PrintRelocation.relocate(html, from: page.sitePath, prefix: sectionID(index))
    }

    /// The quiz as paper shows it: number, question, choices (or a blank), from the `print-quiz` template.
    static func printedQuiz(_ quiz: Quiz, number: Int, theme: Theme) -> String {
        SiteRenderer.renderFragment("print-quiz", theme: theme, values: PrintQuizContext(
            t: theme.strings, number: number, question: quiz.questionHTML, isText: quiz.kind == .text,
            isMultiple: quiz.kind == .multiple, choices: quiz.choices.map(\.html)))
    }

    /// One entry of a module's answer key. Its choices and explanation are the page's own HTML, relocated as the page's
    /// section is (`section`): an image or a link written from the module's folder leads from print.html at the root, and
    /// a link to a heading of the page (`#目的`) to that heading in the page's section (`#print-3-目的`).
    static func answer(_ quiz: Quiz, number: Int, page: ParsedPage, section: String) -> PrintPageContext.Answer {
        let correct = quiz.kind == .text
            ? quiz.answers.map { HTMLEscaping.escape($0) }
            : quiz.choices.enumerated().filter(\.element.isCorrect).map { "\($0.offset + 1). " + $0.element.html }
        let answer = quiz.kind == .text ? correct.joined(separator: " / ")
            : PrintRelocation.relocate(correct.joined(separator: " / "), from: page.sitePath, prefix: section)
        return PrintPageContext.Answer(
            number: number, pageTitle: page.frontMatter.title, answer: answer,
            explanation: PrintRelocation.relocate(quiz.explanationHTML, from: page.sitePath, prefix: section),
            hasExplanation: !quiz.explanationHTML.isEmpty)
    }
}
