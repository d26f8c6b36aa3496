import Foundation
import KenshuContent
import Testing
@testable import KenshuBuild

/// A site.yml without `title:` gets its title from the theme, in the site's language, while its
/// saved-progress key stays what it was when every untitled course was called 研修.
@Suite struct UntitledSiteTests {
    static func build(language: String) throws -> (title: String, course: String) {
        var files = TemporarySite.smallCourse()
        files["site.yml"] = "language: \(language)\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        return (try site.read("index.html"), try site.read("course.js"))
    }

    @Test func testTheTitleFollowsTheLanguage() throws {
        let english = try Self.build(language: "en")
        #expect(english.title.contains("<title>Training</title>"))
        #expect(!english.title.contains("研修") && english.course.contains(#""title":"Training""#))
        let japanese = try Self.build(language: "ja")
        #expect(japanese.title.contains("<title>研修</title>"))
    }

    @Test func testTheStorageKeyIsTheSameInEveryLanguage() throws {
        var untitled = SiteConfig()
        let before = untitled.storageID
        untitled.title = "Training"
        untitled.isUntitled = true
        #expect(untitled.storageID == before)
        var titled = SiteConfig()
        titled.title = "研修"
        #expect(titled.storageID == before, "courses untitled before this change keep their key")
        titled.title = "Training"
        #expect(titled.storageID != before)
        let english = try Self.build(language: "en").course
        #expect(english.contains(#""id":"\#(before)""#) || english.contains(before))
    }
}
