import KenshuCore
import KenshuSite

/// Where the glossary page lives.
enum GlossaryPage {
    static let path = GeneratedPagePaths.glossary
}
