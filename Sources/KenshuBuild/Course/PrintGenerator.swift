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
    static let path = SitePath("print.html")

    public init() {}

    public func files(for site: Site, theme: Theme) -> [GeneratedFile] {
        [GeneratedFile(path: Self.path) { SiteRenderer.renderPrintPage(of: site, theme: theme, values: Self.values(site, theme: theme)) }]
    }

    /// The template's values: `print_toc` (the home page and modules, with their pages) and
    /// `print_sections` in reading order, each group's answer key after its last page.
    static func values(_ site: Site, theme: Theme) -> [String: Any] {
        var groups: [(title: String, pages: [Int], hasOverview: Bool)] = []
        if let home = site.homeIndex { groups.append((site.pages[home].frontMatter.title, [home], true)) }
        groups += site.modules.map { module in
            (module.title, [module.pageIndex].compactMap { $0 } + module.lessonIndices, module.pageIndex != nil)
        }
        // Quiz numbers restart in each group; the keys (page path and quiz id) are unique in the site.
        var numbers: [String: Int] = [:]
        for group in groups {
            var count = 0
            for index in group.pages {
                for quiz in site.pages[index].body.quizzes {
                    count += 1
                    numbers[site.pages[index].sitePath.value + "#" + quiz.id] = count
                }
            }
        }
        // The pages' bodies are most of the work (the whole course's HTML): made on all cores.
        let pageIndices = groups.flatMap(\.pages)
        let bodies = Dictionary(
            zip(pageIndices, Parallel.map(pageIndices) { [numbers] in content(site, page: $0, theme: theme, numbers: numbers) }),
            uniquingKeysWith: { first, _ in first })
        var sections: [[String: Any]] = []
        var toc: [[String: Any]] = []
        for (groupNumber, group) in groups.enumerated() {
            var answers: [[String: Any]] = []
            let answersID = "print-answers-\(groupNumber + 1)"
            for index in group.pages {
                for quiz in site.pages[index].body.quizzes {
                    answers.append(answer(quiz, number: answers.count + 1, page: site.pages[index], prefix: answersID))
                }
            }
            let pageSections = group.pages.map { section(site, page: $0, content: bodies[$0] ?? "") }
            sections += pageSections
            if !answers.isEmpty {
                sections.append(["id": answersID, "kind": "answers", "title": group.title, "is_answers": true, "answers": answers])
            }
            let children = pageSections.dropFirst(group.hasOverview ? 1 : 0).map { ["title": $0["title"] ?? "", "id": $0["id"] ?? ""] }
                + (answers.isEmpty ? [] : [["title": theme.strings["print_answer_key"] ?? "解答と解説", "id": answersID]])
            toc.append([
                "title": group.title, "id": pageSections.first?["id"] ?? answersID, "children": children, "has_children": !children.isEmpty,
            ])
        }
        return ["print_sections": sections, "print_toc": toc]
    }

    static func sectionID(_ pageIndex: Int) -> String { "print-\(pageIndex)" }

    /// One page's body for paper: quizzes replaced by their printed form, ids and URLs relocated.
    static func content(_ site: Site, page index: Int, theme: Theme, numbers: [String: Int]) -> String {
        let page = site.pages[index]
        var html = page.body.html
        for quiz in page.body.quizzes {
            let number = numbers[page.sitePath.value + "#" + quiz.id] ?? 0
            html = replaceForm(of: quiz, in: html, with: printedQuiz(quiz, number: number, theme: theme))
        }
        return PrintRelocation.relocate(html, from: page.sitePath, prefix: sectionID(index))
    }

    /// One page: its title and its body (from ``content(_:page:theme:numbers:)``).
    static func section(_ site: Site, page index: Int, content: String) -> [String: Any] {
        let page = site.pages[index]
        let id = sectionID(index)
        return [
            "id": id, "kind": page.kind.rawValue, "title": page.frontMatter.title, "is_answers": false,
            "content": content,
            "objectives": page.frontMatter.objectives, "has_objectives": !page.frontMatter.objectives.isEmpty,
            "sources": page.frontMatter.sources.map { source -> [String: Any] in
                var values: [String: Any] = ["title": source.title]
                if let url = source.url { values["url"] = url }
                if let accessed = source.accessed { values["accessed"] = accessed }
                return values
            },
            "has_sources": !page.frontMatter.sources.isEmpty,
        ]
    }

    /// The quiz as paper shows it: number, question, choices (or a blank), from the `print-quiz` template.
    static func printedQuiz(_ quiz: Quiz, number: Int, theme: Theme) -> String {
        SiteRenderer.renderFragment("print-quiz", theme: theme, values: [
            "number": number, "question": quiz.questionHTML, "is_text": quiz.kind == .text,
            "is_multiple": quiz.kind == .multiple, "choices": quiz.choices.map(\.html),
        ])
    }

    /// One entry of a module's answer key.
    static func answer(_ quiz: Quiz, number: Int, page: ParsedPage, prefix: String) -> [String: Any] {
        let correct = quiz.kind == .text
            ? quiz.answers.map { HTMLEscaping.escape($0) }
            : quiz.choices.enumerated().filter(\.element.isCorrect).map { "\($0.offset + 1). " + $0.element.html }
        let id = prefix + "-\(number)"
        return [
            "number": number, "page_title": page.frontMatter.title, "answer": correct.joined(separator: " / "),
            "explanation": PrintRelocation.relocate(quiz.explanationHTML, from: page.sitePath, prefix: id),
            "has_explanation": !quiz.explanationHTML.isEmpty,
        ]
    }

    /// `html` with the quiz's `<form>` (as ``QuizRenderer`` writes it) replaced by `printed`.
    static func replaceForm(of quiz: Quiz, in html: String, with printed: String) -> String {
        let opening = "<form class=\"quiz\" id=\"" + HTMLEscaping.escape("quiz-" + quiz.id) + "\""
        guard let start = html.utf8Range(of: opening), let end = html.utf8Range(of: "</form>", from: start.upperBound)
        else { return html }
        return html.replacingUTF8(start.lowerBound..<end.upperBound, with: printed)
    }
}
