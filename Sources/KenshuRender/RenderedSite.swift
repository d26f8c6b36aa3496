import Foundation
import KenshuCore

/// The built site, ready to write: pages are rendered on demand, so that each page's HTML lives
/// only until it is written and a 10,000-page site never sits in memory at once.
public struct RenderedSite: Sendable {
    public struct Page: Sendable {
        public var path: SitePath
        private var text: String
        private var makeParts: (@Sendable (_ emit: (String) -> Void) -> Void)?

        public init(path: SitePath, html: String) {
            self.path = path
            self.text = html
        }

        /// A page made a part at a time (print.html, the whole course on one page): `parts` calls `emit`
        /// with each part in order, so a build writes and checks it without ever holding all of it.
        public init(path: SitePath, parts: @escaping @Sendable (_ emit: (String) -> Void) -> Void) {
            self.path = path
            self.text = ""
            self.makeParts = parts
        }

        /// The whole text. A page made in parts is joined here (to serve or archive it).
        public var html: String {
            guard let makeParts else { return text }
            var whole = ""
            makeParts { whole += $0 }
            return whole
        }

        /// Calls `emit` with the page's text in order: once with the whole text, or once per part.
        public func emitParts(_ emit: (String) -> Void) {
            if let makeParts { makeParts(emit) } else { emit(text) }
        }
    }

    /// A file copied unchanged from content or theme.
    public struct Copy: Sendable {
        /// Where the bytes come from: a file on disk, or the theme built into Kenshu.
        public enum Source: Sendable {
            case file(String)
            case bytes(Data)
        }

        public var path: SitePath
        public var source: Source

        public init(path: SitePath, source: Source) {
            self.path = path
            self.source = source
        }

        /// The bytes to write or serve; `nil` when a file cannot be read.
        public func data() -> Data? {
            switch source {
            case .file(let path): FileManager.default.contents(atPath: path)
            case .bytes(let data): data
            }
        }
    }

    /// Where each page lands, known before any page is rendered (to create folders first).
    public var pagePaths: [SitePath]
    /// Renders page `i` of `pagePaths`; pure, so pages render in parallel.
    public var renderPage: @Sendable (Int) -> Page
    public var copies: [Copy]
    /// Pages of `pagePaths` to start first, each on its own, beside the others: files whose rendering
    /// does long work (see `GeneratedFile.Start.early`), which would otherwise run last while the other cores wait.
    public var renderFirst: [Int]
    /// Pages of `pagePaths` to render one at a time before all others, each with every core to itself:
    /// files whose making holds much memory for a while (see `GeneratedFile.Start.alone`).
    public var renderAlone: [Int]

    public init(
        pagePaths: [SitePath], renderPage: @escaping @Sendable (Int) -> Page, copies: [Copy], renderFirst: [Int] = [],
        renderAlone: [Int] = []
    ) {
        self.pagePaths = pagePaths
        self.renderPage = renderPage
        self.copies = copies
        self.renderFirst = renderFirst
        self.renderAlone = renderAlone
    }
}
