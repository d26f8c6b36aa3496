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
        let problems = diagnostics.filter { $0.severity == .error }.map { diagnostic in
            let record = printer.record(diagnostic)
            return ErrorPageContext.Problem(place: diagnostic.location?.description, message: record.message, fix: record.fix, code: record.code)
        }
        let context = ErrorPageContext(
            lang: language.rawValue, title: printer.say(.errorPageTitle), intro: printer.say(.errorPageIntro), problems: problems)
        return render(context, theme: theme)
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
        for candidate in [theme, builtIn].compactMap({ $0 }) {
            if let html = candidate.templates.render(context, withTemplate: template), html.contains("<") { return html }
        }
        return minimal(context)
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
