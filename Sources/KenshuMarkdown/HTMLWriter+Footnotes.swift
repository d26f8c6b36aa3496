import KenshuCore

/// The footnotes of one page, numbered in the order they are first referenced.
struct FootnoteState {
    /// Definitions by label, case-folded as cmark-gfm matches them.
    var definitions: [String: FootnoteDefinition] = [:]
    /// Labels in the order of their numbers.
    var order: [String] = []
    var referenceCounts: [String: Int] = [:]

    static func key(_ label: String) -> String { label.lowercased() }

    /// The marker that an inline footnote reference carries until it is written.
    static let marker = "\u{1}footnote-ref\u{1}"
}

/// GFM footnotes as cmark-gfm writes them: `<sup class="footnote-ref">` references numbered in order
/// of first use, and a closing `<section class="footnotes">` with a back-link from each note.
/// Their ids (`fn1`, `fnref1`) are reserved before any heading is named, so no heading can take them.
extension HTMLWriter {
    /// Takes the definitions out of the page's source and remembers them; returns the source libcmark should read.
    func prepareFootnotes(_ source: String) -> String {
        let (rest, definitions) = FootnoteDefinitions.extract(from: source)
        for definition in definitions {
            let key = FootnoteState.key(definition.label)
            if footnotes.definitions[key] == nil { footnotes.definitions[key] = definition }
        }
        for number in stride(from: 1, through: definitions.count, by: 1) {
            slugger.reserve("fn\(number)")
            slugger.reserve("fnref\(number)")
        }
        return rest
    }

    func hasFootnote(_ label: String) -> Bool { footnotes.definitions[FootnoteState.key(label)] != nil }

    /// Writes the reference that a marker node stands for.
    func renderFootnoteReference(_ node: MarkdownNode) {
        let label = String(node.onEnter.dropFirst(FootnoteState.marker.count))
        let key = FootnoteState.key(label)
        var number = footnotes.order.firstIndex(of: key).map { $0 + 1 }
        if number == nil {
            footnotes.order.append(key)
            number = footnotes.order.count
        }
        let count = footnotes.referenceCounts[key, default: 0] + 1
        footnotes.referenceCounts[key] = count
        let n = number ?? 0
        let refID = count == 1 ? "fnref\(n)" : "fnref\(n)-\(count)"
        if count > 1 { slugger.reserve(refID) }
        htmlAnchors.insert(refID)
        var record = LinkRecord(kind: .link, destination: "#fn\(n)", location: location(of: node), target: .samePage(fragment: "fn\(n)"))
        record.href = "#fn\(n)"
        links.append(record)
        out += "<sup class=\"footnote-ref\"><a href=\"#fn\(n)\" id=\"\(refID)\">\(n)</a></sup>"
    }

    /// The footnotes section, after the page's last block; notes referenced only from other notes come last.
    func renderFootnotes() {
        guard !footnotes.order.isEmpty else { return }
        newline()
        out += "<section class=\"footnotes\">\n<ol>\n"
        var index = 0
        while index < footnotes.order.count {
            let key = footnotes.order[index]
            index += 1
            guard let definition = footnotes.definitions[key] else { continue }
            htmlAnchors.insert("fn\(index)")
            out += "<li id=\"fn\(index)\">\n"
            var body = capture { renderBlocks(definition.body, line: definition.line, column: definition.column) }
            let count = footnotes.referenceCounts[key, default: 1]
            let backLinks = (1...max(1, count)).map { k in
                k == 1 ? "<a href=\"#fnref\(index)\" class=\"footnote-backref\">↩</a>"
                    : "<a href=\"#fnref\(index)-\(k)\" class=\"footnote-backref\">↩<sup class=\"footnote-ref\">\(k)</sup></a>"
            }.joined(separator: " ")
            if body.hasSuffix("</p>\n") {
                body.removeLast("</p>\n".count)
                body += " " + backLinks + "</p>\n"
            } else {
                body += backLinks + "\n"
            }
            out += body + "</li>\n"
        }
        out += "</ol>\n</section>\n"
    }

    /// Reports definitions that nothing refers to: GFM drops them from the page.
    func reportUnusedFootnotes() {
        for (key, definition) in footnotes.definitions.sorted(by: { $0.value.line < $1.value.line })
        where footnotes.referenceCounts[key] == nil {
            diagnostics.append(.warning(.footnoteUnused, definition.label, at: location(line: definition.line, column: 1)))
        }
    }
}
