import Foundation
import KenshuZip
import Testing
@testable import KenshuBuild
@testable import KenshuServe

/// A course built on a shared zip, previewed while the municipality that shares it sends a newer
/// zip: the preview reads the new one without a restart.
@Suite struct ZipBasePreviewTests {
    static func baseZip(saying text: String) throws -> Data {
        var files = TemporarySite.smallCourse()
        files["site.yml"] = "id: shared-base\ntitle: 共有の教材\n"
        files["02-cloud/01-basics.md"] = TemporarySite.page("基礎", text + "\n")
        var writer = ZipWriter()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { try writer.add(path: "Content/" + path, data: Data(text.utf8)) }
        return try writer.finished()
    }

    @Test func testNewerZip_isReadWithoutARestart() async throws {
        let site = try TemporarySite(["site.yml": "id: town-\(UUID().uuidString.prefix(8))\ntitle: 町の研修\nbase: ../shared.zip\n"])
        defer { site.remove() }
        let zip = site.root.appendingPathComponent("shared.zip")
        try Self.baseZip(saying: "一つ目の版です。").write(to: zip)
        let session = PreviewSession(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path))
        guard case .ready(let first) = await session.rebuildAll() else {
            Issue.record("the course on a zip did not preview")
            return
        }
        #expect(String(decoding: first.file(at: "cloud/basics.html") ?? Data(), as: UTF8.self).contains("一つ目の版です。"))
        let watched = zip.resolvingSymlinksInPath().path
        #expect(await session.watchedArchives == [watched])

        try Self.baseZip(saying: "新しい版が届きました。").write(to: zip)
        guard case .ready(let second) = await session.rebuild(changed: [watched]) else {
            Issue.record("the preview failed after the zip was replaced")
            return
        }
        let page = String(decoding: second.file(at: "cloud/basics.html") ?? Data(), as: UTF8.self)
        #expect(page.contains("新しい版が届きました。") && !page.contains("一つ目の版です。"))
    }

    /// A zip not there yet when the preview starts (still being copied from the share) is read when it arrives.
    @Test func testZipArrivingLater_isRead() async throws {
        let site = try TemporarySite(["site.yml": "id: town-\(UUID().uuidString.prefix(8))\ntitle: 町の研修\nbase: ../later.zip\n"])
        defer { site.remove() }
        let session = PreviewSession(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path))
        guard case .failed = await session.rebuildAll() else {
            Issue.record("a missing base previewed")
            return
        }
        let zip = site.root.appendingPathComponent("later.zip")
        let watched = await session.watchedArchives
        #expect(watched.contains(zip.standardizedFileURL.path), "\(watched)")
        try Self.baseZip(saying: "届いた版です。").write(to: zip)
        guard case .ready(let site2) = await session.rebuild(changed: [zip.standardizedFileURL.path]) else {
            Issue.record("the preview did not read the zip that arrived")
            return
        }
        #expect(String(decoding: site2.file(at: "cloud/basics.html") ?? Data(), as: UTF8.self).contains("届いた版です。"))
    }

    /// The zip's folder is watched for that file alone: other files there are not changes.
    @Test func testWatcher_reportsTheZipAndNothingElseInItsFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let zip = folder.appendingPathComponent("shared.zip")
        try Data("old".utf8).write(to: zip)
        let watcher = FileWatcher(folders: [], quietMilliseconds: 8)
        watcher.watch(files: [zip.path])
        #expect(watcher.start(), "inotify is available on Linux")
        defer { watcher.stop() }
        try await Task.sleep(nanoseconds: 50_000_000)
        try Data("メモ".utf8).write(to: folder.appendingPathComponent("memo.txt"))
        try Data("new".utf8).write(to: zip, options: .atomic)  // as a copy tool or browser download replaces it
        // Should the change never come, the stream ends after 5 s instead of hanging the suite.
        let deadline = Task {
            try await Task.sleep(nanoseconds: 5_000_000_000)
            watcher.stop()
        }
        defer { deadline.cancel() }
        var batches: [[String]] = []
        for await batch in watcher.changes {
            batches.append(batch)
            if batch.contains(zip.path) { break }
        }
        #expect(batches.flatMap { $0 }.contains(zip.path))
        #expect(!batches.flatMap { $0 }.contains { $0.hasSuffix("memo.txt") })
    }
}
