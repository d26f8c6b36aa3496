import KenshuCore

/// Where the glossary page lives.
enum GlossaryPage {
    static let path = SitePath("glossary.html")
}
