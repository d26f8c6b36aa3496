import Foundation
import KenshuCore
import Testing
@testable import KenshuBuild

/// The output folder's edges: concurrent builds, a symlinked output, its mode, the atomic swap, a half-done swap,
/// folders that are not Kenshu's.
@Suite struct OutputSafetyTests {
    func lockPath(_ site: TemporarySite) -> String { site.root.appendingPathComponent(".Output.kenshu-lock").path }

    @Test func testSecondBuild_saysAnotherIsRunning() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try Data("1\n".utf8).write(to: URL(fileURLWithPath: lockPath(site)))  // pid 1 is always alive
        do {
            _ = try site.build()
            Issue.record("the build ran while another held the lock")
        } catch let failure as Builder.Failure {
            #expect(failure.message.key == .concurrentBuild)
            #expect(failure.message.text(in: .ja).contains("別の kenshu build"))
        }
        try FileManager.default.removeItem(atPath: lockPath(site))
        try Data("2147483000\n".utf8).write(to: URL(fileURLWithPath: lockPath(site)))  // a build that was killed
        #expect(try site.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: lockPath(site)), "the lock is released")
    }

    @Test func testSymlinkedOutput_isWrittenThrough() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        let target = site.root.appendingPathComponent("share/site")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.output, withDestinationURL: target)
        #expect(try site.build().succeeded)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.output.path) == target.path)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("index.html").path))
    }

    @Test func testOutputKeepsItsMode() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        #expect(try site.build().succeeded)
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: site.output.path)
        #expect(try site.build().succeeded)
        let mode = try FileManager.default.attributesOfItem(atPath: site.output.path)[.posixPermissions] as? Int
        #expect(mode == 0o750)
    }

    @Test func testHalfDoneSwap_isRecoveredByTheNextBuild() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let before = try site.read("intro/welcome.html")
        // A build killed between its two renames: no Output, only the hidden old copy.
        try FileManager.default.moveItem(at: site.output, to: site.root.appendingPathComponent(".Output.kenshu-old-12345"))
        try site.write("01-intro/01-welcome.md", TemporarySite.page("壊れた", "[x](nowhere.md)\n"))
        #expect(try !site.build().succeeded)
        #expect(try site.read("intro/welcome.html") == before, "the old output is back, untouched by the failed build")
    }

    func folder(_ site: TemporarySite, _ name: String, files: [String: String]) throws -> URL {
        let url = site.root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (file, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(file)) }
        return url
    }

    @Test func testExchange_swapsTwoFoldersInOneStep() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        let a = try folder(site, "a", files: ["from-a": "A"]), b = try folder(site, "b", files: ["from-b": "B"])
        #expect(try PathExchange.exchange(a.path, b.path) == .exchanged, "ext4 and tmpfs exchange; this machine's tests run on one")
        #expect(try FileManager.default.contentsOfDirectory(atPath: a.path) == ["from-b"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: b.path) == ["from-a"])
        #expect(throws: POSIXError.self) { try PathExchange.exchange(a.path, site.root.appendingPathComponent("missing").path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: a.path) == ["from-b"], "a failed exchange changes nothing")
    }

    @Test(arguments: [true, false])
    func testSwap_replacesTheOutputKeepsDotFilesAndRetiresTheOldTree(exchangeAvailable: Bool) throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        let output = try folder(site, "Output", files: ["old.html": "old", ".git": "kept", OutputLocation.marker: "x"])
        let staging = try folder(site, ".Output.kenshu-new-1", files: ["new.html": "new", OutputLocation.marker: "x"])
        let retired = site.root.appendingPathComponent(".Output.kenshu-old-1")
        var exchanges: [[String]] = []
        try OutputWriter.swap(staging: staging, output: output, retired: retired) { a, b in
            exchanges.append([a, b])
            return exchangeAvailable ? try PathExchange.exchange(a, b) : .unsupported
        }
        #expect(exchanges == [[staging.path, output.path]], "the exchange is tried first")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: output.path)) == ["new.html", ".git", OutputLocation.marker])
        #expect(try FileManager.default.contentsOfDirectory(atPath: retired.path).sorted() == [OutputLocation.marker, "old.html"])
        #expect(!FileManager.default.fileExists(atPath: staging.path))
    }

    @Test func testBuildOverAnOutput_replacesItInPlaceAndRemovesTheOldTree() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        #expect(try site.build().succeeded)
        #expect(site.exists("cloud/models.html"))
        try site.delete("02-cloud/02-models.md")
        try site.write("01-intro/01-welcome.md", TemporarySite.page("新しい", "## 目的\n\n新しい本文\n"))
        #expect(try site.build().succeeded)
        #expect(try site.read("intro/welcome.html").contains("新しい本文"))
        #expect(!site.exists("cloud/models.html"), "the old tree was replaced, not merged")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".Output.") }
        #expect(leftovers.isEmpty, "no staging or retired folder is left: \(leftovers)")
    }

    @Test(arguments: [[".git": "x"], [".env": "SECRET=1"], [".gitignore": "*", ".DS_Store": ""]])
    func testFolderOfOnlyDotFiles_isNotOurs(files: [String: String]) throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        _ = try folder(site, "Output", files: files)
        do {
            _ = try site.build()
            Issue.record("a folder holding only \(files.keys.sorted()) was replaced")
        } catch let failure as Builder.Failure {
            #expect(failure.message.key == .outputRefused)
            #expect(failure.message.text(in: .en).contains(files.keys.sorted()[0]))
            #expect(failure.message.text(in: .en).contains("'\(OutputLocation.marker)'"), "the message says how to hand the folder over")
            let japanese = failure.message.text(in: .ja)
            #expect(japanese.contains("ドットファイル（\(files.keys.sorted()[0])") && !japanese.contains("dot files"), "the reason in Japanese too: \(japanese)")
        }
        for (name, text) in files {
            #expect(try String(contentsOf: site.output.appendingPathComponent(name), encoding: .utf8) == text, "untouched")
        }
        _ = try folder(site, "Output", files: [OutputLocation.marker: ""])
        #expect(try site.build().succeeded, "with the marker the folder is Kenshu's and dot files are kept")
        for name in files.keys { #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(name).path)) }
    }

    @Test func testEmptyFolder_isStillAccepted() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        _ = try folder(site, "Output", files: [:])
        #expect(try site.build().succeeded)
    }

    /// A handout dropped into the built folder would be deleted by the next build: it stops, names it, and
    /// leaves the folder as it was; once it is moved away the build goes on. Changes to Kenshu's own files'
    /// attributes (a `chmod -R`, a file share's) and what systems leave (`.DS_Store`) stop nothing.
    @Test func testFilesPutIntoTheOutputAfterABuild_stopTheNextOne() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let handout = site.output.appendingPathComponent("intro/配布資料.pdf")
        try Data("PDF".utf8).write(to: handout)
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent("extra"), withIntermediateDirectories: true)
        try Data("メモ".utf8).write(to: site.output.appendingPathComponent("extra/メモ.txt"))
        for leftover in ["intro/.DS_Store", "intro/Thumbs.db", ".git/HEAD"] {
            let url = site.output.appendingPathComponent(leftover)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        let page = site.output.appendingPathComponent("index.html")
        try FileManager.default.setAttributes([.posixPermissions: 0o664], ofItemAtPath: page.path)
        do {
            _ = try site.build()
            Issue.record("a build deleted files put into its output")
        } catch let failure as Builder.Failure {
            #expect(failure.message.key == .outputHoldsNewFiles)
            let japanese = DiagnosticPrinter(language: .ja).failureLine(failure)
            #expect(japanese.contains("：extra/メモ.txt, intro/配布資料.pdf。") && japanese.contains("[K0016]"), "\(japanese)")
        }
        #expect(try Data(contentsOf: handout) == Data("PDF".utf8))
        try FileManager.default.removeItem(at: handout)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("extra"))
        #expect(try site.build().succeeded, "Kenshu's own files with other permissions, and leftovers, are nothing to lose")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(".git/HEAD").path))
    }

    /// A file dropped into the output while a build runs (after its first look, before its swap) stops that
    /// build too, and is still there afterwards.
    @Test func testAFileDroppedInDuringTheBuild_isNotDeleted() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let dropped = site.output.appendingPathComponent("intro/途中で置いた.pdf")
        let options = BuildOptions(
            contentDirectory: site.content.path, themesDirectory: site.themes.path, outputDirectory: site.output.path,
            removeOldOutputInBackground: false)
        #expect(throws: Builder.Failure.self) {
            _ = try Builder.build(options) { step in
                // Called as the last step starts: the first look for added files is over by then.
                if step.contains("write") { try? Data("PDF".utf8).write(to: dropped) }
            }
        }
        #expect(try Data(contentsOf: dropped) == Data("PDF".utf8))
    }
}
