import Foundation
import KenshuCore
import Testing
@testable import KenshuBuild

/// The output folder's edges: concurrent builds, a symlinked output, its mode, a half-done swap.
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
}
