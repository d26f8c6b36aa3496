import Foundation
import KenshuCore
import Testing
@testable import KenshuBuild
@testable import KenshuCheck
@testable import KenshuContent

/// One URL policy for every URL Kenshu writes: script URLs never reach a page, whatever wrote them.
@Suite struct URLPolicyTests {
    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "vbscript:x",
        "data:text/html,<script>alert(1)</script>", "livescript:x", "made-up:x",
    ])
    func testScriptAndUnknownSchemes_areRefused(_ url: String) {
        #expect(!URLPolicy().allows(url))
        #expect(!URLPolicy(extraSchemes: ["javascript", "data"]).allows(url) || url.hasPrefix("made"))
    }

    @Test func testSafeURLs_pass() {
        for url in ["https://example.jp", "http://example.jp", "mailto:a@example.jp", "tel:0312345678", "../a.html", "#x", "a.html?q=1:2", ""] {
            #expect(URLPolicy().allows(url), "\(url)")
        }
        #expect(URLPolicy().allows("data:image/png;base64,AAAA", isImage: true))
        #expect(!URLPolicy().allows("file://server/share/a.xlsx"))
        #expect(URLPolicy(extraSchemes: ["file"]).allows("file://server/share/a.xlsx"))
    }

    /// A refused URL is told for what it is: a script, a file on the author's PC, a host without `http://`, another scheme.
    @Test func testRefusedURLs_sayWhy() {
        let at = SourceLocation(path: "a.md", line: 1, column: 1)
        let reasons = ["javascript:alert(1)", "file:///C:/Users/a/b.docx", "C:\\Users\\a\\b.docx", "d:/資料/b.xlsx",
                       "localhost:8080/kenshu/", "intra.example.lg.jp:8443/a", "notes://server/db", "ms-word:ofe|u|https://x"]
            .map { URLPolicy.refusal(of: $0, at: at) }
        #expect(reasons.map(\.code) == ["K5010", "K5022", "K5022", "K5022", "K5023", "K5023", "K5024", "K5024"])
        #expect(reasons[4].description.hasPrefix("a.md:1:1: warning: URL 'localhost:8080/kenshu/' has no 'http://', so it is read as a URL of the scheme 'localhost:'"))
        #expect(reasons[4].fix(in: .en) == "write it as 'http://localhost:8080/kenshu/'")
        #expect(reasons[6].fix(in: .ja)?.contains("'options: url_schemes: [notes]'") == true)
        #expect(URLPolicy.refusal(of: "file:///C:/a", at: at, kept: true).code == "K5016")
    }

    /// `//host/…` opened from a file share is the network share `\\host`, and Windows sends the reader's sign-in
    /// there; `\\server\share` and `\folder` are paths on the author's network or drive. None reaches a page.
    @Test func testHostRelativeURLs_areRefusedWithTheSchemeToWrite() throws {
        for url in ["//evil.example/p.png", " //evil.example", "/\\evil.example/x", "\\\\server\\share\\a.xlsx", "\\folder\\a.xlsx", "/\t/evil.example"] {
            #expect(URLPolicy.isHostRelative(url) && !URLPolicy().allows(url, isImage: true), "\(url)")
        }
        for url in ["/a.html", "a//b.html", "images\\a.png", "#x", "https://example.jp//a"] { #expect(!URLPolicy.isHostRelative(url), "\(url)") }
        let at = SourceLocation(path: "a.md", line: 1, column: 1)
        #expect(URLPolicy.refusal(of: "/\\evil.example/x", at: at).fix(in: .en) == "write it with 'https:', as 'https://evil.example/x'")
        #expect(URLPolicy.refusal(of: "\\\\server\\share", at: at).code == "K5022")
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try site.write("01-intro/01-welcome.md", TemporarySite.page("A", """
            [w](//evil.example/) ![図](//evil.example/p.png) <img src="//evil.example/q.png" alt="q"> [共有](\\\\fileserver\\share\\a.xlsx)

            ![外の図](https://example.jp/a.png) <img src="http://example.jp/b.png" alt="b"> [外へのリンク](https://example.jp/)

            ## 目的

            """))
        let result = try site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        let ja = site.printed(result, .ja)
        #expect(ja.contains("Content/01-intro/01-welcome.md:4:1: 警告: URL '//evil.example/' には 'https:' がありません。ファイル共有から開くと、Windows はこれを別のコンピューターの共有フォルダーとして開こうとして、読む人のサインインの情報をそこへ送ります。取り除きました — 'https://evil.example/' のように 'https:' から書いてください [K5036]"), "\(ja)")
        #expect(ja.contains { $0.hasPrefix("Content/01-intro/01-welcome.md:4:22: 警告: URL '//evil.example/p.png' には 'https:' がありません") })
        #expect(ja.contains { $0.hasPrefix("Content/01-intro/01-welcome.md:4:49: 警告: 生の HTML '<img>' の 'src' の URL の形式が許可されていない") }, "\(ja)")
        #expect(ja.contains { $0.hasPrefix("Content/01-intro/01-welcome.md:4:90: 警告: URL '\\fileserver\\share\\a.xlsx' は書き手のパソコンの中のファイルを指している") }, "\(ja)")
        #expect(ja.filter { $0.hasSuffix("[K5037]") } == [
            "Content/01-intro/01-welcome.md:6:1: 警告: 画像 'https://example.jp/a.png' はインターネット上にあるため、LGWAN などインターネットにつながらないパソコンでは表示されず、ページを開くたびに外のサーバーへ通信します — 画像を保存して教材のフォルダー（例：レッスンの隣の 'images/'）に入れ、相対パスで書いてください（出典はページの sources: か本文に書けます） [K5037]",
            "Content/01-intro/01-welcome.md:6:34: 警告: 画像 'http://example.jp/b.png' はインターネット上にあるため、LGWAN などインターネットにつながらないパソコンでは表示されず、ページを開くたびに外のサーバーへ通信します — 画像を保存して教材のフォルダー（例：レッスンの隣の 'images/'）に入れ、相対パスで書いてください（出典はページの sources: か本文に書けます） [K5037]",
        ], "\(ja)")
        let html = try site.read("intro/welcome.html")
        #expect(!html.contains("evil.example") && !html.contains("fileserver"))
        #expect(html.contains("href=\"https://example.jp/\""))

        // Raw HTML allowed, a Markdown link or image is still never written with one (and told why).
        try site.write("site.yml", "id: t\ntitle: テスト\noptions:\n  raw_html: true\n")
        let allowed = try site.build()
        #expect(allowed.succeeded, "\(site.messages(allowed))")
        #expect(site.printed(allowed, .ja).contains { $0.hasPrefix("Content/01-intro/01-welcome.md:4:22: 警告: URL '//evil.example/p.png' には 'https:' がありません") })
        #expect(try !site.read("intro/welcome.html").contains("src=\"//evil.example/p.png\""))
    }

    /// An SVG opened by itself runs its scripts inside the site: each way of writing one is found (and what a
    /// drawing program writes without one is not).
    @Test func testScriptsInSVG_areFound() {
        let holding = [
            "<svg><script>alert(1)</script></svg>": "<script",
            "<svg><SVG:Script href=\"x.js\"/></svg>": "<SVG:Script",
            "<svg onload=\"alert(1)\"></svg>": "onload=",
            "<svg>\n<rect\n  ONCLICK = 'x' /></svg>": "ONCLICK=",
            "<svg aria-label=\">\" onload=\"alert(1)\"></svg>": "onload=",
            "<svg><a href=\"java\tscript:alert(1)\">x</a></svg>": "javascript:",
            "<svg><a xlink:href=\"&#106;avascript:alert(1)\">x</a></svg>": "javascript:",
            "<svg><animate attributeName=\"href\" values=\"#a;javascript:alert(1)\"/></svg>": "javascript:",
            "<svg><foreignObject><iframe srcdoc=\"x\"/></foreignObject></svg>": "<iframe",
            "<svg><foreignObject><div srcdoc=\"x\"/></foreignObject></svg>": "srcdoc=",
            "<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?><svg/>": "<?xml-stylesheet",
            "<!DOCTYPE svg [<!ENTITY x \"<script>y</script>\">]><svg/>": "<!ENTITY",
            "<!DOCTYPE svg [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]><svg>&x;</svg>": "<!ENTITY",
        ]
        for (svg, what) in holding { #expect(AssetScripts.firstFinding(in: svg)?.what == what, "\(svg)") }
        // What drawing programs write: Illustrator's namespace entities, draw.io's and mermaid's HTML labels.
        let drawn = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
              <!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">
            ]>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
            <!-- <script>コメントの中</script> -->
            <style>.on { fill: red; }</style><defs><g id="a"/></defs><use xlink:href="#a" class="on"/>
            <switch><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">申請</div></foreignObject><text>申請</text></switch>
            <text data-on="x">onload="…" は文字です</text><a href="https://example.jp/">出典</a></svg>
            """
        #expect(AssetScripts.firstFinding(in: drawn) == nil)
        // Saved as UTF-16 by a Windows program, it is read as a browser reads it.
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("<svg><script>alert(1)</script></svg>".data(using: .utf16LittleEndian) ?? Data())
        #expect(AssetScripts.firstFinding(in: AssetScripts.decoded(utf16) ?? "")?.what == "<script")
        // Without a byte-order mark, or with a lone surrogate, still read as UTF-16; ESC or NUL bytes left: unreadable.
        let bare = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><svg><script>x</script></svg>".data(using: .utf16LittleEndian) ?? Data()
        #expect(AssetScripts.firstFinding(in: AssetScripts.decoded(bare) ?? "")?.what == "<script")
        var broken = Data([0xFF, 0xFE, 0x00, 0xD8])
        broken.append("<svg><script>x</script></svg>".data(using: .utf16LittleEndian) ?? Data())
        #expect(AssetScripts.firstFinding(in: AssetScripts.decoded(broken) ?? "")?.what == "<script")
        #expect(AssetScripts.decoded(Data("<svg>\u{1B}$B<script\u{1B}(B</svg>".utf8)) == nil)

        // After the second review: a list decoded before it is split, references padded past any fixed window,
        // a quote inside a DTD comment, DTD default attributes; and what Inkscape and CSS sheets write passes.
        let more = [
            "<svg><animate attributeName=\"href\" values=\"&#106;avascript:alert(1)\"/></svg>": "javascript:",
            "<svg><a href=\"&#" + String(repeating: "0", count: 300) + "106;avascript:x\">a</a></svg>": "javascript:",
            "<svg><a href=\"" + String(repeating: "&#32;", count: 60) + "javascript:x\">a</a></svg>": "javascript:",
            "<!DOCTYPE svg [<!-- it's --><!ENTITY x \"<script>y</script>\"><!-- ' -->]><svg/>": "<!ENTITY",
            "<!DOCTYPE svg [<!ATTLIST svg onload CDATA \"alert(1)\">]><svg/>": "<!ATTLIST",
        ]
        for (svg, what) in more { #expect(AssetScripts.firstFinding(in: svg)?.what == what, "\(svg.prefix(80))") }
        let inkscape = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape">
            <?xml-stylesheet type="text/css" href="style.css"?>
            <defs><inkscape:path-effect effect="bspline" id="e" only_selected="false" inkscape:onion="1"/></defs></svg>
            """
        #expect(AssetScripts.firstFinding(in: inkscape) == nil)
    }

    @Test func testSVGWithAScript_isNotPublishedUnlessRawHTMLIsAllowed() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try site.write("01-intro/images/図.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect onload=\"alert(document.cookie)\"/>\n</svg>\n")
        try site.write("01-intro/01-welcome.md", TemporarySite.page("A", "![図](images/図.svg)\n\n## 目的\n"))
        let refused = try site.build()
        #expect(!refused.succeeded)
        #expect(site.printed(refused, .ja).contains("Content/01-intro/images/図.svg:2:9: エラー: SVG 画像 '01-intro/images/図.svg' にスクリプト（onload=）が入っています。ページの中では動きませんが、画像を直接開くとサイトの中で動くため、公開しません — 図を作ったソフトで、スクリプトや動きを含めずに SVG を書き出し直すか、PNG で書き出してください（自分で書いたスクリプトを残すなら、site.yml に 'options: raw_html: true' と書けます） [K1044]"), "\(site.printed(refused, .ja))")
        try site.write("site.yml", "id: t\ntitle: テスト\noptions:\n  raw_html: true\n")
        let kept = try site.build()
        #expect(kept.succeeded, "\(site.messages(kept))")
        #expect(kept.diagnostics.contains { $0.code == "K1045" })
        #expect(try site.read("intro/images/図.svg").contains("onload"))
    }

    /// An HTML page is read as a browser reads HTML: comments and declarations end where HTML ends them, so a
    /// script after `<!-->`, `--!>`, a CDATA-looking or `<?` run is found; frames and embedded PDFs are no script.
    @Test func testHTMLDocumentScripts_areFoundWhereAnHTMLParserRunsThem() {
        let holding = [
            "<!doctype html><p>x<script>localStorage.clear()</script>": "<script",
            "<P ONCLICK=x()>y</P>": "ONCLICK=",
            "<p/onmouseover=x>y": "onmouseover=",
            "<!--><script>x</script>-->": "<script",
            "<!---><script>x</script>-->": "<script",
            "<!-- a --!><script>x</script> -->": "<script",
            "<![CDATA[ > <script>x</script> ]]>": "<script",
            "<? x ?\"> <script>x</script> ?>": "<script",
            "<!DOCTYPE html [ > <script>x</script> ]>": "<script",
            "<a href=\"jav&#x09;ascript:x\">a</a>": "javascript:",
            "<meta http-equiv=\"refresh\" content=\"0; URL='javascript:x'\">": "javascript:",
            "<iframe srcdoc=\"&lt;script&gt;x&lt;/script&gt;\"></iframe>": "srcdoc=",
            // After the review: raw text, `<` before a blank, `</'`, `/` between attributes, CDATA inside `<svg>`,
            // a padded URL. A browser ran each of these.
            "<style>/*<x a='*/</style><script>S</script><!-- '> */</style>": "<script",
            "<noscript><p title=\"</noscript><script>S</script>\"></noscript>": "<script",
            "<textarea><x a=\"</textarea><script>S</script>\"></textarea>": "<script",
            "<title><!--</title><script>S</script>--></title>": "<script",
            "<p>1 < 2 a='</p><script>S</script>' </p>": "<script",
            "</'><script>S</script>'>": "<script",
            "<img src=\"data:image/png,x\" a/onerror=\"S\">": "onerror=",
            "<svg><![CDATA[><x a=\"]]><script>S</script>\"></svg>": "<script",
            "<iframe src=\"" + String(repeating: " ", count: 300) + "javascript:S\">": "javascript:",
            "<a href=\"java\n\tscript:S\">a</a>": "javascript:",
        ]
        for (html, what) in holding {
            #expect(AssetScripts.firstFinding(in: html, dialect: .html)?.what == what, "\(html)")
        }
        let plain = """
            <!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5; url=next.html">
            <title>申請の流れ</title><link rel="stylesheet" href="style.css"></head><body>
            <!-- 注：コメント --><p data-on="x">onload は文字です</p>
            <iframe src="other.html" title="別のページ"></iframe><object data="手引き.pdf" type="application/pdf"></object>
            </body></html>
            """
        #expect(AssetScripts.firstFinding(in: plain, dialect: .html) == nil)
        // The same comment in XML ends only at `-->`; an XML file with an XSLT sheet can write a script.
        #expect(AssetScripts.firstFinding(in: "<svg><!-- <script>x</script> --></svg>", dialect: .xml) == nil)
        // In HTML a commented-out script counts: `<!--` inside `<style>` opens no comment, and the net does not guess.
        #expect(AssetScripts.firstFinding(in: "<style><!--</style><script>S</script>--></style>", dialect: .html)?.what == "<script")
        #expect(AssetScripts.dialect(ofFileNamed: "a/手引き.HTM") == .html)
        #expect(AssetScripts.dialect(ofFileNamed: "data.xml") == .xml)
        #expect(AssetScripts.dialect(ofFileNamed: "script.js") == nil)
        #expect(AssetScripts.dialect(ofFileNamed: "p.shtm") == .html && AssetScripts.dialect(ofFileNamed: "a.svgz") == .xml)
        // Data XML with `online=`, and prose naming no handler, pass; XHTML entities and defaults that spell a URL do not.
        #expect(AssetScripts.firstFinding(in: "<手続 名称=\"転入届\" online=\"true\"/>") == nil)
        #expect(AssetScripts.firstFinding(in: "<!DOCTYPE html [ <!ENTITY j \"javascript:x\"> ]><a href=\"&j;\">a</a>")?.what == "<!ENTITY")
        #expect(AssetScripts.firstFinding(in: "<!DOCTYPE html [ <!ENTITY a \"java\"> ]><a/>")?.what == "<!ENTITY")
        #expect(AssetScripts.firstFinding(in: "<!DOCTYPE html [<!ATTLIST a href CDATA \"javascript:x\">]><a>x</a>")?.what == "javascript:")
        #expect(AssetScripts.firstFinding(in: "<?xml-stylesheet type=\"text/xsl\" href=\"s.xml\" title=\"text/css\"?><a/>")?.what == "<?xml-stylesheet")
        // A page saved in Shift_JIS is read byte for byte: its ASCII markup is found; a NUL-filled file is not read.
        let shiftJIS = Data([0x3C, 0x70, 0x3E, 0x95, 0x5C, 0x3C, 0x73, 0x63, 0x72, 0x69, 0x70, 0x74, 0x3E])
        #expect(AssetScripts.firstFinding(in: AssetScripts.decoded(shiftJIS) ?? "", dialect: .html)?.what == "<script")
        // ISO-2022-JP: its kanji bytes can open a quote a scanner would skip to; it is not read (K1050).
        #expect(AssetScripts.decoded(Data([0x1B, 0x24, 0x42, 0x3C, 0x70, 0x3E])) == nil)
        #expect(AssetScripts.decoded(Data([0x3C, 0, 0, 0])) == nil)
    }

    @Test func testHTMLPageWithAScript_isNotPublishedUnlessRawHTMLIsAllowed() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try site.write("01-intro/資料/申請 の流れ.html", "<!doctype html>\n<title>流れ</title>\n<p>本文<script>localStorage.clear()</script>\n")
        try site.write("01-intro/資料/plain.htm", "<!doctype html><title>x</title><p>スクリプトのない資料</p>\n")
        try site.write("01-intro/01-welcome.md", TemporarySite.page("A", "[流れ](資料/申請%20の流れ.html) [資料](資料/plain.htm)\n\n## 目的\n"))
        let refused = try site.build()
        #expect(!refused.succeeded)
        #expect(refused.diagnostics.filter { $0.severity == .error }.map(\.code) == ["K1048"], "\(site.messages(refused))")
        #expect(site.printed(refused, .ja).contains("Content/01-intro/資料/申請 の流れ.html:3:6: エラー: '01-intro/資料/申請 の流れ.html' にスクリプト（<script）が入っています。このファイルを開くとサイトの中で動き、受講者の学習の記録を読み書きできるため、公開しません — スクリプトを取り除くか、内容を Markdown のページに書き直してください（自分で書いたスクリプトを残すなら、site.yml に 'options: raw_html: true' と書けます） [K1048]"), "\(site.printed(refused, .ja))")
        try site.write("site.yml", "id: t\ntitle: テスト\noptions:\n  raw_html: true\n")
        let kept = try site.build()
        #expect(kept.succeeded, "\(site.messages(kept))")
        #expect(kept.diagnostics.map(\.code).filter { $0.hasPrefix("K104") } == ["K1049"])
        #expect(try site.read("intro/資料/申請 の流れ.html").contains("<script>"))
        #expect(try site.read("intro/資料/plain.htm").contains("スクリプトのない資料"))
    }

    /// A page in an encoding the scanner cannot read is told as that (K1055), not as "too large or unreadable".
    @Test func testDocumentInAnUnreadableEncoding_isToldWhy() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try site.writeData("01-intro/old.html", Data([0x1B, 0x24, 0x42, 0x3C, 0x70, 0x3E, 0x1B, 0x28, 0x42]))
        try site.write("01-intro/01-welcome.md", TemporarySite.page("A", "[古い資料](old.html)\n\n## 目的\n"))
        let result = try site.build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.code) == ["K1055"], "\(site.messages(result))")
        #expect(site.printed(result, .ja).contains { $0.contains("読めない文字コード") && !$0.contains("大きすぎる") })
    }

    @Test func testFrontMatterSourceURL_isBlankedWithALocatedWarning() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try site.write("01-intro/01-welcome.md", "---\ntitle: A\nsources:\n  - title: x\n    url: \"javascript:alert(1)\"\n---\n## 目的\n")
        let result = try site.build()
        #expect(result.succeeded)
        #expect(site.printed(result, .en).contains {
            $0.hasPrefix("Content/01-intro/01-welcome.md:5:10: warning: URL 'javascript:alert(1)' uses a scheme that could run a script")
        })
        let html = try site.read("intro/welcome.html")
        #expect(!html.lowercased().contains("javascript:"))
    }

    @Test func testMarkdownLinkToAScript_isBlankedWithALocatedWarning() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try site.write("01-intro/01-welcome.md", TemporarySite.page("A", "[押して](JAVASCRIPT:alert(1))\n\n## 目的\n"))
        let result = try site.build()
        #expect(site.printed(result, .ja).contains { $0.hasPrefix("Content/01-intro/01-welcome.md:4:1: 警告: URL 'JAVASCRIPT:alert(1)'") })
        #expect(try !site.read("intro/welcome.html").lowercased().contains("javascript:"))
    }

    /// libcmark places an autolink past its paragraph; the warning points at its `<` on its own line.
    @Test func testAutolinkInALaterLine_isLocatedAtItsBracket() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try site.write("01-intro/01-welcome.md", TemporarySite.page("A", "一行目の文\n二行目 <javascript:alert(1)> と [x](https://a.jp)\n三行目 <https://a.jp> と <ftp://x.jp/>\n四行目 http://a.jp/x を見ます\n\n## 目的\n"))
        let result = try site.build()
        let places = result.diagnostics.filter { $0.code == "K5010" || $0.code == "K5024" }.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(places == ["K5010 5:5", "K5024 6:22"], "\(places)")
        // A bare URL that the GFM extension makes a link keeps its own place.
        let plain = result.diagnostics.filter { $0.code == "K9006" }.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(plain == ["7:5"], "\(plain)")
    }

    @Test func testFileNamesWithAColon_neverBecomeAScheme() throws {
        var files = TemporarySite.smallCourse()
        files["01-intro/03-javascript:alert(1).md"] = TemporarySite.page("罠")
        files["03-javascript:alert(2)/index.md"] = TemporarySite.page("罠のモジュール")
        let site = try TemporarySite(files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        for page in ["index.html", "intro/roles.html", "intro/welcome.html", "course.js", "progress.html"] {
            let text = try site.read(page).lowercased()
            #expect(!text.contains("href=\"javascript:"), "\(page)")
            #expect(!text.contains("\"href\":\"javascript:"), "\(page)")
        }
        #expect(try site.read("intro/roles.html").contains("javascript%3Aalert(1).html"))
    }
}

/// Content files named like Kenshu's own output are located errors, not silent overwrites.
@Suite struct ReservedNameTests {
    @Test func testContentFilesNamedLikeKenshusOwn_areLocatedErrors() throws {
        var files = TemporarySite.smallCourse()
        files["course.js"] = "window.x = 1;"
        files["assets/kenshu.css"] = "body{}"
        files["01-intro/images/ok.png"] = "PNG"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let result = try site.build()
        #expect(!result.succeeded)
        let lines = site.printed(result, .en).filter { $0.hasSuffix("[K7003]") }
        #expect(lines.contains { $0.hasPrefix("Content/course.js:1:1: error: 'course.js' is a file Kenshu writes itself") })
        #expect(lines.contains { $0.hasPrefix("Content/assets/kenshu.css:1:1: error: 'assets/kenshu.css' is a file Kenshu writes itself") })
        #expect(lines.count == 2)
    }
}

/// Smaller holes: root-relative `..`, headings named like the theme's ids, absolute paths in the manifest, $HOME.
@Suite struct SmallHardeningTests {
    @Test func testRootRelativeDotDot_isClampedAtTheRoot() {
        #expect(URLResolver.resolve("/../about.html", page: "a/b.html", base: nil) == .local(path: "about.html", fragment: nil, isDirectory: false))
        #expect(URLResolver.resolve("../../x.html", page: "a/b.html", base: nil) == .outsideSite)
    }

    @Test func testSrcsetDescriptorWithCommasInParentheses_isOneCandidate() {
        #expect(PageScan.srcsetURLs("a.png 1x (x, y), b.png 2x") == ["a.png", "b.png"])
    }

    @Test func testExternalBase_resolvesRelativeLinksLikeABrowser() {
        #expect(URLResolver.resolve("y.html#z", page: "p.html", base: "https://a.example.jp/docs/x.html")
            == .external("https://a.example.jp/docs/y.html#z"))
        #expect(URLResolver.resolve("../top.html", page: "p.html", base: "https://a.example.jp/docs/")
            == .external("https://a.example.jp/top.html"))
    }

    @Test func testHeadingsNamedLikeTemplateIDs_getASuffix() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try site.write("02-cloud/02-models.md", TemporarySite.page("方式", "## kenshu-strings\n\n## main\n"))
        let result = try site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        let html = try site.read("cloud/models.html")
        #expect(html.components(separatedBy: "id=\"main\"").count == 2, "the template's element keeps its id alone")
        #expect(html.contains("id=\"main-1\""))
        // Ids are reserved only when the theme's templates use them: the default layout no longer has
        // `kenshu-strings` (strings.js), so the heading keeps its own id.
        #expect(html.components(separatedBy: "id=\"kenshu-strings\"").count == 2)
    }

    @Test func testManifest_neverPublishesAbsolutePaths() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        #expect(site.content.path.hasPrefix("/"))
        #expect(try site.build().succeeded)
        let manifest = try String(contentsOf: site.output.appendingPathComponent(".kenshu-sources.json"), encoding: .utf8)
        #expect(manifest.contains("\"path\":\"Content/01-intro/01-welcome.md\""))
        #expect(!manifest.contains(site.root.path))
    }

    @Test func testHomeFromTheEnvironment_isRefusedAsOutput() throws {
        let home = try #require(ProcessInfo.processInfo.environment["HOME"])
        #expect(throws: ToolFailure.self) {
            try OutputLocation.validate(output: URL(fileURLWithPath: home), content: URL(fileURLWithPath: "/nonexistent/Content"), themes: nil)
        }
    }
}
