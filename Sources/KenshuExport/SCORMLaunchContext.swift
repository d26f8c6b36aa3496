import KenshuTheme

/// What `scorm-launch.mustache` sees: the launcher page of a SCORM package, which holds the
/// LMS session while the course's pages load inside it.
struct SCORMLaunchContext: TemplateContext {
    enum CodingKeys: String, CodingKey, CaseIterable { case lang, title }

    /// The site's language (`ja`, `en`).
    var lang: String
    /// The course's title.
    var title: String

    func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
        switch field {
        case .lang: lang
        case .title: title
        }
    }
}
