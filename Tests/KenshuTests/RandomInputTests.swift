import Foundation
import KenshuCheck
import KenshuContent
import KenshuCore
import Testing
@testable import KenshuBuild

/// Seeded random input through the parts that read what authors and other tools write: the
/// front-matter splitter and YAML, the Markdown and quiz parsers, the HTML tokenizer and the URL
/// resolver. None may crash, whatever the bytes. Repeatable in every `swift test`; the coverage-guided
/// search is libFuzzer's, in `Tests/fuzz` (run by `Tests/run` for a bounded time).
@Suite struct RandomInputTests {
    /// SplitMix64: small, fast and the same on every machine for a seed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces that make parsers take their rarer paths.
    static let pieces = [
        "---", "\n", "\r\n", "\r", "title: ", "title：", "\t", "- [ ] ", "- [x] ", "- ［ ］", "> ", "  > ", "```quiz\n", "```\n",
        "解説: ", "answer: ", "id: ", "shuffle", "kana", "[", "](", ")", "<", ">", "<a href=\"", "\">", "</a>", "<!--", "-->",
        "&amp;", "&#x", ";", "#", "%", "%2e%2e/", "../", "javascript:", "日本語", "ガバメントクラウド", "\u{FEFF}", "\u{0}", "*", "_",
        "|", "| --- |", "~~", "[^1]", "[^1]: ", "www.", "https://", "<script>", "srcset=\"a 1x, b 2x\"", "<base href=\"", "\"",
    ]

    static func randomText(_ random: inout Seeded, length: Int) -> String {
        (0..<length).map { _ in
            random.next() % 5 == 0
                ? String(UnicodeScalar(UInt8(truncatingIfNeeded: random.next() % 128)))
                : pieces[Int(random.next() % UInt64(pieces.count))]
        }.joined()
    }

    @Test func testRandomPages_neverCrashTheBuild() throws {
        var random = Seeded(state: 20261201)
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        for round in 0..<12 {
            try site.write("01-intro/0\(round % 3 + 3)-random.md", Self.randomText(&random, length: 400))
            try site.writeData("02-cloud/03-bytes.md", Data((0..<300).map { _ in UInt8(truncatingIfNeeded: random.next()) }))
            _ = try site.build()
        }
    }

    @Test func testRandomFrontMatterAndYAML_neverCrash() {
        var random = Seeded(state: 7)
        for _ in 0..<500 {
            let text = Self.randomText(&random, length: 60)
            let split = FrontMatterSplitter.split(text)
            _ = FrontMatter.parse(split.yaml, path: "x.md")
            _ = SiteConfig.parse(text, path: "site.yml")
            _ = Glossary.parse(text, path: "glossary.yml")
        }
    }

    @Test func testRandomHTMLAndURLs_neverCrashTheChecker() {
        var random = Seeded(state: 42)
        let files = SiteFiles(paths: ["index.html", "a/b.html", "a/c.png"])
        var checker = FolderChecker(files: files)
        var results: [PageResult] = []
        for index in 0..<400 {
            results.append(checker.check("a/p\(index).html", html: Self.randomText(&random, length: 120)))
        }
        _ = SiteChecker.report(results, root: "/nonexistent", sources: [:])
    }
}
