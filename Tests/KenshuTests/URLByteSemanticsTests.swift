@testable import KenshuBuild
@testable import KenshuCheck
import KenshuContent
import KenshuCore
@testable import KenshuMarkdown
import Testing

/// URLs are read by bytes, as a browser reads them: a `#`, `?`, `/` or `:` is a delimiter even when a
/// combining mark or variation selector follows it (Swift's `Character` view would take the pair for one
/// character and miss the delimiter). The Markdown stage, the checker and print.html agree on this.
@Suite struct URLByteSemanticsTests {
    @Test func testDelimitersFollowedByCombiningMarks_stillDelimit() {
        #expect(URLParts.split("a.html#\u{301}b").fragment == "\u{301}b")
        #expect(URLParts.split("a.html?\u{301}q#x").path == "a.html")
        #expect(URLParts.hasScheme("ab:\u{301}x"))
        #expect(!URLParts.hasScheme("a:x"), "one letter is a Windows drive")
        #expect(!URLParts.hasScheme("a\u{301}b:x"))
        #expect("/\u{301}a".hasUTF8Prefix("/") && !"/\u{301}a".hasPrefix("/"))
        #expect("a/\u{301}".hasUTF8Suffix("/\u{301}") && "x/".hasUTF8Suffix("/") && !"x".hasUTF8Suffix("xx"))
    }

    /// The Markdown stage classifies a link as the checker and a browser will read it.
    @Test func testMarkdownStage_readsLinkPrefixesByBytes() {
        let page = "01-intro/a.md"
        #expect(LinkClassifier.classify("/\u{301}a.html", from: page).target == .rootRelative)
        #expect(LinkClassifier.classify("//\u{301}h/x", from: page).target == .external)
        let fragment = LinkClassifier.classify("#\u{301}x", from: page)
        #expect(fragment.target == .samePage(fragment: "\u{301}x"))
        #expect(fragment.href.unicodeScalars.elementsEqual("#\u{301}x".unicodeScalars))
        #expect(LinkClassifier.classify("b.md#\u{301}x", from: page).target == .content(path: "01-intro/b.md", fragment: "\u{301}x"))
        // Paths are cut at every `/` byte, so `..` climbs as the check and a browser climb.
        #expect(LinkClassifier.resolve("x/../\u{301}b.md", relativeTo: page)?.unicodeScalars.elementsEqual("01-intro/\u{301}b.md".unicodeScalars) == true)
        #expect(LinkClassifier.resolve("../\u{301}b.md", relativeTo: page)?.unicodeScalars.elementsEqual("\u{301}b.md".unicodeScalars) == true)
        #expect(LinkClassifier.classify("d\u{600}/", from: page).target == .content(path: "01-intro/d\u{600}/index.md", fragment: nil),
                "a folder link, though U+0600 joins the slash in Swift's eyes")
    }

    @Test func testResolver_splitsPathsAtEverySlash() {
        #expect(URLResolver.resolve("d/\u{301}b.html", page: "p.html", base: nil)
            == .local(path: "d/\u{301}b.html", fragment: nil, isDirectory: false))
        #expect(URLResolver.resolve("/\u{301}a.html", page: "x/p.html", base: nil)
            == .local(path: "\u{301}a.html", fragment: nil, isDirectory: false), "from the root, not from x/")
        #expect(URLResolver.resolve("../\u{301}a.html", page: "x/p.html", base: nil)
            == .local(path: "\u{301}a.html", fragment: nil, isDirectory: false))
    }

    /// `#️⃣ 手順` is a heading GitHub and Kenshu give an id starting with U+FE0F U+20E3; its own link must find it.
    @Test func testFragmentAfterAKeycap_isFoundOnTheSamePage() {
        let id = "\u{FE0F}\u{20E3}-x"
        let html = "<h2 id=\"\(id)\">x</h2><a href=\"#\(id)\">here</a><a href=\"#\u{301}y\">missing</a>"
        var cache: [ReferenceKey: ResolvedReference] = [:]
        let result = PageResult.check("p.html", html: html, files: SiteFiles(paths: ["p.html"]), cache: &cache)
        #expect(result.problems.map(\.url) == ["#\u{301}y"], "only the link whose fragment is missing")
    }

    @Test func testPrintRelocation_readsFragmentsAndSchemesByBytes() {
        let page = SitePath("cloud/basics.html")
        #expect(PrintRelocation.rewrite("#\u{301}x", attribute: "href", from: page, prefix: "p3") == "#p3-\u{301}x")
        #expect(PrintRelocation.resolve("x:\u{301}", from: page) == "x:\u{301}", "a scheme stays")
        #expect(PrintRelocation.resolve("/\u{301}a.html", from: page) == "/\u{301}a.html")
        #expect(PrintRelocation.resolve("../\u{301}a.html", from: page) == "\u{301}a.html")
    }

    @Test func testCountWords_fillEveryPlaceholderByBytes() {
        #expect("a \u{600}{n}".replacingUTF8Occurrences(of: "{n}", with: "5") == "a \u{600}5")
        #expect("\t{n}\u{200D}".replacingUTF8Occurrences(of: "{n}", with: "12") == "\t12\u{200D}")
        #expect("{n}{n} 分".replacingUTF8Occurrences(of: "{n}", with: "3") == "33 分")
        #expect("なし".replacingUTF8Occurrences(of: "{n}", with: "3") == "なし")
    }

    /// Keys are read as text: `1:` and `"1":` are the same key, so a page that gives both is told so
    /// (Yams' basic resolver; its default one compared them by inferred type and let both through).
    @Test func testKeysThatReadAsTheSameText_areDuplicates() {
        let (_, problems) = FrontMatter.parse("title: x\n1: a\n\"1\": b\n", path: "Content/p.md")
        #expect(problems.map(\.code) == [MessageKey.yamlDuplicateKey.rawValue])
        let (_, none) = FrontMatter.parse("title: x\nobjectives: [a, b]\n", path: "Content/p.md")
        #expect(none.isEmpty)
    }
}
