import Foundation
import KenshuCore
import Testing
@testable import KenshuBuild
@testable import KenshuExport

/// When the system refuses to write, the author reads why in their language, with the code and the
/// advice: not Foundation's English ("A file with the same name already exists").
@Suite struct SystemFailureTests {
    /// `--output` under a regular file: no folder can be made there.
    @Test func testOutputUnderAFile_saysWhyInJapanese() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        let file = site.root.appendingPathComponent("memo.txt")
        try Data("メモ".utf8).write(to: file)
        var options = BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path)
        options.outputDirectory = file.appendingPathComponent("Output").path
        do {
            _ = try Builder.build(options)
            Issue.record("a build wrote under a regular file")
        } catch let failure as Builder.Failure {
            #expect(failure.message.key == .outputWriteFailed)
            #expect(failure.message.arguments.last == Message.reason(.reasonIOInTheWay))
            let line = DiagnosticPrinter(language: .ja).failureLine(failure)
            #expect(line.contains("に書き出せません：同じ名前のファイルかフォルダーがじゃまをしています"), "\(line)")
            #expect(line.hasSuffix("[K0012]"))
            #expect(!line.contains("already exists"))
            #expect(DiagnosticPrinter(language: .en).failureLine(failure).contains("is in the way"))
        }
    }

    /// A folder where even the lock file cannot be made is not "another build is running".
    @Test func testUnwritableParent_isNotCalledAConcurrentBuild() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        var options = BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path)
        // Missing folders are made by the build itself; under /proc they cannot be.
        options.outputDirectory = "/proc/kenshu-\(UUID().uuidString)/Output"
        do {
            _ = try Builder.build(options)
            Issue.record("a build wrote under /proc")
        } catch let failure as Builder.Failure {
            #expect(failure.message.key != .concurrentBuild)
            #expect([MessageKey.buildLockFailed, .outputWriteFailed].contains(failure.message.key), "\(failure.message)")
            #expect(!DiagnosticPrinter(language: .ja).failureLine(failure).contains("別の kenshu build"))
        }
    }

    @Test func testExportUnderAFile_saysWhyInJapanese() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        let file = site.root.appendingPathComponent("memo.txt")
        try Data("メモ".utf8).write(to: file)
        let options = ExportOptions(
            build: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path), format: .zip,
            outputFile: file.appendingPathComponent("site.zip").path)
        do {
            _ = try Exporter.export(options)
            Issue.record("an export wrote under a regular file")
        } catch let failure as Builder.Failure {
            let line = DiagnosticPrinter(language: .ja).failureLine(failure)
            #expect(line.contains("を書き出せません：同じ名前のファイルかフォルダーがじゃまをしています"), "\(line)")
            #expect(line.hasSuffix("[K7203]"))
        }
    }

    /// `--output dist` naming a folder writes the export into it under its usual name, as `cp` would;
    /// `dist/` need not exist yet.
    @Test func testExportIntoAFolder_usesTheUsualName() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        let folder = site.root.appendingPathComponent("dist")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for written in [folder.path, folder.path + "/", site.root.appendingPathComponent("new").path + "/"] {
            let options = ExportOptions(
                build: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path), format: .gift, outputFile: written)
            let result = try Exporter.export(options)
            let expected = URL(fileURLWithPath: written).appendingPathComponent("テスト研修-quizzes.gift.txt").standardizedFileURL.path
            #expect(result.outputPath == expected)
            #expect(FileManager.default.fileExists(atPath: expected))
        }
    }

    /// The usual name inside that folder is itself a folder: Foundation's own words would be "NSCocoaErrorDomain error 512".
    @Test func testExportOntoAFolder_saysSo() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        let folder = site.root.appendingPathComponent("dist/テスト研修-site.zip")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let options = ExportOptions(
            build: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path), format: .zip,
            outputFile: folder.deletingLastPathComponent().path)
        do {
            _ = try Exporter.export(options)
            Issue.record("an export replaced a folder")
        } catch let failure as Builder.Failure {
            let line = DiagnosticPrinter(language: .ja).failureLine(failure)
            #expect(line.contains("じゃまをしています") && !line.contains("error 512") && !line.contains("Cocoa"), "\(line)")
        }
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// Foundation's own error for a folder made under a file, several levels down: on Linux its
    /// POSIX cause is a Swift `POSIXError` under a Cocoa error 512.
    @Test func testFoundationsRealErrors_getAReason() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-reason-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("memo.txt")
        try Data("メモ".utf8).write(to: file)
        do {
            try FileManager.default.createDirectory(at: file.appendingPathComponent("a/b/c"), withIntermediateDirectories: true)
            Issue.record("a folder was made under a file")
        } catch {
            #expect(SystemErrorReason.key(for: error) == .reasonIOInTheWay, "\(error)")
        }
        do {
            try Data("x".utf8).write(to: folder.appendingPathComponent("missing/x.txt"))
            Issue.record("a file was written into a missing folder")
        } catch {
            #expect(SystemErrorReason.key(for: error) == .reasonIOMissingFolder, "\(error)")
        }
    }

    /// Text an author typed that looks like a reason key stays as typed.
    @Test func testTypedReasonKey_isNotTranslated() {
        #expect(Message(.cliUsageBadValue, "--today", "reason.io-disk-full", "").text(in: .ja).contains("'reason.io-disk-full'"))
        #expect(Message(.outputWriteFailed, "Output", Message.reason(.reasonIODiskFull)).text(in: .en) == "cannot write to 'Output': the disk is full")
    }

    @Test func testReasons_coverTheCommonErrors() {
        #expect(SystemErrorReason.key(errno: ENOSPC) == .reasonIODiskFull)
        #expect(SystemErrorReason.key(errno: EACCES) == .reasonIOPermission)
        #expect(SystemErrorReason.key(errno: EROFS) == .reasonIOReadOnly)
        #expect(SystemErrorReason.key(for: CocoaError(.fileWriteOutOfSpace)) == .reasonIODiskFull)
        #expect(SystemErrorReason.key(for: POSIXError(.ENOTDIR)) == .reasonIOInTheWay)
        // Unknown errors keep the system's words rather than a wrong reason.
        #expect(SystemErrorReason.key(errno: EIO) == nil)
        #expect(Message.failure(POSIXError(.EIO)).key == .unexpectedError)
        #expect(Message(.outputWriteFailed, "Output", Message.reason(.reasonIODiskFull)).text(in: .ja) == "'Output' に書き出せません：ディスクの空きが足りません")
    }
}
