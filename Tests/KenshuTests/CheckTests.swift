import Foundation
import Testing
@testable import KenshuCheck

@Suite struct CheckTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/check-site").path

    @Test func testFixtureSite_reportsEveryBrokenLinkAndNoTrap() throws {
        let report = try SiteChecker.check(root: Self.fixture)
        let found = Set(report.findings.map { "\($0.severity.rawValue) \($0.file) \($0.target) → \($0.reason.rawValue)" })
        let expected: Set<String> = [
            "error index.html assets/missing.css → no such file",
            "error index.html assets/missing.js → no such file",
            "error index.html docs/page.html#nope → no such fragment",
            "error index.html #missing-local → no such fragment",
            "error index.html docs/Page.html → no such file",
            "error index.html empty-dir/ → directory without index.html",
            "error index.html empty-dir → directory without index.html",
            "error index.html ../outside.html → outside the site",
            "error index.html docs/../../index.html → outside the site",
            "error index.html 日本語/ページ.html#違う → no such fragment",
            "error index.html in-pre.html → no such file",
            "error index.html assets/missing@3x.svg → no such file",
            "error index.html assets/missing.webp → no such file",
            "error index.html assets/missing.mp4 → no such file",
            "error index.html assets/missing.pdf → no such file",
            "error docs/index.html page.html → no such file",
            "error docs/page.html missing-refresh.html → no such file",
            "warning index.html http://example.jp/other → http:// where https:// is used elsewhere",
            "warning index.html docs/page.html → link has no text",
            "warning orphan.html orphan.html → no page links here",
        ]
        #expect(found.subtracting(expected).isEmpty, "reported but not expected (false positives): \(found.subtracting(expected).sorted())")
        #expect(expected.subtracting(found).isEmpty, "expected but missed: \(expected.subtracting(found).sorted())")
        let repeated = try #require(report.findings.first { $0.target == "docs/page.html#nope" })
        #expect(repeated.occurrences.map(\.line) == [17, 18])
        #expect(report.errors == 17)
    }

    @Test func testURLResolution() {
        #expect(URLResolver.resolve("b.html#x", page: "a/p.html", base: nil) == .local(path: "a/b.html", fragment: "x", isDirectory: false))
        #expect(URLResolver.resolve("/b.html", page: "a/p.html", base: nil) == .local(path: "b.html", fragment: nil, isDirectory: false))
        #expect(URLResolver.resolve("../../x.html", page: "a/p.html", base: nil) == .outsideSite)
        #expect(URLResolver.resolve("%E5%9B%B3.png?v=2", page: "p.html", base: nil) == .local(path: "図.png", fragment: nil, isDirectory: false))
        #expect(URLResolver.resolve("./", page: "a/p.html", base: nil) == .local(path: "a", fragment: nil, isDirectory: true))
        #expect(URLResolver.resolve("#x", page: "a/p.html", base: "../") == .local(path: "p.html", fragment: nil, isDirectory: false)
            || URLResolver.resolve("#x", page: "a/p.html", base: "../") == .local(path: "", fragment: "x", isDirectory: true))
        #expect(URLResolver.resolve("//cdn.example.jp/x.js", page: "p.html", base: nil) == .external("https://cdn.example.jp/x.js"))
        #expect(URLResolver.resolve("tel:0120", page: "p.html", base: nil) == .ignored)
    }

    @Test func testSrcsetAndRefreshParsing() {
        #expect(PageScan.srcsetURLs("a.png 1x, b.png 2x,c.png 3x") == ["a.png", "b.png", "c.png"])
        #expect(PageScan.srcsetURLs(" a.png 1x,b.png 100w ") == ["a.png", "b.png"])
        // As in the HTML standard, a comma inside a candidate's URL belongs to the URL.
        #expect(PageScan.srcsetURLs("a.png,b.png 100w") == ["a.png,b.png"])
        #expect(PageScan.refreshURL("5; url='next.html'") == "next.html")
        #expect(PageScan.refreshURL("0;URL=a.html") == "a.html")
        #expect(PageScan.refreshURL("5") == nil)
    }

    // Names are compared as packed numbers: any case is one name, a trailing NUL is another, and two long
    // names that share their first 15 bytes stay two attributes.
    @Test func testPackedNames_constantsMatchTheirNames() {
        // Every constant of PackedName.swift (45 of them): a new one must be added here too.
        let all: [(PackedName, StaticString)] = [
            (.a, "a"),
            (.area, "area"),
            (.link, "link"),
            (.img, "img"),
            (.script, "script"),
            (.iframe, "iframe"),
            (.source, "source"),
            (.track, "track"),
            (.audio, "audio"),
            (.embed, "embed"),
            (.input, "input"),
            (.video, "video"),
            (.object, "object"),
            (.form, "form"),
            (.blockquote, "blockquote"),
            (.q, "q"),
            (.ins, "ins"),
            (.del, "del"),
            (.use, "use"),
            (.image, "image"),
            (.base, "base"),
            (.meta, "meta"),
            (.template, "template"),
            (.title, "title"),
            (.textarea, "textarea"),
            (.style, "style"),
            (.xmp, "xmp"),
            (.noembed, "noembed"),
            (.noframes, "noframes"),
            (.plaintext, "plaintext"),
            (.href, "href"),
            (.src, "src"),
            (.poster, "poster"),
            (.data, "data"),
            (.action, "action"),
            (.cite, "cite"),
            (.xlinkHref, "xlink:href"),
            (.id, "id"),
            (.name, "name"),
            (.srcset, "srcset"),
            (.alt, "alt"),
            (.ariaLabel, "aria-label"),
            (.ariaLabelledby, "aria-labelledby"),
            (.httpEquiv, "http-equiv"),
            (.content, "content"),
        ]
        #expect(all.count == 45)
        for (constant, name) in all {
            #expect(constant == PackedName(name), "\(name)")
            #expect(constant.bytes == Array(name.description.utf8), "\(name)")
        }
    }

    // Anchors are kept as `String` hashes: an id written decomposed (NFD) must still answer a link written
    // composed (NFC), on its own page and from another, and a different id must not.
    @Test func testAnchorHashes_matchCanonicallyEqualIDs() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-nfd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let decomposed = "cafe\u{301}-\u{30AB}\u{3099}"  // café-ガ, decomposed
        let page = "<!doctype html><html lang=\"ja\"><title>t</title><h2 id=\"\(decomposed)\">見出し</h2>"
            + "<a href=\"#caf\u{E9}-\u{30AC}\">同じページ</a><a href=\"#caf\u{E9}-\u{30AB}\">違う</a></html>"
        let other = "<!doctype html><html lang=\"ja\"><title>t</title><a href=\"index.html#caf%C3%A9-%E3%82%AC\">別のページ</a>"
            + "<a href=\"index.html#cafe\">違う</a></html>"
        try page.write(to: root.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try other.write(to: root.appendingPathComponent("other.html"), atomically: true, encoding: .utf8)
        let report = try SiteChecker.check(root: root.path)
        let found = Set(report.findings.filter { $0.severity == .error }.map { "\($0.file) \($0.target) \($0.reason.rawValue)" })
        #expect(found == ["index.html #caf\u{E9}-\u{30AB} no such fragment", "other.html index.html#cafe no such fragment"])
    }

    @Test func testPackedNames_caseLengthAndLongNames() {
        #expect(PackedName(lowercased: Array("href".utf8)) == .href)
        #expect(PackedName(lowercased: Array("a\u{0}".utf8)) != .a)
        #expect(PackedName("aria-labelledby").bytes == Array("aria-labelledby".utf8))
        #expect(PackedName(lowercased: Array("data-a-very-long-one".utf8)).isLong && !PackedName("aria-labelledby").isLong)
        let html = "<A HREF='x.html' data-a-very-long-name-1='1' DATA-A-VERY-LONG-NAME-2='2' data-a-very-long-name-1='3'>x</A>"
        // A tag is read inside `visit`: it points into the page's bytes.
        var seen: [(isA: Bool, href: String?, values: [String])] = []
        HTMLTokenizer.tokens(of: html) { token in
            if case .start(let tag) = token { seen.append((tag.name == .a, tag.value(.href), tag.attributes.map(\.value))) }
        }
        #expect(seen.count == 1)
        #expect(seen.first?.isA == true)
        #expect(seen.first?.href == "x.html")
        #expect(seen.first?.values == ["x.html", "1", "2"])
    }

    // print.html is read a part at a time as it is written: cut anywhere outside a tag, the parts give
    // the same references (with lines, columns and link-text findings) and anchors as the whole page.
    @Test func testPageInParts_scansAsTheWholePage() {
        let html = """
            <!doctype html><html lang="ja"><body>
            <h2 id="目的">目的</h2><p>本文 <a href="a.html#目的">リンク</a> と <a href="b.html"><img src="i.png" alt=""></a></p>
            <section><a href="c.html">
            続きのテキスト</a> <a name="名前"></a><a href="#名前" aria-label="ラベル"></a>
            <template><a href="t.html">t</a></template><img srcset="x.png 1x, y.png 2x">
            <p>長い行の途中の <a href='d.html?q=1'>d</a> とその後ろ</p></section></body></html>
            """
        func describe(_ scan: PageScan) -> [String] {
            scan.references.map { "\($0.url) \($0.line):\($0.column) \($0.isAnchor) \($0.hasNoText)" } + scan.anchors.sorted().map(String.init)
        }
        let whole = describe(PageScan.scan(html))
        #expect(whole.count > 8)
        let cuts = html.indices.filter { html[$0] == "<" }
        // 64 ways of cutting: trial `t` cuts before the tags whose number has bit `number % 6` of `t` set.
        for trial in 0..<64 {
            var parts = PageInParts()
            var start = html.startIndex
            for (number, cut) in cuts.enumerated() where trial & (1 << (number % 6)) != 0 && cut > start {
                parts.add(String(html[start..<cut]))
                start = cut
            }
            parts.add(String(html[start...]))
            #expect(describe(parts.scanner.scan) == whole)
        }
    }

    @Test func testCharacterReferences() {
        #expect(CharacterReferences.decode("a&amp;b&lt;&#x41;&#66;&hellip;&notin;", inAttribute: false) == "a&b<AB…∉")
        #expect(CharacterReferences.decode("?a=1&copy=2", inAttribute: true) == "?a=1&copy=2")
        #expect(CharacterReferences.decode("&copy 2026", inAttribute: false) == "© 2026")
        #expect(CharacterReferences.decode("&#x80;&#0;", inAttribute: false) == "€\u{FFFD}")
        #expect(NamedCharacterReferences.table.count == 2231)
    }
}

@Suite struct BuildCheckTests {
    @Test func testBuild_failsOnABrokenLinkInTheTheme_andKeepsTheOutput() throws {
        var files = TemporarySite.smallCourse()
        files["site.yml"] = "id: test-course\ntitle: テスト研修\ntheme: broken\n"
        files["Themes/broken/templates/pager.mustache"] = "<a href=\"{{root}}assets/nowhere.css\">x</a>\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        try site.write("site.yml", "id: test-course\ntitle: テスト研修\n")
        #expect(try site.build().succeeded)
        try site.write("site.yml", "id: test-course\ntitle: テスト研修\ntheme: broken\n")
        let result = try site.build()
        #expect(!result.succeeded)
        #expect(site.messages(result).contains { $0.contains("broken link '../assets/nowhere.css': no such file") })
        #expect(try !site.read("intro/welcome.html").contains("nowhere.css"), "the previous output stays")
    }

    /// A missing file with a near namesake beside it is named; one with none gets the catalog's advice.
    @Test func testMissingFile_namesTheFileMeant() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-guess-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("<html><body><a href=\"a/bomx.html\">x</a> <a href=\"a/nothing.html\">y</a> <a href=\"a/bom.html\">z</a></body></html>".utf8)
            .write(to: folder.appendingPathComponent("index.html"))
        try Data("<html><body><a href=\"../index.html\">back</a></body></html>".utf8).write(to: folder.appendingPathComponent("a/bom.html"))
        let report = try SiteChecker.check(root: folder.path)
        let guessed = try #require(report.findings.first { $0.target == "a/bomx.html" })
        #expect(guessed.guess == "bom.html")
        #expect(guessed.describe(root: "Output").hasSuffix(" — did you mean 'bom.html'? [K9001]"))
        #expect(report.findings.first { $0.target == "a/nothing.html" }?.guess == nil)
    }

    @Test func testCheck_reportsAtTheMarkdownLineThroughTheManifest() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        #expect(try site.build().succeeded)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("intro/roles.html"))
        let report = try SiteChecker.check(root: site.output.path)
        let finding = try #require(report.findings.first { $0.file == "intro/welcome.html" && $0.target.hasPrefix("roles.html#") })
        #expect(report.findings.contains { $0.target == "roles.html" && $0.source == nil }, "the sidebar link is reported in the HTML")
        #expect(finding.target == "roles.html#%E5%BD%B9%E5%89%B2%E5%88%86%E6%8B%85")
        #expect(finding.source?.description.hasSuffix("Content/01-intro/01-welcome.md:7:4") == true, "\(String(describing: finding.source))")
        #expect(finding.describe(root: "Output").contains("error: broken link 'roles.html#%E5%BD%B9%E5%89%B2%E5%88%86%E6%8B%85': no such file (in intro/welcome.html:"))
        #expect(finding.describe(root: "Output").hasSuffix(" — check the target's name and folder; for a site Kenshu built, fix the link in the Markdown or the theme and build again [K9001]"))
    }
}
