import Foundation
import Testing
@testable import KenshuMarkdown

/// Every example of CommonMark 0.30 and the GFM table extension, through our renderer.
/// (The other GFM extensions have their own suite, ``GFMConformanceTests``.)
///
/// Rendered with raw HTML allowed (the spec expects it to pass through) and with heading
/// anchors on, as the site renders them; the comparison strips only what we add on purpose:
/// heading `id`s and permalinks. Table cells use `style="text-align: …"` where GFM writes the
/// obsolete `align` attribute, so the expected HTML is mapped to that form.
@Suite struct CommonMarkConformanceTests {
    static func render(_ markdown: String) -> String {
        let options = MarkdownOptions(path: "spec.md", contentPath: "spec.md", allowRawHTML: true)
        return HTMLNormaliser.stripKenshuAdditions(MarkdownRenderer.render(markdown, options: options).html)
    }

    /// Examples whose output differs on purpose, with the reason and the output we write instead.
    static let exceptions: [Int: (reason: String, expected: String)] = [
        483: ("a link to a '.md' file is rewritten to the page it becomes", #"<p><a href="target.html"></a></p>"#),
        499: ("':' in a relative path is percent-encoded, so a file name can never become a scheme",
              #"<p><a href="foo)%3A">link</a></p>"#),
        // HTML comments are the author's notes: dropped from the page, in every mode.
        177: ("an HTML comment is dropped", "*bar*\n<p><em>baz</em></p>"),
        179: ("an HTML comment is dropped", "<p>okay</p>"),
        183: ("an HTML comment is dropped", "<pre><code>&lt;!-- foo --&gt;\n</code></pre>"),
        308: ("an HTML comment is dropped", "<ul><li>foo</li><li>bar</li></ul><ul><li>baz</li><li>bim</li></ul>"),
        309: ("an HTML comment is dropped", "<ul><li><p>foo</p><p>notcode</p></li><li><p>foo</p></li></ul><pre><code>code\n</code></pre>"),
        624: ("an HTML comment is dropped", "<p>foo</p>"),
        // GFM's extended autolinks (gfm-extensions.txt) find URLs that CommonMark leaves as text.
        601: ("GFM extended autolink", #"<p>&lt;<a href="http://foo.bar/baz">http://foo.bar/baz</a> bim&gt;</p>"#),
        605: ("GFM extended autolink", #"<p>&lt;<a href="mailto:foo+@bar.example.com">foo+@bar.example.com</a>&gt;</p>"#),
        607: ("GFM extended autolink", #"<p>&lt; <a href="http://foo.bar">http://foo.bar</a> &gt;</p>"#),
        610: ("GFM extended autolink", #"<p><a href="http://example.com">http://example.com</a></p>"#),
        611: ("GFM extended autolink", #"<p><a href="mailto:foo@bar.example.com">foo@bar.example.com</a></p>"#),
    ]

    @Test func testCommonMarkSpec_allExamplesPass() throws {
        let examples = try SpecExample.load("spec-0.30.txt")
        #expect(examples.count == 652)
        var failures: [String] = []
        for example in examples {
            let actual = HTMLNormaliser.normalise(Self.render(example.markdown))
            let expected = HTMLNormaliser.normalise(Self.exceptions[example.number]?.expected ?? example.html)
            if actual != expected {
                failures.append("\(example)\n--- markdown\n\(example.markdown)--- expected\n\(expected)\n--- actual\n\(actual)")
            }
        }
        let exact = examples.count - failures.count - Self.exceptions.count
        print("CommonMark 0.30: \(exact) of \(examples.count) examples pass as written, \(Self.exceptions.count) differ on purpose:")
        for (number, exception) in Self.exceptions.sorted(by: { $0.key < $1.key }) {
            print("  example \(number): \(exception.reason)")
        }
        #expect(failures.isEmpty, "\(failures.count) failing:\n\(failures.prefix(5).joined(separator: "\n\n"))")
    }

    @Test func testGFMTables_allExamplesPass() throws {
        let examples = try SpecExample.load("gfm-tables-extension.txt")
        #expect(examples.count == 8)
        for example in examples {
            let expected = example.html.replacing(/\ align="(left|center|right)"/) { " style=\"text-align: \($0.1)\"" }
            #expect(HTMLNormaliser.normalise(Self.render(example.markdown)) == HTMLNormaliser.normalise(expected), "\(example)")
        }
    }
}
