import KenshuCore
import KenshuTheme

/// What the browser shows while the content has errors (each problem with its `file:line:column`,
/// in the author's language, through the same ``DiagnosticPrinter`` as the terminal) or when a
/// page does not exist.
///
/// The markup is the theme's `preview-error.mustache`; the words come from the message catalog.
/// A site theme whose template is missing or broken falls back to the built-in theme's, and a
/// template that renders nothing to a minimal page, so the author always sees what is wrong.
enum ErrorPage {
    static let template = "preview-error"

    static func html(_ diagnostics: [Diagnostic], language: Language, theme: Theme? = nil) -> String {
        let printer = DiagnosticPrinter(language: language)
        let problems = diagnostics.filter { $0.severity == .error }.map { problem($0, printer) }
        let context = ErrorPageContext(
            lang: language.rawValue, title: printer.say(.errorPageTitle), intro: printer.say(.errorPageIntro), problems: problems)
        return render(context, theme: theme)
    }

    /// The list of every warning of a site that was built (`/__kenshu/warnings`): the error page's template with
    /// the warnings as its problems, so an author who works in the browser alone sees what the terminal printed.
    static func warnings(_ diagnostics: [Diagnostic], language: Language, theme: Theme? = nil) -> String {
        let printer = DiagnosticPrinter(language: language)
        let context = ErrorPageContext(
            lang: language.rawValue, title: printer.say(.previewWarningsTitle),
            intro: printer.say(diagnostics.isEmpty ? .previewWarningsNone : .previewWarningsIntro),
            problems: diagnostics.map { problem($0, printer) })
        return render(context, theme: theme)
    }

    /// The panel added to a page while the course has warnings (`preview-warnings.mustache`): the warnings of the
    /// page's own file and a link to ``warnings(_:language:theme:)``; `nil` when the course has none, or the theme
    /// draws nothing.
    /// - Parameter total: how many warnings the whole course has.
    static func warningsPanel(_ here: [Diagnostic], total: Int, language: Language, theme: Theme? = nil) -> String? {
        guard total > 0 else { return nil }
        let printer = DiagnosticPrinter(language: language)
        let summary = here.isEmpty
            ? printer.say(.previewWarningsCourse, String(total)) : printer.say(.previewWarningsHere, String(here.count), String(total))
        let context = WarningsPanelContext(
            label: printer.say(.previewWarningsLabel), summary: summary, problems: here.map { problem($0, printer) },
            allPath: warningsPath, allLink: printer.say(.previewWarningsAll))
        return drawn(context, with: panelTemplate, theme: theme)
    }

    /// Where the preview serves the list of every warning; `__kenshu` is the preview's own, as the live-reload socket's.
    static let warningsPath = "/__kenshu/warnings"
    static let panelTemplate = "preview-warnings"

    private static func problem(_ diagnostic: Diagnostic, _ printer: DiagnosticPrinter) -> ErrorPageContext.Problem {
        let record = printer.record(diagnostic)
        return ErrorPageContext.Problem(place: diagnostic.location?.description, message: record.message, fix: record.fix, code: record.code)
    }

    /// - Parameter nearest: the site path of the page the missing one most likely became (a lesson renamed while
    ///   its tab was open), offered as a link.
    static func notFound(_ path: String, nearest: String? = nil, language: Language, theme: Theme? = nil) -> String {
        let printer = DiagnosticPrinter(language: language)
        var context = ErrorPageContext(
            lang: language.rawValue, title: printer.say(.notFoundTitle), missingPath: path, homeLink: printer.say(.notFoundHome))
        if let nearest {
            context.nearestPath = "/" + PercentEncoding.encodePath(nearest)
            context.nearestWords = printer.say(.notFoundNearest, nearest)
        }
        return render(context, theme: theme)
    }

    /// The built-in theme alone, for sites whose own theme cannot draw the page.
    private static let builtIn = Theme.load(layers: [.builtIn], language: "ja").0

    static func render(_ context: ErrorPageContext, theme: Theme?) -> String {
        drawn(context, with: template, theme: theme) ?? minimal(context)
    }

    /// The template drawn by the site's theme, or by the built-in one where the site's draws nothing.
    private static func drawn(_ context: some TemplateContext, with template: String, theme: Theme?) -> String? {
        for candidate in [theme, builtIn].compactMap({ $0 }) {
            if let html = candidate.templates.render(context, withTemplate: template), html.contains("<") { return html }
        }
        return nil
    }

    /// The last resort: the page with no theme at all.
    static func minimal(_ context: ErrorPageContext) -> String {
        var body = "<h1>" + HTMLEscaping.escape(context.title) + "</h1>\n"
        if context.hasProblems {
            body += "<ol>\n"
            for problem in context.problems {
                var item = problem.place.map { "<code>" + HTMLEscaping.escape($0) + "</code> " } ?? ""
                item += HTMLEscaping.escape(problem.message)
                if let fix = problem.fix { item += " — " + HTMLEscaping.escape(fix) }
                body += "<li>" + item + " [" + HTMLEscaping.escape(problem.code) + "]</li>\n"
            }
            body += "</ol>\n"
        }
        if let path = context.missingPath { body += "<p><code>" + HTMLEscaping.escape(path) + "</code></p>\n" }
        let head = "<head><meta charset=\"utf-8\"><title>" + HTMLEscaping.escape(context.title) + "</title></head>\n"
        return "<!doctype html>\n<html lang=\"" + HTMLEscaping.escape(context.lang) + "\">\n" + head + "<body>\n<main>\n" + body
            + "</main>\n</body>\n</html>\n"
    }
}

/// What `preview-error.mustache` sees: the page's words, already in the author's language, and
/// either the problems that stop the build or the path that was not found.
struct ErrorPageContext: TemplateContext {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case lang, title, intro, problems, hasProblems = "has_problems", missingPath = "missing_path", homeLink = "home_link"
        case nearestPath = "nearest_path", nearestWords = "nearest_words"
    }

    /// One error, as the terminal prints it.
    struct Problem: TemplateContext {
        enum CodingKeys: String, CodingKey, CaseIterable { case place, message, fix, code }

        /// `file:line:column`, when the problem has a place.
        var place: String?
        var message: String
        /// How to fix it, when the message says.
        var fix: String?
        /// The stable code (`K2001`).
        var code: String

        func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .place: place
            case .message: message
            case .fix: fix
            case .code: code
            }
        }
    }

    /// The language of the words (`ja`, `en`).
    var lang: String
    var title: String
    var intro: String?
    var problems: [Problem]
    var hasProblems: Bool
    /// The path that was asked for (not-found page only), and the words of the link to the home page.
    var missingPath: String?
    var homeLink: String?
    /// The page the missing path most likely became (its URL from the site's root), and the words of its link.
    var nearestPath: String?
    var nearestWords: String?

    init(lang: String, title: String, intro: String? = nil, problems: [Problem] = [], missingPath: String? = nil, homeLink: String? = nil) {
        self.lang = lang
        self.title = title
        self.intro = intro
        self.problems = problems
        self.hasProblems = !problems.isEmpty
        self.missingPath = missingPath
        self.homeLink = homeLink
    }

    func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
        switch field {
        case .lang: lang
        case .title: title
        case .intro: intro
        case .problems: problems
        case .hasProblems: hasProblems
        case .missingPath: missingPath
        case .homeLink: homeLink
        case .nearestPath: nearestPath
        case .nearestWords: nearestWords
        }
    }
}

/// What `preview-warnings.mustache` sees: the panel's words, already in the author's language, the warnings of
/// the page's own file, and where the list of every warning is.
struct WarningsPanelContext: TemplateContext {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case label, summary, problems, hasProblems = "has_problems", allPath = "all_path", allLink = "all_link"
    }

    /// The panel's name for assistive technology.
    var label: String
    /// The line shown while the panel is closed: how many warnings this page and the course have.
    var summary: String
    var problems: [ErrorPageContext.Problem]
    var hasProblems: Bool
    /// The URL of the list of every warning, and the words of its link.
    var allPath: String
    var allLink: String

    init(label: String, summary: String, problems: [ErrorPageContext.Problem], allPath: String, allLink: String) {
        self.label = label
        self.summary = summary
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.allPath = allPath
        self.allLink = allLink
    }

    func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
        switch field {
        case .label: label
        case .summary: summary
        case .problems: problems
        case .hasProblems: hasProblems
        case .allPath: allPath
        case .allLink: allLink
        }
    }
}
