import Foundation
import KenshuCore

/// `kenshu check`: checks every internal reference of a static site against the files on disk,
/// parsing each page once (anchors and references in the same pass), in parallel over files.
public enum SiteChecker {
    public struct Report: Sendable {
        public var findings: [LinkFinding]
        public var pages: Int
        public var references: Int
        /// External URLs seen (checked only with `--external`).
        public var external: [String]
        /// Where each external URL is used.
        public var externalUses: [String: [(file: String, line: Int, column: Int, source: SourceLocation?)]]
        /// The checked folder, and the source map if it was needed, for locating external findings later.
        var root: String = ""
        var sources: SourceMap?
        public var errors: Int { findings.filter { $0.severity == .error }.count }
    }

    /// Where Kenshu's build says each link of each page was written, keyed by page path and by URL as in the HTML.
    public typealias SourceMap = [String: [String: SourceLocation]]

    public static let manifestName = ".kenshu-sources.json"

    /// Checks the site in `root` (any static HTML site; Kenshu's manifest is used when present).
    ///
    /// Pages are read and parsed once, in parallel, folder by folder (pages of one folder share
    /// most of their links, so each folder resolves a URL once). Only links with a fragment into
    /// another page wait for the second, sequential pass, when every page's anchors are known.
    /// - Parameter ignore: whether a broken internal reference (page, URL as in the page) was let through
    ///   on purpose (`check: ignore:` in site.yml): it is then a warning that says so.
    public static func check(
        root: String, sources: SourceMap? = nil, ignore: @escaping (_ page: String, _ url: String) -> Bool = { _, _ in false }
    ) throws -> Report {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
        let files = try SiteFiles(root: rootURL.path)
        let folders = Dictionary(grouping: files.html.sorted()) { $0.split(separator: "/").dropLast().joined(separator: "/") }
        let folderNames = folders.keys.sorted()
        let results = Parallel.map(folderNames) { folder -> [PageResult] in
            var checker = FolderChecker(files: files)
            return folders[folder, default: []].map { page in
                let data = FileManager.default.contents(atPath: rootURL.path + "/" + page) ?? Data()
                return checker.check(page, html: String(decoding: data, as: UTF8.self))
            }
        }.flatMap { $0 }
        return report(results, root: rootURL.path, sources: sources, ignore: ignore)
    }

    /// Joins the pages' results into findings: fragments into other pages, orphans, http:// links.
    /// The build calls this with the pages it checked while rendering them, from memory.
    public static func report(
        _ results: [PageResult], root: String, sources: SourceMap?, ignore: (_ page: String, _ url: String) -> Bool = { _, _ in false }
    ) -> Report {
        var loadedMap = sources
        func sourceLocation(_ page: String, _ url: String) -> SourceLocation? {
            if loadedMap == nil { loadedMap = (try? loadManifest(root: root)) ?? [:] }
            return loadedMap?[page]?[url]
        }

        var anchors: [String: AnchorHashes] = [:]
        var incoming: Set<String> = []
        for result in results {
            anchors[result.page] = result.anchors
            incoming.formUnion(result.linked)
        }
        var findings: [String: LinkFinding] = [:]
        var order: [String] = []
        func record(
            _ severity: Diagnostic.Severity, _ page: String, _ target: String, _ reason: LinkFinding.Reason, line: Int, column: Int,
            guess: String? = nil
        ) {
            let key = "\(page)\u{0}\(target)\u{0}\(reason.rawValue)"
            if findings[key] == nil {
                let ignored = severity == .error && ignore(page, target)
                findings[key] = LinkFinding(
                    severity: ignored ? .warning : severity, file: page, target: target, reason: reason, occurrences: [],
                    source: sourceLocation(page, target), note: ignored ? Message(.noteIgnoredByPattern) : nil)
                findings[key]?.guess = guess
                order.append(key)
            }
            findings[key]?.occurrences.append((line, column))
        }
        var externalUses: [String: [(file: String, line: Int, column: Int, source: SourceLocation?)]] = [:]
        var httpsHosts: Set<String> = []
        for result in results {
            for problem in result.problems {
                record(problem.severity, result.page, problem.url, problem.reason, line: problem.line, column: problem.column, guess: problem.guess)
            }
            for pending in result.fragments where !(anchors[pending.target]?.contains(pending.fragment) ?? true) {
                record(.error, result.page, pending.url, .noSuchFragment, line: pending.line, column: pending.column)
            }
            for use in result.external {
                externalUses[use.absolute, default: []].append((result.page, use.line, use.column, nil))
                if use.absolute.lowercased().hasPrefix("https://") { httpsHosts.insert(hostOf(use.absolute)) }
            }
        }
        // http:// links to a host the site also reaches over https://.
        for result in results {
            for use in result.external where use.url.lowercased().hasPrefix("http://") && httpsHosts.contains(hostOf(use.url)) {
                record(.warning, result.page, use.url, .insecure, line: use.line, column: use.column)
            }
        }
        // Pages no other page links to (the home page is reached by typing its address).
        for result in results where !incoming.contains(result.page) && result.page != "index.html" && !result.page.hasSuffix("404.html") {
            record(.warning, result.page, result.page, .orphan, line: 1, column: 1)
        }
        return Report(
            findings: order.compactMap { findings[$0] }, pages: results.count, references: results.reduce(0) { $0 + $1.references },
            external: externalUses.keys.sorted(), externalUses: externalUses, root: root, sources: loadedMap)
    }

    /// Findings for external URLs after they were fetched: broken ones are errors, unreachable ones warnings.
    public static func externalFindings(_ report: Report, outcomes: [String: ExternalChecker.Outcome]) -> [LinkFinding] {
        var result: [LinkFinding] = []
        var map = report.sources
        func source(_ page: String, _ url: String) -> SourceLocation? {
            if map == nil { map = (try? loadManifest(root: report.root)) ?? [:] }
            return map?[page]?[url]
        }
        for url in report.external {
            let (severity, reason, detail): (Diagnostic.Severity, LinkFinding.Reason, String)
            switch outcomes[url] {
            case .broken(let status)?: (severity, reason, detail) = (.error, .httpError, "HTTP \(status)")
            case .unreachable(let why)?: (severity, reason, detail) = (.warning, .unreachable, "\(why)")
            default: continue
            }
            var byFile: [String: LinkFinding] = [:]
            for use in report.externalUses[url] ?? [] {
                byFile[use.file, default: LinkFinding(
                    severity: severity, file: use.file, target: url, reason: reason, occurrences: [], source: source(use.file, url),
                    detail: detail)
                ].occurrences.append((use.line, use.column))
            }
            result += byFile.sorted { $0.key < $1.key }.map(\.value)
        }
        return result
    }

    /// An `ignore` rule for ``check(root:sources:ignore:)`` from `check: ignore:` regular expressions
    /// (invalid ones are skipped; site.yml reports them).
    public static func ignoring(_ patterns: [String]) -> @Sendable (_ page: String, _ url: String) -> Bool {
        let expressions = patterns.compactMap { try? NSRegularExpression(pattern: $0) }
        return { _, url in
            expressions.contains { $0.firstMatch(in: url, range: NSRange(url.startIndex..., in: url)) != nil }
        }
    }

    static func hostOf(_ url: String) -> String {
        guard url.contains("//") else { return "" }
        let rest = url.drop { $0 != "/" }.dropFirst(2)
        return String(rest.prefix { $0 != "/" })
    }

    /// The build's manifest: page → URL as written in the HTML → `{"path", "line", "column"}`.
    static func loadManifest(root: String) throws -> SourceMap {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + manifestName))
        return try JSONDecoder().decode(SourceMap.self, from: data)
    }
}

/// Every file and folder of the checked site, as paths relative to its root (NFC).
public struct SiteFiles: Sendable {
    var all: Set<String> = []
    var directories: Set<String> = [""]
    var html: [String] = []

    /// The files a build is about to write (site paths), with every folder they need.
    public init(paths: [String]) {
        for path in paths {
            let nfc = path.nfc
            all.insert(nfc)
            if nfc.hasSuffix(".html") || nfc.hasSuffix(".htm") { html.append(nfc) }
            var parts = nfc.split(separator: "/").dropLast()
            while !parts.isEmpty {
                directories.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
    }

    init(root: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: root])
        }
        DirectoryWalk.walk(root) { relative, isDirectory in
            let path = relative.nfc
            if isDirectory {
                directories.insert(path)
            } else {
                all.insert(path)
                if path.hasSuffix(".html") || path.hasSuffix(".htm") { html.append(path) }
            }
        }
    }
}

/// Checks the pages of one folder, sharing URL resolutions between them (pages of a folder
/// link to mostly the same places). One per folder and thread; results go to ``SiteChecker/report(_:root:sources:)``.
public struct FolderChecker: Sendable {
    let files: SiteFiles
    private var cache: [ReferenceKey: ResolvedReference] = [:]

    public init(files: SiteFiles) { self.files = files }

    public mutating func check(_ page: String, html: String) -> PageResult {
        PageResult.check(page.nfc, html: html, files: files, cache: &cache)
    }

    /// Checks a page that was read a part at a time.
    public mutating func check(_ page: String, parts: PageInParts) -> PageResult {
        PageResult.check(page.nfc, scan: parts.scanner.scan, files: files, cache: &cache)
    }
}

/// A page's HTML read a part at a time, as it is written (print.html: the whole course on one page),
/// so that it is checked without being held whole. Give the parts in order with ``add(_:)``.
public struct PageInParts: Sendable {
    var scanner = PageScan.Scanner()

    public init() {}

    public mutating func add(_ part: String) { scanner.add(part) }
}
