import KenshuCore
import Testing
@testable import KenshuMarkdown

/// Raw HTML in Markdown: comments dropped, a safe subset passed, everything else shown as text.
@Suite struct RawHTMLTests {
    func render(_ markdown: String, rawHTML: Bool = false) -> ParsedMarkdown {
        MarkdownRenderer.render(
            markdown, options: MarkdownOptions(path: "Content/01-a/02-b.md", contentPath: "01-a/02-b.md", lineOffset: 3, allowRawHTML: rawHTML))
    }

    @Test func testComments_areDroppedInBothModes() {
        for raw in [false, true] {
            let page = render("<!-- English original -->\n\n本文<!-- inline -->です。\n\n<!--\n複数行\n-->\n\n次。\n", rawHTML: raw)
            #expect(page.html == "<p>本文です。</p>\n<p>次。</p>\n")
            #expect(page.diagnostics.isEmpty)
        }
    }

    @Test func testUnclosedComment_warns() {
        let page = render("前\n\n<!-- 閉じない\n\n後ろ\n")
        #expect(page.html == "<p>前</p>\n")
        #expect(page.diagnostics.map { TemporarySite.withoutCode($0.description) }.first?.hasPrefix("Content/01-a/02-b.md:6:1: warning: an HTML comment '<!--' is never closed") == true)
    }

    @Test func testSafeSubset_passesWithoutWarning() {
        let page = render("""
            <ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>と<span class="filename">a.txt</span>、H<sub>2</sub>O、<kbd>Ctrl</kbd>、<mark>印</mark><br>
            <img src="images/図.png" alt="図" width="100"/> <a id="custom"></a><a name="old"></a><a href="../02-c/03-d.md#節" title="t">次</a>

            <details open>
            <summary>答え</summary>

            **本文**

            </details>

            """)
        #expect(page.diagnostics.isEmpty, "\(page.diagnostics)")
        #expect(page.html.contains("<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>と<span class=\"filename\">a.txt</span>"))
        #expect(page.html.contains("H<sub>2</sub>O、<kbd>Ctrl</kbd>、<mark>印</mark><br />"))
        #expect(page.html.contains(#"<img src="images/%E5%9B%B3.png" alt="図" width="100" />"#))
        #expect(page.html.contains(##"<a href="../c/d.html#%E7%AF%80" title="t">次</a>"##))
        #expect(page.html.contains("<details open>\n<summary>答え</summary>\n<p><strong>本文</strong></p>\n</details>"))
        #expect(page.anchorIDs == ["custom", "old"])
        #expect(page.links.map(\.target) == [.content(path: "01-a/images/図.png", fragment: nil), .content(path: "02-c/03-d.md", fragment: "節")])
        #expect(page.links.first?.location.description == "Content/01-a/02-b.md:5:1")
    }

    @Test func testOtherHTML_isEscapedWithOneWarningPerElementAtItsFirstTag() {
        let page = render("前文\n\n本文<font color=red>赤</font>と<iframe src=\"x\"></iframe>\n\n<font>また</font>\n")
        #expect(page.html.hasPrefix("<p>前文</p>\n<p>本文&lt;font color=red&gt;赤&lt;/font&gt;と&lt;iframe src=&quot;x&quot;&gt;&lt;/iframe&gt;</p>\n"))
        #expect(page.diagnostics.map { TemporarySite.withoutCode($0.description) } == [
            "Content/01-a/02-b.md:6:3: warning: raw HTML is shown as text: '<font>' is outside the safe subset (element) — write it in Markdown or remove it; set 'options: raw_html: true' in site.yml only if you trust every author (README lists what passes)",
            "Content/01-a/02-b.md:6:28: warning: raw HTML is shown as text: '<iframe>' is outside the safe subset (element) — write it in Markdown or remove it; set 'options: raw_html: true' in site.yml only if you trust every author (README lists what passes)",
        ])
    }

    @Test func testAttributesOutsideTheSubset_areLeftOut_withTheirReasonInEachLanguage() {
        let attribute = render("<span onclick=\"x()\" class=\"k\">押す</span>\n")
        let url = render("<a href=\"javascript:alert(1)\" title=\"t\">押す</a>\n")
        let ja = DiagnosticPrinter(language: .ja)
        #expect(attribute.html == "<p><span class=\"k\">押す</span></p>\n")
        #expect(attribute.diagnostics.map(\.code) == ["K5017"])
        #expect(attribute.diagnostics.first.map { ja.line($0) }?.contains("'<span>' の属性 'onclick' は許可された安全な範囲にないため、外して表示します") == true)
        #expect(attribute.diagnostics.first?.description.contains("the attribute 'onclick' is outside the safe subset, so it is left out") == true)
        #expect(url.html == "<p><a title=\"t\">押す</a></p>\n")
        #expect(url.diagnostics.map(\.code) == ["K5018"])
        #expect(url.diagnostics.first.map { ja.line($0) }?.contains("'href' の URL の形式が許可されていないため、この属性を外して表示します") == true)
    }

    /// HTML as GitHub READMEs write it: centred paragraphs and sized images pass; a style is left out, the text stays.
    @Test func testGitHubStyleHTML_keepsItsElements() {
        let page = render("<p align=\"center\" style=\"color: red\">\n  <img src=\"logo.png\" width=\"120\" alt=\"ロゴ\">\n</p>\n\n<div align=\"right\">右寄せ</div>\n")
        #expect(page.html == "<p align=\"center\">\n  <img src=\"logo.png\" width=\"120\" alt=\"ロゴ\" />\n</p>\n<div align=\"right\">右寄せ</div>\n", "\(page.html)")
        #expect(page.diagnostics.map(\.code) == ["K5017"])
    }

    @Test func testLoneTagInTableCell_rendersInline() {
        for raw in [false, true] {
            let html = render("| 図 | 説明 |\n| --- | --- |\n| <img src=\"x.svg\"/> | <span>説明</span> |\n", rawHTML: raw).html
            #expect(html.contains("<td>" + (raw ? #"<img src="x.svg"/>"# : #"<img src="x.svg" />"#) + "</td>"), "\(html)")
            #expect(html.contains("<td><span>説明</span></td>"))
        }
    }

    @Test func testRawHTMLMode_passesEverything_butWarnsAboutScriptURLs() {
        let page = render("<div onclick=\"x()\">a</div>\n\n[リンク](javascript:alert(1)) <a href=\"JaVa&#x53;cript:alert(1)\">b</a>\n", rawHTML: true)
        #expect(page.html.contains(#"<div onclick="x()">a</div>"#))
        #expect(page.diagnostics.map { $0.text(in: .en) } == [
            "URL 'javascript:alert(1)' uses a scheme that could run a script; it is kept only because the site allows raw HTML",
            "raw HTML '<a>' has a 'javascript:' URL, which runs script when it is followed",
        ])
        #expect(page.diagnostics.map(\.location?.column) == [1, 28])
    }

    @Test func testScriptLinkInMarkdown_isBlankedWithAWarning() {
        let page = render("[x](JavaScript:alert(1))\n")
        #expect(page.html == "<p><a href=\"\">x</a></p>\n")
        #expect(page.diagnostics.map { $0.text(in: .en) } == ["URL 'JavaScript:alert(1)' uses a scheme that could run a script, so it was removed"])
    }

    /// Known ways to run script through an HTML filter. None may come out as markup in safe mode.
    static let xssVectors: [String] = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" ONERROR=\"alert(1)\"/>",
        "<img src=x\nonerror=alert(1)>",
        "<span onmouseover=\"alert(1)\">x</span>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JAVASCRIPT:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
        "<a href=\"javascript&#0000058alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<span srcdoc=\"x\">x</span>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math href=\"javascript:alert(1)\">x</math>",
        "<span style=\"width: expression(alert(1))\">x</span>",
        "<span style=\"background:url(javascript:alert(1))\">x</span>",
        "<style>@import 'x.css';</style>",
        "<object data=\"x.swf\"></object>",
        "<embed src=\"x.swf\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<input autofocus onfocus=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=stylesheet href=x.css>",
        "<a href=x onclick=alert(1)>x</a>",
        "<a/href=\"javascript:alert(1)\">x</a>",
        "<a href=\"x\"onclick=\"alert(1)\">x</a>",
        "<img src=`x` onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<template><script>alert(1)</script></template>",
        "<textarea><img src=x onerror=alert(1)></textarea>",
        "<!--><img src=x onerror=alert(1)>-->",
        "<![CDATA[<img src=x onerror=alert(1)>]]>",
        "<?xml version=\"1.0\"?><img src=x onerror=alert(1)>",
        "<a href=\"#\" id=\"x\" aria-label=\"a\" data-x=\"1\">x</a>",
    ]

    @Test(arguments: xssVectors)
    func testXSSVector_isNotExecutable(_ vector: String) {
        for markdown in [vector + "\n", "文中 " + vector + " です\n", "| a |\n| - |\n| " + vector.replacingOccurrences(of: "|", with: "\\|") + " |\n"] {
            let html = render(markdown).html
            let tags = HTMLTags.startTags(in: html)
            for tag in tags {
                #expect(RawHTMLPolicy.elements.contains(tag.name) || ["p", "table", "thead", "tbody", "tr", "th", "td", "pre", "code"].contains(tag.name),
                        "element <\(tag.name)> survived: \(html)")
                for (name, value) in tag.attributes {
                    #expect(!name.hasPrefix("on") && name != "style" && name != "srcdoc" && !name.hasPrefix("data-") && !name.contains(":"), "attribute \(name) survived: \(html)")
                    if name == "href" || name == "src" {
                        #expect(RawHTMLPolicy.isAllowedURL(value), "URL \(value) survived: \(html)")
                    }
                }
            }
            #expect(!html.lowercased().contains("<script"), "\(html)")
        }
    }
}

/// A deliberately plain reading of start tags in our output, independent of the filter's scanner:
/// every `<` followed by a letter is taken as a tag, so nothing that a browser would read as one is missed.
enum HTMLTags {
    struct Tag {
        var name: String
        var attributes: [(String, String)]
    }

    static func startTags(in html: String) -> [Tag] {
        var tags: [Tag] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let first = rest.first, first.isLetter else { continue }
            let body = rest.prefix { $0 != ">" }
            let name = body.prefix { !$0.isWhitespace && $0 != "/" }.lowercased()
            var attributes: [(String, String)] = []
            for match in body.matches(of: /([^\s"'=\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/).dropFirst() {
                let value = String(match.2 ?? match.3 ?? match.4 ?? "")
                attributes.append((String(match.1).lowercased(), CharacterReferences.decode(value, inAttribute: true)))
            }
            tags.append(Tag(name: name, attributes: attributes))
        }
        return tags
    }
}
