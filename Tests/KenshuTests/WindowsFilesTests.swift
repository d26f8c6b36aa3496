import Foundation
import KenshuCore
import Testing
@testable import KenshuExport
@testable import KenshuBuild

/// Files saved on Windows (CRLF, lone CR, a BOM) build exactly like the same files saved with LF.
@Suite struct WindowsFilesTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Copies the bundled course, rewriting every text file with `transform`.
    static func copyCourse(to folder: URL, transform: (Data) -> Data) throws {
        let source = repository.appendingPathComponent("Content")
        let files = try #require(FileManager.default.enumerator(atPath: source.path))
        while let relative = files.nextObject() as? String {
            let from = source.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: from.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let to = folder.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = try Data(contentsOf: from)
            let isText = relative.hasSuffix(".md") || relative.hasSuffix(".yml")
            try (isText ? transform(data) : data).write(to: to)
        }
    }

    static func crlf(_ data: Data) -> Data { Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8) }
    static func bom(_ data: Data) -> Data { Data([0xEF, 0xBB, 0xBF]) + data }
    static func cr(_ data: Data) -> Data { Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r").utf8) }
    /// Notepad's "Unicode" (UTF-16 LE) and "Unicode big endian", each with its byte-order mark.
    static func utf16(_ data: Data, littleEndian: Bool) -> Data {
        let units = Array(String(decoding: data, as: UTF8.self).utf16)
        return Data(littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) + Data(units.flatMap { unit -> [UInt8] in
            let bytes = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            return littleEndian ? bytes : bytes.reversed()
        })
    }

    /// Every file of a built site, by relative path (without the source manifest, which names the folder).
    static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let relative = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  relative != ".kenshu-sources.json" else { continue }
            result[relative] = try Data(contentsOf: url)
        }
        return result
    }

    static func build(_ transform: @escaping (Data) -> Data, in root: URL) throws -> (BuildResult, [String: Data]) {
        let content = root.appendingPathComponent("Content")
        try copyCourse(to: content, transform: transform)
        let output = root.appendingPathComponent("Output")
        let result = try Builder.build(BuildOptions(
            contentDirectory: content.path, themesDirectory: repository.appendingPathComponent("Themes").path,
            outputDirectory: output.path, removeOldOutputInBackground: false))
        return (result, try files(in: output))
    }

    @Test(arguments: ["crlf", "crlf+bom", "cr", "utf16le+crlf", "utf16be"])
    func testBundledCourse_buildsByteIdenticalWithWindowsLineEnds(_ variant: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-windows-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let (plain, plainFiles) = try Self.build({ $0 }, in: root.appendingPathComponent("lf"))
        #expect(plain.succeeded)
        let transform: (Data) -> Data = switch variant {
        case "crlf": Self.crlf
        case "cr": Self.cr
        case "utf16le+crlf": { Self.utf16(Self.crlf($0), littleEndian: true) }
        case "utf16be": { Self.utf16($0, littleEndian: false) }
        default: { Self.bom(Self.crlf($0)) }
        }
        let (windows, windowsFiles) = try Self.build(transform, in: root.appendingPathComponent("windows"))
        #expect(windows.succeeded, "\(windows.diagnostics)")
        #expect(windows.diagnostics.map(\.message) == plain.diagnostics.map(\.message))
        #expect(windowsFiles.keys.sorted() == plainFiles.keys.sorted())
        let different = plainFiles.keys.filter { windowsFiles[$0] != plainFiles[$0] }.sorted()
        #expect(different.isEmpty, "files that differ: \(different.prefix(5))")
        #expect(plainFiles.count > 40)
    }

    @Test func testAuthorText_normalisesAndLocatesBadBytes() throws {
        #expect(try AuthorText.decode(Data("\u{FEFF}a\r\nb\rc\n".utf8)).get() == "a\nb\nc\n")
        #expect(try AuthorText.decode(Data("a\r\n\r\nb".utf8)).get() == "a\n\nb")
        var bytes = Array("一行目\n二行目\n".utf8)
        bytes.append(0xFF)
        #expect(AuthorText.decode(Data(bytes)) == .failure(.notUTF8(line: 3, shiftJIS: false)))
        // UTF-16 needs its byte-order mark; UTF-32's (FF FE 00 00) is not taken for it, nor is an odd length.
        #expect(AuthorText.decode(Data([0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00])) == .failure(.notUTF8(line: 1, shiftJIS: false)))
        #expect(AuthorText.decode(Data([0xFF, 0xFE, 0x61])) == .failure(.notUTF8(line: 1, shiftJIS: false)))
        #expect(try AuthorText.decode(Data([0xFE, 0xFF, 0x4E, 0x00, 0x00, 0x0D, 0x00, 0x0A])).get() == "一\n")
    }

    /// What Windows, Office, editors and a Mac's zip leave beside the author's files is not published,
    /// not even as a plain copy: a lesson's `.bak` would show its quiz answers to anyone.
    @Test func testLeftoversOfSystemsAndEditors_areNotPublished() throws {
        var files = TemporarySite.smallCourse()
        let leftovers = [
            "Thumbs.db", "01-intro/desktop.ini", "01-intro/DESKTOP.INI", "01-intro/ehthumbs.db", "~$資料.docx",
            "01-intro/02-roles.md.bak", "01-intro/~WRL0001.tmp", "01-intro/#01-welcome.md#", "01-intro/01-welcome.md~",
            "__MACOSX/01-intro/02-roles.md", "01-intro/.02-roles.md.swp",
        ]
        for name in leftovers { files[name] = "---\ntitle: 残りもの\n---\n\n```quiz\n問い\n- [x] 正解\n- [ ] 誤り\n```\n" }
        files["01-intro/#1 の資料.txt"] = "本物の資料"
        let site = try TemporarySite(files)
        let result = try site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        let written = try Self.files(in: site.output)
        #expect(written.keys.contains("intro/#1 の資料.txt"), "a name that only starts with # is the author's")
        #expect(!written.values.contains { String(decoding: $0, as: UTF8.self).contains("残りもの") }, "\(written.keys.sorted())")
        for name in ["Thumbs.db", "desktop.ini", "ehthumbs.db", "~$資料.docx", "02-roles.md.bak", "~WRL0001.tmp", "__MACOSX"] {
            #expect(!written.keys.contains { $0.hasSuffix(name) || $0.contains(name + "/") }, "\(name)")
        }
        let zip = site.root.appendingPathComponent("source.zip").path
        _ = try Exporter.export(ExportOptions(
            build: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path), format: .source, outputFile: zip))
        let exported = try ExportTests.entries(zip).keys
        #expect(exported.contains("Content/01-intro/#1 の資料.txt"))
        #expect(!exported.contains { $0.hasSuffix(".bak") || $0.contains("Thumbs.db") || $0.contains("__MACOSX") || $0.contains("~$") },
                "\(exported.sorted())")
        #expect(LeftoverFiles.isLeftover("Thumbs.db") && LeftoverFiles.isLeftover("~$x.xlsx") && LeftoverFiles.isLeftover("a.SWP"))
        // JetBrains editors save through `a.md___jb_tmp___` and keep `a.md___jb_old___` for a moment: each save warned K1041.
        #expect(LeftoverFiles.isLeftover("04-madoguchi.md___jb_tmp___") && LeftoverFiles.isLeftover("04-madoguchi.md___jb_old___"))
        #expect(!LeftoverFiles.isLeftover("#") && !LeftoverFiles.isLeftover("#1.md") && !LeftoverFiles.isLeftover("backup.md")
            && !LeftoverFiles.isLeftover("thumbs.db.md"))
    }
}
