import KenshuContent
import KenshuTheme

// The nested values of ``PageContext``; each is named as the theme writes it.

extension PageContext {
    /// `site.*`: the course's settings and the link to its home page.
    public struct SiteValues: TemplateContext {
        /// The names a template writes for these fields.
        public enum CodingKeys: String, CodingKey, CaseIterable {
            case title, home, description, organisation, licence, licenceURL = "licence_url", attribution
            case modifiedFrom = "modified_from"
        }

        public var title: String
        /// The home page, relative to this page.
        public var home: String
        public var description: String?
        public var organisation: String?
        /// The licence's name (a preset's full name in the site's language) or the author's text.
        public var licence: String?
        /// The preset licence's page, in the site's language.
        public var licenceURL: String?
        /// Present when site.yml names an author or a source URL.
        public var attribution: Attribution?
        /// The courses this one is built on (`base:`), nearest first; absent for a course of its own.
        public var modifiedFrom: [Upstream]?

        public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .title: title
            case .home: home
            case .description: description
            case .organisation: organisation
            case .licence: licence
            case .licenceURL: licenceURL
            case .attribution: attribution
            case .modifiedFrom: modifiedFrom
            }
        }
    }

    /// One of `site.modified_from`: a course this one was made from, for the footer's notice.
    public struct Upstream: TemplateContext {
        /// The names a template writes for these fields.
        public enum CodingKeys: String, CodingKey, CaseIterable { case title, organisation, version, licence }

        public var title: String
        public var organisation: String?
        public var version: String?
        /// The original's licence, by its name in the theme's words: it stays visible beside the notice.
        public var licence: String?

        public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .title: title
            case .organisation: organisation
            case .version: version
            case .licence: licence
            }
        }
    }

    /// `site.attribution.*`: who made the course this one is based on.
    public struct Attribution: TemplateContext {
        /// The names a template writes for these fields.
        public enum CodingKeys: String, CodingKey, CaseIterable { case author, sourceURL = "source_url" }

        public var author: String?
        public var sourceURL: String?

        public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .author: author
            case .sourceURL: sourceURL
            }
        }
    }

    /// `page.*`: the page being rendered (for a generated page only `title`, `kind` and maybe `description`).
    public struct PageValues: TemplateContext {
        /// The names a template writes for these fields.
        public enum CodingKeys: String, CodingKey, CaseIterable {
            case title, titleID = "title_id", description, content, kind, objectives, minutes, updated, reviewBy = "review_by", sources
        }

        public var title: String
        /// The id for the `<h1>`, when the title was the page's first `# heading` (links may point at it).
        public var titleID: String?
        public var description: String?
        /// The body as HTML, quizzes drawn by `quiz.mustache`: write it as `{{{page.content}}}`.
        public var content: String?
        /// `home`, `module`, `lesson`; for generated pages `progress`, `glossary`, `print`.
        public var kind: String
        public var objectives: [String] = []
        /// Reading time in the theme's words (`minutes` string: `15 分`).
        public var minutes: String?
        /// `updated` and `review_by` dates as written (YYYY-MM-DD).
        public var updated: String?
        public var reviewBy: String?
        public var sources: [SourceValues] = []

        public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .title: title
            case .titleID: titleID
            case .description: description
            case .content: content
            case .kind: kind
            case .objectives: objectives
            case .minutes: minutes
            case .updated: updated
            case .reviewBy: reviewBy
            case .sources: sources
            }
        }
    }

    /// One of `page.sources`: where the page's facts come from.
    public struct SourceValues: TemplateContext {
        /// The names a template writes for these fields.
        public enum CodingKeys: String, CodingKey, CaseIterable { case title, url, accessed }

        public var title: String
        public var url: String?
        /// When the author last read it (YYYY-MM-DD).
        public var accessed: String?

        public init(_ source: FrontMatter.Source) {
            title = source.title
            url = source.url
            accessed = source.accessed
        }

        public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .title: title
            case .url: url
            case .accessed: accessed
            }
        }
    }

    /// A link with a title: `breadcrumbs`, `prev`, `next`, the lessons of a `nav` entry, and
    /// (with `description` and `minutes`) the lesson cards of a module page (`lessons`).
    public struct Link: TemplateContext {
        /// The names a template writes for these fields.
        public enum CodingKeys: String, CodingKey, CaseIterable { case title, href, current, description, minutes }

        public var title: String
        /// Relative to the page being rendered.
        public var href: String
        /// The page being rendered (in `nav` only).
        public var current: Bool?
        public var description: String?
        public var minutes: String?

        public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .title: title
            case .href: href
            case .current: current
            case .description: description
            case .minutes: minutes
            }
        }
    }

    /// One module in `nav`; only the current module is `open`, with its `lessons`.
    public struct NavEntry: TemplateContext {
        /// The names a template writes for these fields.
        public enum CodingKeys: String, CodingKey, CaseIterable { case title, href, current, open, lessons }

        public var title: String
        public var href: String
        /// This module's overview is the page being rendered.
        public var current: Bool
        public var open: Bool
        public var lessons: [Link]?

        public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .title: title
            case .href: href
            case .current: current
            case .open: open
            case .lessons: lessons
            }
        }
    }

    /// One card of `modules` on the home page.
    public struct ModuleCard: TemplateContext {
        /// The names a template writes for these fields.
        public enum CodingKeys: String, CodingKey, CaseIterable {
            case number, title, href, summary, lessonCount = "lesson_count", testCount = "test_count", minutes
        }

        /// From 1, in reading order.
        public var number: Int
        public var title: String
        public var href: String
        public var summary: String?
        /// The number of lessons in the theme's words (`lesson_count` string: `4 レッスン`), module tests not counted (the
        /// progress page counts them apart).
        public var lessonCount: String
        /// The number of module tests in the theme's words (`test_count` string: `テスト 1`); absent when there is none.
        public var testCount: String?
        /// The module's reading time in the theme's words; absent when no lesson gives one.
        public var minutes: String?

        public func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .number: number
            case .title: title
            case .href: href
            case .summary: summary
            case .lessonCount: lessonCount
            case .testCount: testCount
            case .minutes: minutes
            }
        }
    }
}
