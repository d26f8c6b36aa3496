import Foundation
import KenshuCheck
import KenshuContent
import KenshuMarkdown
import KenshuZip
@testable import KenshuCheck
@testable import KenshuQuiz

/// The entry libFuzzer calls with each input. The first byte picks the part under test, the rest
/// is its text: the parts that read what authors and other tools write, where a crash would stop a build.
/// Also exported as `LLVMFuzzerTestOneInput`, the name libFuzzer looks for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data + 1, count: size - 1)
    FuzzTarget(rawValue: data[0] % UInt8(FuzzTarget.allCases.count))?.run(bytes)
    return 0
}

/// The five parts, one per value of the input's first byte (modulo their count; the corpus files start with bytes 0–4).
enum FuzzTarget: UInt8, CaseIterable {
    case frontMatter, quiz, htmlTokenizer, urlResolver, zipArchive

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .frontMatter:
            let split = FrontMatterSplitter.split(text)
            var (matter, _) = FrontMatter.parse(split.yaml, path: "x.md")
            _ = matter.substituteVariables(["自治体名": "架空町"], yaml: split.yaml ?? "", path: "x.md")
        case .quiz:
            var options = MarkdownOptions(path: "Content/01-a/02-b.md", contentPath: "01-a/02-b.md", lineOffset: 3)
            options.fencedBlockHandlers["quiz"] = QuizBlockHandler()
            options.variables = ["自治体名": "架空町", "担当課": "*情報*"]
            _ = MarkdownRenderer.render("```quiz\n" + text + "\n```\n", options: options)
            // The same text as a page's prose: tables, links and `{{name}}` in any of them.
            _ = MarkdownRenderer.render(text, options: options)
            _ = MarkdownVariables.fill(text, values: options.variables)
        case .htmlTokenizer:
            HTMLTokenizer.tokens(of: text) { _ in }
            var checker = FolderChecker(files: SiteFiles(paths: ["index.html", "a/b.html", "a/c.png"]))
            _ = checker.check("a/page.html", html: text)
        case .urlResolver:
            // url, page and base on the first three lines.
            let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            let page = lines.count > 1 ? lines[1] : "a/page.html"
            _ = URLResolver.resolve(lines[0], page: page, base: lines.count > 2 ? lines[2] : nil)
        case .zipArchive:
            // A `base:` zip from anywhere: no entry may hand out more than it declares.
            guard let archive = try? ZipArchive(Data(bytes)) else { return }
            for entry in archive.entries {
                var total: UInt64 = 0
                try? archive.extract(entry) { total += UInt64($0.count) }
                precondition(total <= entry.uncompressedSize, "an entry inflated past its declared size")
            }
        }
    }
}
