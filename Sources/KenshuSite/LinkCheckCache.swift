import KenshuCore

/// Link-check results kept between preview rebuilds of a course whose shape did not change,
/// so that an edit re-checks only the edited pages and the pages that link to them.
///
/// A value type: the pipeline that owns it passes it `inout`, so no state is shared between threads.
public struct LinkCheckCache: Sendable {
    /// Each page's link problems, by ``PageID/position``.
    private var perPage: [[Diagnostic]] = []
    /// For each page (by position), the pages that link to it.
    private var incoming: [Set<PageID>] = []
    private(set) var duplicates: [Diagnostic] = []
    private var pagesByPath: [String: PageID] = [:]
    private var pagesBySitePath: [String: PageID] = [:]
    /// The files each page uses (by position), and how many pages use each file (``UnlinkedFiles``).
    private var filesOfPage: [Set<String>] = []
    private(set) var fileUses: [String: Int] = [:]

    public init() {}

    /// Forgets everything: the next build checks every link.
    public mutating func reset() {
        perPage = []
        incoming = []
        filesOfPage = []
        fileUses = [:]
    }

    func isFilled(for pageCount: Int) -> Bool { perPage.count == pageCount && pageCount > 0 }

    var linkDiagnostics: [Diagnostic] { perPage.flatMap { $0 } }

    mutating func fill(site: Site, validator: LinkValidator, duplicates: [Diagnostic]) {
        self.duplicates = duplicates
        pagesByPath = validator.pagesByPath
        pagesBySitePath = validator.pagesBySitePath
        let pages = site.pageIDs
        perPage = pages.map { validator.validate(page: $0) }
        incoming = Array(repeating: [], count: pages.count)
        for source in pages {
            for target in validator.linkedPages(of: source) { incoming[target.position].insert(source) }
        }
        filesOfPage = site.pages.map { UnlinkedFiles.used(by: $0, among: validator.assetPaths) }
        fileUses = [:]
        for files in filesOfPage { for file in files { fileUses[file, default: 0] += 1 } }
    }

    /// Re-checks `changed` pages and the pages that link to them; the course's shape is the one the cache was filled for.
    mutating func update(site: Site, changed: Set<PageID>) {
        let validator = LinkValidator(site: site, pagesByPath: pagesByPath, pagesBySitePath: pagesBySitePath)
        let known = changed.filter { incoming.indices.contains($0.position) }
        var recheck = known
        for page in known {
            recheck.formUnion(incoming[page.position])
            for target in validator.linkedPages(of: page) { incoming[target.position].insert(page) }
        }
        for page in recheck { perPage[page.position] = validator.validate(page: page) }
        for page in known where filesOfPage.indices.contains(page.position) {
            for file in filesOfPage[page.position] { fileUses[file, default: 1] -= 1 }
            filesOfPage[page.position] = UnlinkedFiles.used(by: site[page: page], among: validator.assetPaths)
            for file in filesOfPage[page.position] { fileUses[file, default: 0] += 1 }
        }
    }
}
