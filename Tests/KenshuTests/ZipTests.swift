import Foundation
import Synchronization
import KenshuCore
import Testing
import ZIPFoundation
@testable import KenshuContent
@testable import KenshuZip

/// Kenshu's own zip reader and writer, against ZIPFoundation (a reader and writer Kenshu did not
/// write), archives as Windows writes them, and archives made to lie.
struct ZipTests {
    static let files: [(String, Data)] = [
        ("LICENSE.txt", Data("クリエイティブ・コモンズ 表示 4.0 国際\n".utf8)),
        ("empty.txt", Data()),
        ("lessons/01 はじめに.md", Data(String(repeating: "ガバメントクラウドの研修です。\n", count: 400).utf8)),
        ("images/noise.bin", noise(5000)),
    ]

    /// Bytes that do not compress (xorshift).
    static func noise(_ count: Int) -> Data {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return Data((0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 32)
        })
    }

    static func written() throws -> Data {
        var writer = ZipWriter()
        for (path, data) in files { try writer.add(path: path, data: data) }
        return try writer.finished()
    }

    @Test func testWrittenArchive_readsBackInZIPFoundationAndInKenshu() throws {
        let data = try Self.written()
        let foreign = try Archive(data: data, accessMode: .read)
        #expect(foreign.map(\.path) == Self.files.map(\.0))
        for (path, expected) in Self.files {
            let entry = try #require(foreign[path])
            var contents = Data()
            _ = try foreign.extract(entry) { contents.append($0) }
            #expect(contents == expected, "\(path)")
            #expect(entry.fileAttributes[.posixPermissions] as? Int16 == 0o644)
        }
        // Text is deflated; bytes that do not shrink are stored.
        #expect(foreign["lessons/01 はじめに.md"].map { $0.compressedSize < $0.uncompressedSize } == true)
        #expect(foreign["images/noise.bin"].map { $0.compressedSize == $0.uncompressedSize } == true)

        let own = try ZipArchive(data)
        #expect(own.entries.map(\.path) == Self.files.map(\.0))
        #expect(own.entries.allSatisfy { $0.kind == .file })
        for (entry, (_, expected)) in zip(own.entries, Self.files) {
            #expect(try own.contents(of: entry) == expected)
        }
        #expect(try Self.written() == data, "the same files must give the same bytes")
    }

    @Test func testZIPFoundationArchive_listsFoldersLinksAndFiles() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        let text = Data(String(repeating: "標準化の研修\n", count: 100).utf8)
        try archive.addEntry(with: "Content/", type: .directory, uncompressedSize: Int64(0)) { _, _ in Data() }
        for method in [CompressionMethod.deflate, .none] {
            let name = method == .deflate ? "Content/deflated.md" : "Content/stored.md"
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(text.count), compressionMethod: method) { position, size in
                text.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let target = Data("../../etc/passwd".utf8)
        try archive.addEntry(with: "Content/link", type: .symlink, uncompressedSize: Int64(target.count)) { position, size in
            target.subdata(in: Int(position)..<Int(position) + size)
        }
        let own = try ZipArchive(try #require(archive.data))
        #expect(own.entries.map(\.path) == ["Content/", "Content/deflated.md", "Content/stored.md", "Content/link"])
        #expect(own.entries.map(\.kind) == [.directory, .file, .file, .special])
        for entry in own.entries where entry.kind == .file { #expect(try own.contents(of: entry) == text) }
    }

    /// Windows' own "compressed folder" on a Japanese PC stores names in Shift_JIS, without the UTF-8 flag.
    @Test func testShiftJISNames_fromWindows_areRead() throws {
        let name = "教材/第1回.md"
        let sjis = try #require(name.data(using: .shiftJIS))
        var writer = ZipWriter()
        let placeholder = String(repeating: "x", count: sjis.count)
        try writer.add(path: placeholder, data: Data("本文".utf8))
        var data = try writer.finished()
        data = Self.replacing(Data(placeholder.utf8), with: sjis, in: data)
        let central = try Self.centralStart(data)
        Self.clearUTF8Flag(&data, at: 6)
        Self.clearUTF8Flag(&data, at: central + 8)
        let own = try ZipArchive(data)
        #expect(own.entries.map(\.path) == [name])
        #expect(try own.contents(of: own.entries[0]) == Data("本文".utf8))
    }

    /// Windows tools mark folders with the DOS attribute 0x10 and may leave out the trailing slash.
    @Test func testDOSFolderWithoutSlash_isAFolder() throws {
        var writer = ZipWriter()
        try writer.add(path: "Content/images", data: Data())
        try writer.add(path: "Content/images/a.txt", data: Data("絵".utf8))
        var data = try writer.finished()
        let first = try Self.centralEntryOffset(data, index: 0)
        data[first + 4] = 20  // made by: DOS (0), spec 2.0
        data[first + 5] = 0
        Self.put(UInt32(0x10), into: &data, at: first + 38)
        let own = try ZipArchive(data)
        #expect(own.entries.map(\.kind) == [.directory, .file])
    }

    /// A self-extractor's stub before the archive and bytes after it, as Info-ZIP and Python accept.
    @Test func testBytesBeforeAndAfter_areSkipped() throws {
        let archive = Data(repeating: 0x4D, count: 100) + (try Self.written()) + Data("\r\n-- \r\n".utf8)
        let own = try ZipArchive(archive)
        #expect(own.entries.map(\.path) == Self.files.map(\.0))
        for (entry, (_, expected)) in zip(own.entries, Self.files) { #expect(try own.contents(of: entry) == expected) }
    }

    @Test func testNameNeitherUTF8NorShiftJIS_isMalformed() throws {
        var writer = ZipWriter()
        try writer.add(path: "ab", data: Data("x".utf8))
        let bad = Self.replacing(Data("ab".utf8), with: Data([0xFF, 0xFF]), in: try writer.finished())
        #expect(throws: ZipError.malformed) { try ZipArchive(bad) }
    }

    @Test func testBrokenArchives_areRefusedWithoutCrashing() throws {
        let good = try Self.written()
        #expect(throws: ZipError.malformed) { try ZipArchive(Data()) }
        #expect(throws: ZipError.malformed) { try ZipArchive(Data("PK\u{5}\u{6} not really".utf8)) }
        #expect(throws: ZipError.malformed) { try ZipArchive(good.dropLast(3)) }
        var every: [Data] = []
        for cut in stride(from: 0, to: good.count, by: 97) { every.append(good.prefix(cut)) }
        for (offset, byte) in [(0, 0x00), (14, 0xFF), (good.count - 6, 0x7F), (good.count - 10, 0x09)] {
            var bent = good
            bent[offset] = UInt8(byte)
            every.append(bent)
        }
        for data in every {
            // Whatever it throws, reading must end and never hand out more than an entry declares.
            if let archive = try? ZipArchive(data) {
                for entry in archive.entries {
                    var total: UInt64 = 0
                    try? archive.extract(entry) { total += UInt64($0.count) }
                    #expect(total <= entry.uncompressedSize)
                }
            }
        }
    }

    @Test func testLyingSizesAndCRC_areCorrupt() throws {
        let good = try Self.written()
        let central = try Self.centralStart(good)
        // The third entry (the deflated lesson) declares 100 bytes: inflating stops there.
        var short = good
        let third = try Self.centralEntryOffset(good, index: 2)
        Self.put(UInt32(100), into: &short, at: third + 24)
        var handed: UInt64 = 0
        let archive = try ZipArchive(short)
        #expect(throws: ZipError.corrupt) { try archive.extract(archive.entries[2]) { handed += UInt64($0.count) } }
        #expect(handed <= 100)
        var badCRC = good
        Self.put(UInt32(0xDEAD_BEEF), into: &badCRC, at: central + 16)
        let broken = try ZipArchive(badCRC)
        #expect(throws: ZipError.corrupt) { try broken.contents(of: broken.entries[0]) }
        var zip64 = good
        Self.put(UInt32(0xFFFF_FFFF), into: &zip64, at: central + 24)
        #expect(throws: ZipError.unsupported) { try ZipArchive(zip64) }
        var encrypted = good
        encrypted[central + 8] |= 1
        #expect(throws: ZipError.unsupported) { try ZipArchive(encrypted) }
    }

    /// A `base:` zip with names that climb out or are absolute: only the plain names are unpacked.
    @Test func testBaseArchive_writesNothingOutsideItsFolder() throws {
        var writer = ZipWriter()
        let marker = "escape-\(UUID().uuidString).txt"
        try writer.add(path: "Content/site.yml", data: Data("title: 元の教材\n".utf8))
        try writer.add(path: "../\(marker)", data: Data("外".utf8))
        try writer.add(path: "Content/../../\(marker)", data: Data("外".utf8))
        try writer.add(path: "/tmp/\(marker)", data: Data("外".utf8))
        try writer.add(path: "Content\\..\\..\\\(marker)", data: Data("外".utf8))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let zipPath = folder.appendingPathComponent("base.zip").path
        try writer.finished().write(to: URL(fileURLWithPath: zipPath))
        let content = try BaseArchive.unpack(zipPath).folder
        #expect(FileManager.default.fileExists(atPath: content + "/site.yml"))
        let cache = BaseArchive.cacheFolder()
        for place in [cache.path, cache.deletingLastPathComponent().path, "/tmp", folder.path] {
            #expect(!FileManager.default.fileExists(atPath: place + "/" + marker), "\(place)")
        }
        let unpacked = try FileManager.default.subpathsOfDirectory(atPath: URL(fileURLWithPath: content).deletingLastPathComponent().path)
        #expect(unpacked.filter { $0.hasSuffix(marker) }.isEmpty, "\(unpacked)")
    }

    /// Builds that unpack the same new zip at once (the preview and a build, two tests) each read a complete
    /// copy: none removes the copy another has just moved into place.
    @Test func testSameZipUnpackedAtOnce_givesEachAWholeCopy() throws {
        var writer = ZipWriter()
        try writer.add(path: "Content/site.yml", data: Data("title: 同時の教材 \(UUID().uuidString)\n".utf8))
        for number in 1...40 { try writer.add(path: "Content/01-a/\(number)-page.md", data: Data(String(repeating: "本文。", count: 500).utf8)) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let zipPath = folder.appendingPathComponent("base.zip").path
        try writer.finished().write(to: URL(fileURLWithPath: zipPath))
        let complete = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            guard let content = try? BaseArchive.unpack(zipPath).folder,
                  (1...40).allSatisfy({ FileManager.default.fileExists(atPath: content + "/01-a/\($0)-page.md") }) else { return }
            complete.withLock { $0 += 1 }
        }
        #expect(complete.withLock { $0 } == 6)
    }

    /// A password-protected zip (common for mail between offices) gets its own message, not "not a zip".
    @Test func testEncryptedBase_isUnsupported() throws {
        var data = try Self.written()
        data[try Self.centralStart(data) + 8] |= 1
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-locked-\(UUID().uuidString).zip").path
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: BaseArchive.Failure.unsupported) { try BaseArchive.unpack(path) }
        #expect(Message(.baseArchiveUnsupported, "town.zip").text(in: .ja).contains("パスワード付き"))
    }

    /// A name given twice keeps its first file, and the unpacked copy is reused by the next build.
    @Test func testDuplicateNames_keepTheFirst_andTheCopyIsReused() throws {
        var writer = ZipWriter()
        let site = "id: dup-\(UUID().uuidString)\ntitle: 重複\n"
        try writer.add(path: "Content/site.yml", data: Data(site.utf8))
        try writer.add(path: "Content/index.md", data: Data("---\ntitle: 一つ目\n---\n".utf8))
        try writer.add(path: "Content/index.md", data: Data("---\ntitle: 二つ目は長い\n---\n".utf8))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-dup-\(UUID().uuidString).zip").path
        try writer.finished().write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let folder = try BaseArchive.unpack(path).folder
        #expect(try String(contentsOfFile: folder + "/index.md", encoding: .utf8).contains("一つ目"))
        #expect(BaseArchive.isComplete(URL(fileURLWithPath: folder).deletingLastPathComponent()))
    }

    /// Declared sizes over the limit are refused before anything is inflated.
    @Test func testBaseArchive_declaringTooMuch_isRefused() throws {
        var writer = ZipWriter()
        try writer.add(path: "Content/site.yml", data: Data("title: a\n".utf8))
        try writer.add(path: "Content/big.bin", data: Data(count: 1000))
        var data = try writer.finished()
        Self.put(UInt32(0xFFFF_FFF0), into: &data, at: try Self.centralEntryOffset(data, index: 1) + 24)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-bomb-\(UUID().uuidString).zip").path
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: BaseArchive.Failure.tooLarge) { try BaseArchive.unpack(path) }
    }

    // MARK: - Editing archives by hand

    static func centralStart(_ data: Data) throws -> Int {
        let end = data.count - 22
        return Int(data[end + 16]) | Int(data[end + 17]) << 8 | Int(data[end + 18]) << 16 | Int(data[end + 19]) << 24
    }

    static func centralEntryOffset(_ data: Data, index: Int) throws -> Int {
        var offset = try centralStart(data)
        for _ in 0..<index {
            let lengths = [28, 30, 32].map { Int(data[offset + $0]) | Int(data[offset + $0 + 1]) << 8 }
            offset += 46 + lengths.reduce(0, +)
        }
        return offset
    }

    static func put(_ value: UInt32, into data: inout Data, at offset: Int) {
        for index in 0..<4 { data[offset + index] = UInt8(truncatingIfNeeded: value >> UInt32(8 * index)) }
    }

    static func clearUTF8Flag(_ data: inout Data, at offset: Int) { data[offset + 1] &= ~0x08 }

    static func replacing(_ old: Data, with new: Data, in data: Data) -> Data {
        var result = Data()
        var index = data.startIndex
        while index < data.endIndex {
            if data[index...].starts(with: old) {
                result += new
                index += old.count
            } else {
                result.append(data[index])
                index += 1
            }
        }
        return result
    }
}
