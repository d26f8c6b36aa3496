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
        public var errors: Int { findings.filter { $0.severity == .error }.count }
    }

    /// Where Kenshu's build says each link of each page was written, keyed by page path and by URL as in the HTML.
    public typealias SourceMap = [String: [String: SourceLocation]]

    public static let manifestName = ".kenshu-sources.json"

    /// Checks the site in `root` (any static HTML site; Kenshu's manifest is used when present).
    public static func check(root: String, sources: SourceMap? = nil) throws -> Report {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        let files = try SiteFiles(root: rootURL.path)
        let sourceMap = sources ?? (try? loadManifest(root: rootURL.path)) ?? [:]
        let pages = files.html.sorted()
        let scans = Parallel.map(pages) { path -> PageScan in
            let data = FileManager.default.contents(atPath: rootURL.path + "/" + path) ?? Data()
            return PageScan.scan(String(decoding: data, as: UTF8.self))
        }
        let anchors = Dictionary(uniqueKeysWithValues: zip(pages, scans.map(\.anchors)))
        var findings: [String: LinkFinding] = [:]
        var order: [String] = []
        var external: Set<String> = []
        var externalUses: [String: [(file: String, line: Int, column: Int, source: SourceLocation?)]] = [:]
        var httpsTargets: Set<String> = []
        var incoming: Set<String> = []
        var referenceCount = 0

        func record(_ finding: LinkFinding, line: Int, column: Int) {
            let key = "\(finding.file)\u{0}\(finding.target)\u{0}\(finding.reason.rawValue)"
            if findings[key] == nil {
                findings[key] = finding
                order.append(key)
            }
            findings[key]!.occurrences.append((line, column))
        }

        for (page, scan) in zip(pages, scans) {
            let pageSources = sourceMap[page] ?? [:]
            for reference in scan.references {
                referenceCount += 1
                func finding(_ reason: LinkFinding.Reason, _ severity: Diagnostic.Severity = .error) -> LinkFinding {
                    LinkFinding(severity: severity, file: page, target: reference.url, reason: reason, occurrences: [],
                                source: pageSources[reference.url])
                }
                if reference.source == "a href", let text = reference.linkText,
                   text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    record(finding(.emptyText, .warning), line: reference.line, column: reference.column)
                }
                switch URLResolver.resolve(reference.url, page: page, base: scan.base) {
                case .ignored: continue
                case .external(let url):
                    external.insert(url)
                    externalUses[url, default: []].append((page, reference.line, reference.column, pageSources[reference.url]))
                    if url.lowercased().hasPrefix("https://") { httpsTargets.insert(String(url.dropFirst(8))) }
                case .outsideSite:
                    record(finding(.outsideSite), line: reference.line, column: reference.column)
                case let .local(path, fragment, isDirectory):
                    var target = path
                    if isDirectory || files.directories.contains(path) {
                        target = path.isEmpty ? "index.html" : path + "/index.html"
                        guard files.all.contains(target) else {
                            record(finding(files.directories.contains(path) || path.isEmpty ? .directoryWithoutIndex : .noSuchFile),
                                   line: reference.line, column: reference.column)
                            continue
                        }
                    }
                    guard files.all.contains(target) else {
                        record(finding(.noSuchFile), line: reference.line, column: reference.column)
                        continue
                    }
                    if target != page { incoming.insert(target) }
                    if let fragment, !fragment.isEmpty, fragment != "top", let targetAnchors = anchors[target],
                       !targetAnchors.contains(fragment) {
                        record(finding(.noSuchFragment), line: reference.line, column: reference.column)
                    }
                }
            }
        }
        // http:// links to a host the site also reaches over https://.
        for (page, scan) in zip(pages, scans) {
            for reference in scan.references where reference.url.lowercased().hasPrefix("http://") {
                if httpsTargets.contains(String(reference.url.dropFirst(7))) || httpsTargets.contains(where: { $0.hasPrefix(hostOf(reference.url) + "/") }) {
                    record(LinkFinding(severity: .warning, file: page, target: reference.url, reason: .insecure, occurrences: [],
                                       source: sourceMap[page]?[reference.url]), line: reference.line, column: reference.column)
                }
            }
        }
        // Pages no other page links to (the home page is reached by typing its address).
        for page in pages where !incoming.contains(page) && page != "index.html" && !page.hasSuffix("/404.html") && page != "404.html" {
            record(LinkFinding(severity: .warning, file: page, target: page, reason: .orphan, occurrences: []), line: 1, column: 1)
        }
        return Report(
            findings: order.map { findings[$0]! }, pages: pages.count, references: referenceCount, external: external.sorted(),
            externalUses: externalUses)
    }

    /// Findings for external URLs after they were fetched: broken ones are errors, unreachable ones warnings.
    public static func externalFindings(_ report: Report, outcomes: [String: ExternalChecker.Outcome]) -> [LinkFinding] {
        var result: [LinkFinding] = []
        for url in report.external {
            let (severity, reason, detail): (Diagnostic.Severity, LinkFinding.Reason, String)
            switch outcomes[url] {
            case .broken(let status)?: (severity, reason, detail) = (.error, .httpError, "HTTP \(status)")
            case .unreachable(let why)?: (severity, reason, detail) = (.warning, .unreachable, "(\(why))")
            default: continue
            }
            var byFile: [String: LinkFinding] = [:]
            for use in report.externalUses[url] ?? [] {
                byFile[use.file, default: LinkFinding(
                    severity: severity, file: use.file, target: url, reason: reason, occurrences: [], source: use.source, detail: detail)
                ].occurrences.append((use.line, use.column))
            }
            result += byFile.keys.sorted().map { byFile[$0]! }
        }
        return result
    }

    static func hostOf(_ url: String) -> String {
        let rest = url.drop { $0 != "/" }.dropFirst(2)
        return String(rest.prefix { $0 != "/" })
    }

    static func loadManifest(root: String) throws -> SourceMap {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + manifestName))
        let raw = try JSONDecoder().decode([String: [String: String]].self, from: data)
        return raw.mapValues { links in
            links.compactMapValues { location in
                let parts = location.split(separator: ":")
                guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else { return nil }
                return SourceLocation(path: parts.dropLast(2).joined(separator: ":"), line: line, column: column)
            }
        }
    }
}

/// Every file and folder of the checked site, as paths relative to its root (NFC).
struct SiteFiles {
    var all: Set<String> = []
    var directories: Set<String> = [""]
    var html: [String] = []

    init(root: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: root])
        }
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return }
        while let relative = enumerator.nextObject() as? String {
            let path = relative.precomposedStringWithCanonicalMapping
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
                directories.insert(path)
            } else {
                all.insert(path)
                if path.hasSuffix(".html") || path.hasSuffix(".htm") { html.append(path) }
            }
        }
    }
}
