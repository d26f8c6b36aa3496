/// Template tags and attribute lists of other site generators, which CommonMark leaves as text: Hugo's
/// shortcodes (`{{< figure … >}}`, `{{% notice %}}`), Liquid tags of Jekyll and GitBook (`{% include … %}`,
/// `{% hint %}`), their page variables (`{{ site.title }}`, `{{ .Site.Title }}`) and kramdown's attribute
/// lists (`{: .alert}`). Material brought from those tools gets a located word instead of stray braces
/// on the published page (and, for a figure, a lost image).
enum OtherToolSyntax {
    /// One tag found in a text: where, as written, and the tool it is written for (named in the message).
    struct Finding: Equatable {
        /// UTF-8 offset in the text.
        var offset: Int
        /// The tag as written, shortened to its first 40 characters.
        var written: String
        var tool: String
    }

    /// The names of Zenn's embeds (`@[youtube](…)`).
    static let zennEmbeds: Set<String> = ["youtube", "card", "tweet", "x", "gist", "codepen", "codesandbox", "stackblitz",
                                          "slideshare", "speakerdeck", "docswell", "figma", "jsfiddle", "blueprintue"]

    /// Whether `text` is (or starts with) one of those template tags.
    static func isTemplateTag(_ text: String) -> Bool {
        find(in: text).first?.offset == 0
    }

    static func find(in text: String) -> [Finding] {
        let bytes = Array(text.utf8)
        var found: [Finding] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            var tool: String?
            var closing: [UInt8] = []
            if next == UInt8(ascii: "{"), index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "<") || bytes[index + 2] == UInt8(ascii: "%") {
                tool = "Hugo"
                closing = Array((bytes[index + 2] == UInt8(ascii: "<") ? ">}}" : "%}}").utf8)
            } else if next == UInt8(ascii: "%") {
                tool = "Jekyll / GitBook (Liquid)"
                closing = Array("%}".utf8)
            } else if next == UInt8(ascii: "{"), isTemplateVariable(bytes[(index + 2)...]) {
                tool = "Jekyll / Hugo"
                closing = Array("}}".utf8)
            } else if next == UInt8(ascii: ":"), index == 0 || bytes[index - 1] == UInt8(ascii: " "), isAttributeList(bytes[(index + 2)...]) {
                tool = "kramdown (Jekyll)"
                closing = Array("}".utf8)
            }
            guard let tool else {
                index += 1
                continue
            }
            // A tag closes on its own line, before the next tag opens (`予算は{%}増` is prose, not Liquid).
            guard let end = closingEnd(closing, in: bytes, from: index + 2) else {
                index += 2
                continue
            }
            var written = String(decoding: bytes[index..<end], as: UTF8.self)
            if written.count > 40 { written = String(written.prefix(40)) + "…" }
            found.append(Finding(offset: index, written: written, tool: tool))
            index = max(end, index + 2)
        }
        return found
    }

    /// `{{ site.title }}`, `{{ page.x | y }}`, `{{ .Site.Title }}`: a dotted name, which `vars:` never has.
    private static func isTemplateVariable(_ rest: ArraySlice<UInt8>) -> Bool {
        let inner = rest.drop { $0 == UInt8(ascii: " ") }
        guard let first = inner.first else { return false }
        if first == UInt8(ascii: ".") { return inner.dropFirst().first.map(isASCIILetter) ?? false }
        let name = inner.prefix { isASCIILetter($0) || $0 == UInt8(ascii: "_") }
        return !name.isEmpty && inner.dropFirst(name.count).first == UInt8(ascii: ".")
    }

    /// `{: .alert}`, `{:#id}`, `{:.class}`, `{::options …}`; `{:toc}` is a table-of-contents marker (K5031).
    private static func isAttributeList(_ rest: ArraySlice<UInt8>) -> Bool {
        let inner = rest.drop { $0 == UInt8(ascii: " ") }
        guard let first = inner.first else { return false }
        return first == UInt8(ascii: ".") || first == UInt8(ascii: "#") || first == UInt8(ascii: ":")
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Where `closing` ends, looked for from `start` up to the line's end or the next `{`.
    private static func closingEnd(_ closing: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var at = start
        while at + closing.count <= bytes.count {
            let byte = bytes[at]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "{") { return nil }
            if byte == closing[0], bytes[at..<(at + closing.count)].elementsEqual(closing) { return at + closing.count }
            at += 1
        }
        return nil
    }
}
