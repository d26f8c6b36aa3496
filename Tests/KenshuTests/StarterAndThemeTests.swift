import Foundation
import KenshuCheck
import KenshuCore
import Testing
@testable import KenshuBuild
@testable import KenshuTheme

/// The files compiled into the binary match their folders, a new course builds and checks clean,
/// and a build needs no theme folder at all.
@Suite struct StarterAndThemeTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func folderFiles(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let relative = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !(relative as NSString).lastPathComponent.hasPrefix(".") else { continue }
            result[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return result
    }

    @Test func testBuiltInTheme_equalsThemesDefault() throws {
        let onDisk = try Self.folderFiles(Self.repository.appendingPathComponent("Themes/default"))
        #expect(onDisk == BuiltInTheme.files, "run: python3 Tests/tools/embed_files.py")
    }

    @Test func testStarterCourse_equalsItsFolder() throws {
        let onDisk = try Self.folderFiles(Self.repository.appendingPathComponent("Sources/KenshuBuild/StarterCourse"))
        #expect(onDisk == StarterCourse.files, "run: python3 Tests/tools/embed_files.py")
        let english = try Self.folderFiles(Self.repository.appendingPathComponent("Sources/KenshuBuild/StarterCourseEnglish"))
        #expect(english == StarterCourse.englishFiles, "run: python3 Tests/tools/embed_files.py")
    }

    @Test(arguments: [Language.ja, .en])
    func testNewCourse_buildsAndChecksWithZeroWarnings_withTheBuiltInThemeAlone(language: Language) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try StarterCourse.write(to: root, language: language)
        let noThemes = root.appendingPathComponent("NoThemes")
        try FileManager.default.createDirectory(at: noThemes, withIntermediateDirectories: true)
        let output = root.appendingPathComponent("Output")
        func build(strict: Bool) throws -> BuildResult {
            try Builder.build(BuildOptions(
                contentDirectory: root.appendingPathComponent("Content").path, themesDirectory: noThemes.path,
                outputDirectory: output.path, strict: strict, removeOldOutputInBackground: false))
        }
        // The one thing left for the author: the organisation shown under every page (K7212, at its line).
        let first = try build(strict: false)
        #expect(first.succeeded && first.diagnostics.map(\.code) == ["K7212"], "\(first.diagnostics)")
        let siteYAMLFile = root.appendingPathComponent("Content/site.yml")
        let written = try String(contentsOf: siteYAMLFile, encoding: .utf8)
        #expect(StarterCourse.organisationPlaceholders.contains { written.contains("organisation: " + $0) })
        try Data(StarterCourse.organisationPlaceholders.reduce(written) { $0.replacingOccurrences(of: $1, with: "Kakuu City") }.utf8)
            .write(to: siteYAMLFile)
        let result = try build(strict: true)
        #expect(result.succeeded)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let report = try SiteChecker.check(root: output.path)
        #expect(report.findings.isEmpty, "\(report.findings)")
        let css = try String(contentsOf: output.appendingPathComponent("assets/kenshu.css"), encoding: .utf8)
        #expect(css == BuiltInTheme.files["assets/kenshu.css"])
        let siteYAML = try String(contentsOf: root.appendingPathComponent("Content/site.yml"), encoding: .utf8)
        #expect(siteYAML.contains("id: kenshu-") && !siteYAML.contains("{{SITE_ID}}"))
        // The English course's pages are English: `<html lang="en">` and no Japanese in its home page's text.
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<html lang=\"\(language.rawValue)\""))
        if language == .en {
            #expect(!home.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) })
        }
        #expect(throws: ToolFailure.self) { try StarterCourse.write(to: root) }
    }

    @Test func testFreshIDs_differ() {
        #expect(StarterCourse.freshID() != StarterCourse.freshID())
    }

    @Test func testThemeLayers_firstNamedWins_andFallBackToBuiltIn() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try site.write("site.yml", "id: t\ntitle: テスト\ntheme: [town, region]\n")
        try site.write("Themes/region/assets/kenshu.css", "/* region */")
        try site.write("Themes/region/assets/extra.css", "/* region extra */")
        try site.write("Themes/town/assets/kenshu.css", "/* town */")
        let result = try site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        #expect(try site.read("assets/kenshu.css") == "/* town */")
        #expect(try site.read("assets/extra.css") == "/* region extra */")
        #expect(site.exists("assets/progress.js"))
    }

    /// A misspelt theme is located at site.yml's `theme:` and names the folder that is there.
    @Test func testMissingTheme_isLocatedAndSuggestsTheClosestFolder() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try site.write("site.yml", "id: t\ntitle: テスト\ntheme: [my-twon, default]\n")
        try site.write("Themes/my-town/assets/kenshu.css", "/* town */")
        try site.write("Themes/.my-twon~/assets/kenshu.css", "/* a leftover is not a theme */")
        let result = try site.build()
        #expect(!result.succeeded)
        let lines = site.printed(result, .ja).filter { $0.hasSuffix("[K8001]") }
        #expect(lines == ["Content/site.yml:3:8: エラー: テーマ 'my-twon' が 'Themes' にありません — 'my-town' のことですか？ [K8001]"], "\(lines)")
    }

    /// A theme exported before strings.js, overriding the scripts but not the layout, is told so.
    @Test func testOldScriptsReadingPageStrings_areWarnedAbout() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        try site.write("site.yml", "id: t\ntitle: テスト\ntheme: [town]\n")
        try site.write("Themes/town/assets/progress.js", """
            var strings = {};
            try { strings = JSON.parse(document.getElementById("kenshu-strings").textContent) || {}; } catch (e) { strings = {}; }
            """)
        let result = try site.build()
        #expect(result.diagnostics.contains { $0.message.key == .themeScriptReadsPageStrings && $0.location?.path.hasSuffix("town/assets/progress.js") == true })
        // The current scripts (which read window.KENSHU_STRINGS first) are not warned about.
        #expect(try site.build(theme: "default").diagnostics.allSatisfy { $0.message.key != .themeScriptReadsPageStrings })
    }

    @Test func testThemeExport_roundTrips() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try BuiltInTheme.export(to: folder) == BuiltInTheme.files.count)
        #expect(try Self.folderFiles(folder) == BuiltInTheme.files)
    }
}
