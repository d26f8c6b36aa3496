import Foundation
import Testing
@testable import KenshuBuild

@Suite struct BuildTests {
    @Test func testBuild_writesEveryPageWithRelativeLinks() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        for page in ["index.html", "intro/index.html", "intro/welcome.html", "intro/roles.html", "cloud/basics.html", "cloud/models.html"] {
            #expect(site.exists(page), "missing \(page)")
        }
        #expect(site.exists("intro/images/図1.png"))
        #expect(site.exists("assets/kenshu.css"))
        let welcome = try site.read("intro/welcome.html")
        #expect(welcome.contains(#"<a href="roles.html#%E5%BD%B9%E5%89%B2%E5%88%86%E6%8B%85">次</a>"#))
        #expect(welcome.contains(#"href="../assets/kenshu.css""#))
        #expect(welcome.contains(#"<html lang="ja">"#))
        let basics = try site.read("cloud/basics.html")
        #expect(basics.contains(#"href="../intro/welcome.html#%E7%9B%AE%E7%9A%84""#))
        let roles = try site.read("intro/roles.html")
        #expect(roles.contains(#"<img src="images/%E5%9B%B31.png" alt="図" />"#))
        #expect(!welcome.contains("http://") && !welcome.contains("https://"), "a page must not request another host")
    }

    @Test func testBuild_navigationMarksCurrentPageAndLinksNeighbours() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        _ = try site.build()
        let roles = try site.read("intro/roles.html")
        #expect(roles.contains(#"<a href="roles.html" aria-current="page">役割</a>"#))
        #expect(roles.contains(#"<a class="pager-prev" href="welcome.html" rel="prev">"#))
        // The last lesson of a module leads on to the next module's overview.
        #expect(roles.contains(#"<a class="pager-next" href="../cloud/index.html" rel="next">"#))
        #expect(roles.contains(#"<li><a href="index.html">はじめに</a></li>"#), "breadcrumb to the module")
        let module = try site.read("intro/index.html")
        #expect(module.contains(#"<a href="welcome.html">ようこそ研修へ</a> <span class="minutes">（10分）</span>"#))
    }

    @Test func testBuild_pageSizeDoesNotGrowWithLessonsElsewhere() throws {
        var files = TemporarySite.smallCourse()
        let site = try TemporarySite(files)
        defer { site.remove() }
        _ = try site.build()
        let before = try site.read("intro/welcome.html").utf8.count
        for n in 3...60 { files["02-cloud/\(n)-extra\(n).md"] = TemporarySite.page("追加レッスン\(n)") }
        for (path, text) in files { try site.write(path, text) }
        let result = try site.build()
        #expect(result.succeeded)
        #expect(try site.read("intro/welcome.html").utf8.count == before)
    }

    @Test func testBuild_ordersByNumericPrefixAndDropsItFromURLs() throws {
        let site = try TemporarySite([
            "2-b/index.md": TemporarySite.page("B"), "10-a/index.md": TemporarySite.page("A"),
            "2-b/10-late.md": TemporarySite.page("遅い"), "2-b/9-early.md": TemporarySite.page("早い"),
        ])
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let home = try site.read("index.html")
        let b = try #require(home.range(of: "b/index.html")), a = try #require(home.range(of: "a/index.html"))
        #expect(b.lowerBound < a.lowerBound)
        let early = try site.read("b/early.html")
        #expect(early.contains(#"<a class="pager-next" href="late.html" rel="next">"#))
    }

    @Test func testBuild_englishSiteUsesEnglishInterface() throws {
        var files = TemporarySite.smallCourse()
        files["site.yml"] = "id: test-course\ntitle: Training\nlanguage: en\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let page = try site.read("intro/welcome.html")
        #expect(page.contains(#"<html lang="en">"#))
        #expect(page.contains("Skip to content"))
        #expect(page.contains("10 min"))
    }

    @Test func testBuild_themeOverridesOneTemplateAndFallsBack() throws {
        var files = TemporarySite.smallCourse()
        files["site.yml"] = "id: test-course\ntitle: テスト研修\ntheme: mycity\n"
        files["Themes/mycity/templates/pager.mustache"] = "<p class=\"city-pager\">{{#next}}{{title}}{{/next}}</p>\n"
        files["Themes/mycity/assets/city.css"] = "body { color: black; }\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let page = try site.read("intro/welcome.html")
        #expect(page.contains(#"<p class="city-pager">役割</p>"#))
        #expect(page.contains(#"class="site-nav""#), "other templates come from default")
        #expect(site.exists("assets/city.css") && site.exists("assets/kenshu.css"))
    }

    @Test func testBuild_missingThemeIsAnError() throws {
        let site = try TemporarySite(TemporarySite.smallCourse())
        defer { site.remove() }
        let result = try site.build(theme: "nosuch")
        #expect(!result.succeeded)
        #expect(site.messages(result).contains { $0.contains("theme 'nosuch' does not exist") })
    }
}

@Suite struct LargeCourseTests {
    /// Above 30 modules a page lists only its own module; `toc.js` carries the rest for the script.
    @Test func testManyModules_moveTheModuleListToTocJS() throws {
        var files: [String: String] = ["site.yml": "id: test-course\ntitle: 大きな研修\n"]
        for n in 1...31 {
            files[String(format: "%02d-m%d/index.md", n, n)] = TemporarySite.page("モジュール\(n)")
            files[String(format: "%02d-m%d/01-l.md", n, n)] = TemporarySite.page("レッスン\(n)")
        }
        let site = try TemporarySite(files)
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let page = try site.read("m5/l.html")
        #expect(page.contains(#"<ol class="nav-modules" data-toc-root="../">"#))
        #expect(page.contains(#"<script src="../toc.js"></script>"#))
        #expect(!page.contains("モジュール20<"), "other modules are not listed inline")
        let toc = try site.read("toc.js")
        #expect(toc.contains(#""href":"m31\/index.html""#) || toc.contains(#""href":"m31/index.html""#))
        #expect(toc.components(separatedBy: "\"title\"").count - 1 == 31)
    }
}
