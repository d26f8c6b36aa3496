import KenshuCore

/// Link-check results kept between preview rebuilds of a course whose shape did not change,
/// so that an edit re-checks only the edited pages and the pages that link to them.
///
/// A value type: the pipeline that owns it passes it `inout`, so no state is shared between threads.
public struct LinkCheckCache: Sendable {
    private var perPage: [[Diagnostic]] = []
    /// For each page, the pages that link to it.
    private var incoming: [Set<Int>] = []
    private(set) var duplicates: [Diagnostic] = []
    private var pagesByPath: [String: Int] = [:]

    public init() {}

    /// Forgets everything: the next build checks every link.
    public mutating func reset() {
        perPage = []
        incoming = []
    }

    func isFilled(for pageCount: Int) -> Bool { perPage.count == pageCount && pageCount > 0 }

    var linkDiagnostics: [Diagnostic] { perPage.flatMap { $0 } }

    mutating func fill(site: Site, validator: LinkValidator, duplicates: [Diagnostic]) {
        self.duplicates = duplicates
        pagesByPath = validator.pagesByPath
        perPage = site.pages.indices.map { validator.validate(page: $0) }
        incoming = Array(repeating: [], count: site.pages.count)
        for source in site.pages.indices {
            for target in validator.linkedPages(of: source) { incoming[target].insert(source) }
        }
    }

    mutating func update(site: Site, changed: Set<Int>) {
        let validator = LinkValidator(site: site, pagesByPath: pagesByPath)
        var recheck = changed
        for page in changed {
            recheck.formUnion(incoming[page])
            for target in validator.linkedPages(of: page) { incoming[target].insert(page) }
        }
        for page in recheck { perPage[page] = validator.validate(page: page) }
    }
}
