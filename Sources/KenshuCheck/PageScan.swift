import KenshuCore
/// What one HTML file offers and asks for: its anchors, and every URL it refers to with where.
struct PageScan: Sendable {
    /// A URL found in the page.
    struct Reference: Sendable {
        var url: String
        var line: Int
        var column: Int
        /// Whether this is an `<a href>` (whose text is checked).
        var isAnchor: Bool
        /// For `<a href>`: whether the link has no accessible name: no text, no `aria-label`,
        /// `aria-labelledby` or `title`, and no image with alt text or element with `aria-label` inside.
        var hasNoText = false
    }

    /// The hashes of the page's ids and `<a name>`s (`String`'s hash, the same for canonically equal
    /// text, as `==` is). Not the text: print.html's scan holds every id of the course until its last
    /// part is read, and their text was most of the memory it held.
    var anchors: Set<Int> = []
    var references: [Reference] = []
    /// `<base href>`, if the page has one.
    var base: String?

    /// Attributes that hold one URL, by element (constant lists: no array is made per tag).
    static func urlAttributes(of element: PackedName) -> [PackedName] {
        switch element {
        case .a, .area, .link: hrefOnly
        case .img, .script, .iframe, .source, .track, .audio, .embed, .input: srcOnly
        case .video: srcAndPoster
        case .object: dataOnly
        case .form: actionOnly
        case .blockquote, .q, .ins, .del: citeOnly
        case .use, .image: hrefAndXlink
        default: []
        }
    }

    private static let hrefOnly: [PackedName] = [.href], srcOnly: [PackedName] = [.src]
    private static let srcAndPoster: [PackedName] = [.src, .poster], dataOnly: [PackedName] = [.data]
    private static let actionOnly: [PackedName] = [.action], citeOnly: [PackedName] = [.cite]
    private static let hrefAndXlink: [PackedName] = [.href, .xlinkHref]

    static func scan(_ html: String) -> PageScan {
        var scanner = Scanner()
        scanner.add(html)
        return scanner.scan
    }

    /// Scans a page given in parts, in order, as one text: lines and columns run on from part to part,
    /// and a link opened in one part is closed in a later one. Each part is tokenized on its own, so a
    /// part should end outside any tag (print.html's parts end between elements).
    struct Scanner {
        private(set) var scan = PageScan()
        private var templateDepth = 0
        private var openLink: Int?
        private var linkHasText = false
        private var place = HTMLTokenizer.Place()

        mutating func add(_ part: String) {
            let end = HTMLTokenizer.tokens(of: part, startingAt: place) { token in visit(token) }
            place = end
        }

        private mutating func visit(_ token: HTMLTokenizer.Token) {
            switch token {
            case .start(let tag):
                if tag.name == .template { templateDepth += 1 }
                guard templateDepth == 0 else { return }
                scan.collect(tag)
                if tag.name == .a, tag.value(.href) != nil {
                    openLink = scan.references.lastIndex { $0.isAnchor }
                    linkHasText = PageScan.isNonEmpty(tag.value(.ariaLabel)) || PageScan.isNonEmpty(tag.value(.ariaLabelledby))
                        || PageScan.isNonEmpty(tag.value(.title))
                } else if openLink != nil, PageScan.isNonEmpty(tag.value(.ariaLabel))
                            || tag.name == .img && PageScan.isNonEmpty(tag.value(.alt)) {
                    linkHasText = true
                }
            case .end(let name):
                if name == .template { templateDepth = max(0, templateDepth - 1) }
                if name == .a, let index = openLink {
                    scan.references[index].hasNoText = !linkHasText
                    openLink = nil
                }
            case .text(let text):
                if openLink != nil, templateDepth == 0, !linkHasText, !text.isBlank {
                    linkHasText = !text.string.trimmingHTMLWhitespace.isEmpty
                }
            }
        }
    }

    fileprivate static func isNonEmpty(_ value: String?) -> Bool { value.map { !$0.trimmingHTMLWhitespace.isEmpty } ?? false }

    private mutating func collect(_ tag: HTMLTokenizer.StartTag) {
        if let id = tag.value(.id), !id.isEmpty { anchors.insert(id.hashValue) }
        if tag.name == .a, let name = tag.value(.name), !name.isEmpty { anchors.insert(name.hashValue) }
        if tag.name == .base, base == nil, let href = tag.value(.href) { base = href }
        for attribute in Self.urlAttributes(of: tag.name) {
            guard let value = tag.value(attribute) else { continue }
            if tag.name == .form || tag.name == .blockquote || tag.name == .q || tag.name == .ins || tag.name == .del,
               value.isEmpty { continue }
            add(value, tag: tag, isAnchor: tag.name == .a && attribute == .href)
        }
        if let srcset = tag.value(.srcset) {
            for candidate in Self.srcsetURLs(srcset) { add(candidate, tag: tag, isAnchor: false) }
        }
        if tag.name == .meta, tag.value(.httpEquiv)?.lowercased() == "refresh", let content = tag.value(.content),
           let url = Self.refreshURL(content) {
            add(url, tag: tag, isAnchor: false)
        }
    }

    private mutating func add(_ url: String, tag: HTMLTokenizer.StartTag, isAnchor: Bool) {
        references.append(Reference(
            url: String(url.trimmingHTMLWhitespace), line: tag.line, column: tag.column, isAnchor: isAnchor))
    }

    /// The URLs of a `srcset`: comma-separated candidates, each a URL and an optional descriptor.
    static func srcsetURLs(_ srcset: String) -> [String] {
        var urls: [String] = []
        var rest = Substring(srcset)
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "," }
            guard !rest.isEmpty else { break }
            let url = rest.prefix { !$0.isWhitespace }
            var candidate = String(url)
            rest = rest.dropFirst(url.count)
            if candidate.hasSuffix(",") {
                candidate.removeLast()
            } else {
                // Skip the descriptor up to the next comma outside parentheses (WHATWG: a comma in
                // `(…)` belongs to the descriptor, not to the list).
                var depth = 0
                rest = rest.drop { character in
                    if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) }
                    return character != "," || depth > 0
                }
            }
            if !candidate.isEmpty { urls.append(candidate) }
        }
        return urls
    }

    /// The URL in `<meta http-equiv="refresh" content="5; url=next.html">`.
    static func refreshURL(_ content: String) -> String? {
        guard let separator = content.firstIndex(where: { $0 == ";" || $0 == "," }) else { return nil }
        var rest = content[content.index(after: separator)...].drop { $0.isWhitespace }
        if rest.lowercased().hasPrefix("url") {
            rest = rest.dropFirst(3).drop { $0.isWhitespace }
            guard rest.first == "=" else { return nil }
            rest = rest.dropFirst().drop { $0.isWhitespace }
        }
        if let quote = rest.first, quote == "\"" || quote == "'" {
            rest = rest.dropFirst()
            rest = rest.prefix { $0 != quote }
        }
        let url = rest.trimmingCharacters(in: .whitespaces)
        return url.isEmpty ? nil : url
    }
}

import Foundation
