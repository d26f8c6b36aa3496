import KenshuCore
import Testing

@Suite struct SitePathTests {
    @Test func testContentPaths_dropOrderPrefixes() {
        #expect(SitePath.forContent("01-intro/02-welcome.md").value == "intro/welcome.html")
        #expect(SitePath.forContent("01-intro/index.md").value == "intro/index.html")
        #expect(SitePath.forContent("01-intro/images/01-図.png").value == "intro/images/01-図.png")
        #expect(SitePath.forContent("2024-plan.md").value == "plan.html")
        #expect(SitePath.forContent("01-.md").value == "01-.html")
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
