import Foundation
import KenshuCore
import Testing
@testable import KenshuRender
@testable import KenshuSite

/// `course.js` and `toc.js` are written by hand with JSONText; they must mean exactly what the
/// `[String: Any]` through `JSONSerialization` they replaced meant (kept here as the reference).
@Suite struct OutlineJSONTests {
    static func reference(_ site: Site) -> [String: Any] {
        let modules = site.modules.map { module -> [String: Any] in
            let pages = module.lessons.map { site[page: $0] }
            return [
                "title": module.title,
                "path": module.sitePath.value,
                "href": SitePath("index.html").relativeURL(to: module.sitePath),
                "lessons": pages.filter { !$0.frontMatter.isTest }.map { page -> [String: Any] in
                    ["title": page.frontMatter.title, "path": page.sitePath.value, "quizzes": page.body.blockIDs["quiz"] ?? []]
                },
                "tests": pages.filter(\.frontMatter.isTest).map { page -> [String: Any] in
                    ["title": page.frontMatter.title, "path": page.sitePath.value, "passMark": page.frontMatter.passMark ?? 80,
                     "quizzes": page.body.blockIDs["quiz"] ?? []]
                },
            ]
        }
        return ["site": site.config.storageID, "title": site.config.title, "modules": modules]
    }

    static func parsed(_ json: String) throws -> NSDictionary {
        try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary)
    }

    @Test func testCourseOutline_meansWhatJSONSerializationWrote() throws {
        var site = try TemplateThemeDifferentialTests.bundledModel().site
        #expect(site.modules.contains { module in module.lessons.contains { site[page: $0].frontMatter.isTest } })
        // Text that JSON and a classic script must escape.
        site.config.title = "研修 \"引用\" \\ </script>\n\u{2028}終わり"
        let written = OutlineJSON.course(of: site)
        #expect(!written.contains("</script>") && !written.contains("\u{2028}"))
        #expect(try Self.parsed(written) == Self.reference(site) as NSDictionary)
        let modules = site.modules.map { ["title": $0.title, "href": SitePath("index.html").relativeURL(to: $0.sitePath)] }
        #expect(try Self.parsed(OutlineJSON.modules(of: site)) == ["modules": modules] as NSDictionary)
    }
}
