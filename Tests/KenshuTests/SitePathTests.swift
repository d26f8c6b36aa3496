@testable import KenshuCore
import Testing

@Suite struct SitePathTests {
    @Test func testContentPaths_dropOrderPrefixes() {
        #expect(SitePath.forContent("01-intro/02-welcome.md").value == "intro/welcome.html")
        #expect(SitePath.forContent("01-intro/index.md").value == "intro/index.html")
        #expect(SitePath.forContent("01-intro/images/01-図.png").value == "intro/images/01-図.png")
        #expect(SitePath.forContent("2024-plan.md").value == "plan.html")
        #expect(SitePath.forContent("01-.md").value == "01-.html")
    }

    /// The byte-level path (every navigation link of every page) against the one by components.
    @Test func testRelativePaths_byBytesMatchByComponents() {
        let folders = ["", "a", "ab", "a/b", "a/bc", "ab/c", "a/b/c", "研修", "研修/基礎", "研", "a/研修", "x/y/z/w"]
        let files = ["index.html", "l.html", "基礎.html", "a b.html"]
        let paths = folders.flatMap { folder in files.map { folder.isEmpty ? $0 : folder + "/" + $0 } }
        for from in paths {
            for to in paths {
                let fast = SitePath.relativePath(from: from, to: to)
                #expect(fast == SitePath(from).slowRelativePath(to: SitePath(to)), "\(from) → \(to)")
            }
        }
        #expect(SitePath.relativePath(from: "a//b.html", to: "c.html") == nil)
        #expect(SitePath("a//b.html").relativeURL(to: SitePath("a/c.html")) == "c.html")
    }

    @Test func testRelativeURLs_workFromAnyFolder() {
        let lesson = SitePath("intro/welcome.html")
        #expect(lesson.relativeURL(to: SitePath("intro/roles.html")) == "roles.html")
        #expect(lesson.relativeURL(to: SitePath("index.html")) == "../index.html")
        #expect(lesson.relativeURL(to: SitePath("cloud/基礎.html"), fragment: "目的") == "../cloud/%E5%9F%BA%E7%A4%8E.html#%E7%9B%AE%E7%9A%84")
        #expect(SitePath("index.html").relativeURL(to: SitePath("a/b/c.html")) == "a/b/c.html")
        #expect(lesson.rootPrefix == "../")
    }

    @Test func testClosestMatch_suggestsTyposOnly() {
        #expect(ClosestMatch.find("02-role.md", among: ["02-roles.md", "01-welcome.md"]) == "02-roles.md")
        #expect(ClosestMatch.find("zzzzzzzz.md", among: ["02-roles.md"]) == nil)
    }
}
