import Foundation
import KenshuCore
import KenshuRender
import KenshuSite
import Testing
@testable import KenshuBuild

/// print.html made as a frame with markers and the bodies spliced in is the page the template makes in one go.
@Suite struct PrintAssemblyTests {
    @Test func testSplicedPrintPage_isTheOnePassRender() throws {
        var files = PrintTests.course()
        // Text that looks like a marker stays text: the real marker is random.
        files["02-cloud/01-basics.md"] = TemporarySite.page("基礎", "kenshu-print-0-1-x と kenshu-print-\n\n[戻る](../01-intro/01-welcome.md#目的)\n")
        let site = try TemporarySite(files)
        defer { site.remove() }
        var pipeline = SitePipeline(options: BuildOptions(contentDirectory: site.content.path, themesDirectory: site.themes.path))
        let model = try pipeline.update()
        let onePass = SiteRenderer.renderPrintPage(
            of: model.site, theme: model.theme, values: PrintGenerator.values(model.site, theme: model.theme)).html
        let spliced = PrintAssembly.render(model.site, theme: model.theme).html
        #expect(spliced == onePass)
        #expect(spliced.contains("kenshu-print-0-1-x と kenshu-print-"))
        #expect(spliced.contains("各地方公共団体"))
        #expect(!spliced.isEmpty)
    }

    @Test func testSlots_takeOnlyWholeMarkersOfKnownPages() throws {
        let marker = "kenshu-print-abc-"
        let frame = "a kenshu-print-abc-3-7-x b kenshu-print-abc-99-1-x kenshu-print-abc-2-x kenshu-print-abc--1-x kenshu-print-ab"
            + "kenshu-print-abc-1-2-xkenshu-print-abc-0-1-x"
        var text = frame
        let slots = text.withUTF8 { PrintAssembly.slots(in: $0, marker: Array(marker.utf8), pageCount: 10) }
        #expect(slots.map(\.page.position) == [3, 1, 0])
        #expect(slots.map(\.firstNumber) == [7, 2, 1])
        let first = try #require(slots.first)
        #expect(String(decoding: Array(frame.utf8)[first.range], as: UTF8.self) == "kenshu-print-abc-3-7-x")
    }
}
