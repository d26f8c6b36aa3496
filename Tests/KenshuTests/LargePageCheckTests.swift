@testable import KenshuCheck
import Testing

/// print.html holds every link of the course; its references are checked in slices on all cores.
/// The slices must find exactly what one pass in order finds.
@Suite struct LargePageCheckTests {
    @Test func testSlicedCheck_findsWhatOnePassFinds() {
        let files = SiteFiles(paths: ["print.html", "index.html", "a/b.html", "a/c.png", "d/index.html", "e/f.html"])
        var html = "<!doctype html><title>x</title><h1 id=\"top-heading\">x</h1>\n"
        let kinds = [
            "<a href=\"#top-heading\">ok</a>", "<a href=\"#nowhere\">missing here</a>", "<a href=\"a/b.html#x\">pending</a>",
            "<a href=\"a/missing.html\">no file</a>", "<a href=\"https://example.jp/\">external</a>", "<a href=\"d/\">folder</a>",
            "<a href=\"e/\">no index</a>", "<a href=\"../up.html\">outside</a>", "<a href=\"a/b.html\"></a>", "<img src=\"a/c.png\" alt=\"\">",
            "<a href=\"mailto:a@example.jp\">mail</a>", "<a href=\"index.html?q=1#top\">query</a>",
        ]
        // Small sizes (the build's are 50,000 and 20,000): the same slicing, without loading the cores
        // while other suites run against a real HTTP server with one-second timeouts.
        let largePage = 3000, sliceSize = 700
        for index in 0..<(largePage + sliceSize / 2) {
            html += kinds[index % kinds.count] + (index % 7 == 0 ? "\n" : "")
            if index % 100 == 0 { html += "<p id=\"p\(index)\">\(index)</p><a href=\"#p\(index)\">back</a>" }
        }
        let scan = PageScan.scan(html)
        #expect(scan.references.count > largePage)

        var cache: [ReferenceKey: ResolvedReference] = [:]
        let sliced = PageResult.check("print.html", scan: scan, files: files, cache: &cache, largePage: largePage, sliceSize: sliceSize)
        var fresh: [ReferenceKey: ResolvedReference] = [:]
        let whole = PageResult.Part.check(scan.references[...], page: "print.html", scan: scan, files: files, cache: &fresh)

        #expect(sliced.references == scan.references.count)
        #expect(sliced.problems.map(Self.describe) == whole.problems.map(Self.describe))
        #expect(sliced.fragments.map { "\($0.target)#\($0.fragment)@\($0.line):\($0.column)" }
            == whole.fragments.map { "\($0.target)#\($0.fragment)@\($0.line):\($0.column)" })
        #expect(sliced.external.map { "\($0.absolute)@\($0.line):\($0.column)" } == whole.external.map { "\($0.absolute)@\($0.line):\($0.column)" })
        #expect(Set(sliced.linked) == whole.linked)
        // Every kind of finding is among them, so the comparison covers each path through the check.
        let reasons = Set(whole.problems.map(\.reason.rawValue))
        for reason in [LinkFinding.Reason.noSuchFragment, .noSuchFile, .directoryWithoutIndex, .outsideSite, .emptyText] {
            #expect(reasons.contains(reason.rawValue), "\(reason)")
        }
    }

    static func describe(_ problem: PageResult.Problem) -> String {
        "\(problem.severity) \(problem.reason.rawValue) \(problem.url) @\(problem.line):\(problem.column)"
    }
}
