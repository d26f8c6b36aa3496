import Foundation
import KenshuCore
import KenshuRender
import KenshuSite
import KenshuTheme

/// Makes `print.html` without ever holding the course's HTML at once.
///
/// print.html is the whole course on one page (74 MB at 10,000 lessons). Rendered by the template
/// engine in one go, every page body sits in the template's values while the engine builds the
/// `main` block and then the layout around it, a copy each: ≈ 290 MB at once, the build's peak.
/// Instead the template renders with a short marker in place of each page's `content` (the frame:
/// table of contents, titles, answer keys), and the bodies are made a few at a time and handed out in
/// the markers' places, part after part, to be written and checked as they come. The bytes are the same.
enum PrintAssembly {
    /// Pages whose bodies are made at once (on all cores) before they are spliced in.
    static let batchSize = 128

    static func render(_ site: Site, theme: Theme) -> RenderedSite.Page {
        // Letters, digits and hyphens: the same whether a theme writes `{{{content}}}` or `{{content}}`;
        // random, so no author's text can contain it.
        let marker = "kenshu-print-" + UUID().uuidString.lowercased() + "-"
        let values = PrintGenerator.values(site, theme: theme) { page, number in marker + "\(page.position)-\(number)-x" }
        let frame = SiteRenderer.renderPrintPage(of: site, theme: theme, values: values)
        // Made in parts: the frame's text between markers and each page's body, a batch of bodies at a
        // time, so that a build writes and checks the page without holding all of it (74 MB at 10,000 lessons).
        return RenderedSite.Page(path: frame.path) { emit in
            splice(frame.html, marker: marker, site: site, theme: theme, into: emit)
        }
    }

    /// A marker's place in the frame and the body that goes there.
    struct Slot {
        var range: Range<Int>
        var page: PageID
        var firstNumber: Int
    }

    /// `frame` with each marker replaced by its page's body, given to `emit` in order: the frame's text
    /// up to a marker, the body, and so on. Bodies are made a batch at a time, on all cores.
    static func splice(_ frame: String, marker: String, site: Site, theme: Theme, into emit: (String) -> Void) {
        var frame = frame
        frame.withUTF8 { bytes in
            let slots = Self.slots(in: bytes, marker: Array(marker.utf8), pageCount: site.pages.count)
            var copied = 0
            for start in stride(from: 0, to: slots.count, by: batchSize) {
                let batch = Array(slots[start..<min(start + batchSize, slots.count)])
                let bodies = Parallel.map(batch) { PrintGenerator.content(site, page: $0.page, theme: theme, firstNumber: $0.firstNumber) }
                for (slot, body) in zip(batch, bodies) {
                    emit(String(decoding: UnsafeBufferPointer(rebasing: bytes[copied..<slot.range.lowerBound]), as: UTF8.self))
                    emit(body)
                    copied = slot.range.upperBound
                }
            }
            emit(String(decoding: UnsafeBufferPointer(rebasing: bytes[copied...]), as: UTF8.self))
        }
    }

    /// Every `marker` followed by `<page>-<number>-x` in `bytes`, in order; anything else is left as text.
    static func slots(in bytes: UnsafeBufferPointer<UInt8>, marker: [UInt8], pageCount: Int) -> [Slot] {
        var slots: [Slot] = []
        guard let first = marker.first, bytes.count >= marker.count else { return slots }
        var index = 0
        while index <= bytes.count - marker.count {
            guard let found = bytes[index...].firstIndex(of: first) else { break }
            index = found + 1
            guard found + marker.count <= bytes.count,
                  marker.indices.allSatisfy({ bytes[found + $0] == marker[$0] }) else { continue }
            var cursor = found + marker.count
            func number() -> Int? {
                var value = 0, digits = 0
                while cursor < bytes.count, digits < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) {
                    value = value * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                    cursor += 1
                    digits += 1
                }
                return digits > 0 ? value : nil
            }
            func skip(_ text: String) -> Bool {
                let expected = Array(text.utf8)
                guard cursor + expected.count <= bytes.count,
                      expected.indices.allSatisfy({ bytes[cursor + $0] == expected[$0] }) else { return false }
                cursor += expected.count
                return true
            }
            guard let page = number(), page < pageCount, skip("-"), let firstNumber = number(), skip("-x") else { continue }
            slots.append(Slot(range: found..<cursor, page: PageID(position: page), firstNumber: firstNumber))
            index = cursor
        }
        return slots
    }
}
