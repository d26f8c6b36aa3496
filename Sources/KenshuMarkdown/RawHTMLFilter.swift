import Foundation
import KenshuCore

/// Rewrites raw HTML for the page: comments are dropped, and (unless the site allows raw HTML)
/// elements outside ``RawHTMLPolicy`` are escaped, so they show as the text the author wrote, while
/// an allowed element loses only the attributes outside it (`<p align="center" style="…">` keeps
/// its text and its paragraph, as on GitHub, without the style).
///
/// Holds what it needs across the nodes of one page: an end tag is escaped when its start tag
/// was, so `<font>x</font>` shows both tags, not a stray `</font>`.
struct RawHTMLFilter {
    /// Something worth telling the author, at a byte offset of the filtered fragment.
    struct Finding {
        enum Kind { case rejected(tag: String, why: RawHTMLPolicy.Problem), scriptURL(tag: String), unclosedComment, imageWithoutAlt }
        var kind: Kind
        var offset: Int
    }

    struct Output {
        var html: String
        var findings: [Finding]
        /// `id`s and `<a name>`s of passed tags (NFC), valid fragment targets.
        var anchors: [String]
    }

    /// Given a passed tag's `href` or `src`, whether it is an image, and the tag's offset: the URL to write
    /// (ignored when everything is allowed: the tag is then written as it stands).
    typealias URLRewriter = (_ url: String, _ isImage: Bool, _ offset: Int) -> String

    let allowAll: Bool
    private var escapedOpen: [String: Int] = [:]

    init(allowAll: Bool) { self.allowAll = allowAll }

    mutating func filter(_ html: String, rewriteURL: URLRewriter = { url, _, _ in url }) -> Output {
        var out = Output(html: "", findings: [], anchors: [])
        let bytes = Array(html.utf8)
        for token in RawHTMLScanner.tokens(html) {
            let source = String(decoding: bytes[token.range], as: UTF8.self)
            let offset = token.range.lowerBound
            switch token.kind {
            case .comment(let closed):
                if !closed { out.findings.append(Finding(kind: .unclosedComment, offset: offset)) }
            case .text:
                out.html += source
            case .lessThan:
                out.html += allowAll ? source : "&lt;"
            case .declaration:
                if allowAll {
                    out.html += source
                } else {
                    out.findings.append(Finding(kind: .rejected(tag: source.prefix(12) + (source.count > 12 ? "…" : ""), why: .markup), offset: offset))
                    out.html += HTMLEscaping.escape(source)
                }
            case .endTag(let name):
                if !allowAll, escapedOpen[name, default: 0] > 0 || !RawHTMLPolicy.elements.contains(name) {
                    escapedOpen[name, default: 0] = max(0, escapedOpen[name, default: 0] - 1)
                    out.findings.append(Finding(kind: .rejected(tag: "</\(name)>", why: .element), offset: offset))
                    out.html += HTMLEscaping.escape(source)
                } else {
                    out.html += allowAll ? source : "</\(name)>"
                }
            case .startTag(let name, let attributes, let selfClosing):
                for attribute in attributes where RawHTMLPolicy.isScriptURL(attribute.value ?? "") && Self.holdsURL(attribute.name) {
                    out.findings.append(Finding(kind: .scriptURL(tag: name), offset: offset))
                }
                if allowAll {
                    // Written as the author wrote it; its links are still recorded, so a broken one is
                    // reported at the Markdown line, not in a built page that is never written.
                    for attribute in attributes where attribute.name == "href" || attribute.name == "src" {
                        if let value = attribute.value { _ = rewriteURL(value, name == "img", offset) }
                    }
                    out.html += source
                    collectAnchors(name, attributes, into: &out)
                } else if !RawHTMLPolicy.elements.contains(name) {
                    if !selfClosing { escapedOpen[name, default: 0] += 1 }
                    out.findings.append(Finding(kind: .rejected(tag: "<\(name)>", why: .element), offset: offset))
                    out.html += HTMLEscaping.escape(source)
                } else {
                    let kept = attributes.filter { attribute in
                        guard let why = RawHTMLPolicy.problem(tag: name, attribute: attribute) else { return true }
                        out.findings.append(Finding(kind: .rejected(tag: "<\(name)>", why: why), offset: offset))
                        return false
                    }
                    out.html += serialise(name, kept, selfClosing: selfClosing, offset: offset, rewriteURL: rewriteURL, into: &out)
                    collectAnchors(name, kept, into: &out)
                }
            }
        }
        return out
    }

    /// Attributes whose value browsers follow as a URL.
    static func holdsURL(_ name: String) -> Bool {
        ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "srcdoc"].contains(name)
    }

    /// The tag written anew from what passed: lower-case names, quoted and escaped values, NFC ids.
    private func serialise(
        _ name: String, _ attributes: [RawHTMLScanner.Attribute], selfClosing: Bool, offset: Int,
        rewriteURL: URLRewriter, into out: inout Output
    ) -> String {
        var tag = "<" + name
        var seen: Set<String> = []
        // `alt=""` is a decorative image, said on purpose; no `alt` at all leaves a screen reader nothing to say.
        if name == "img", !attributes.contains(where: { $0.name == "alt" }) { out.findings.append(Finding(kind: .imageWithoutAlt, offset: offset)) }
        for attribute in attributes where seen.insert(attribute.name).inserted {
            guard var value = attribute.value else {
                tag += " " + attribute.name
                continue
            }
            if attribute.name == "id" || attribute.name == "name" { value = value.nfc }
            if attribute.name == "href" || attribute.name == "src" { value = rewriteURL(value, name == "img", offset) }
            tag += " " + attribute.name + "=\"" + HTMLEscaping.escape(value) + "\""
        }
        return tag + (selfClosing || name == "br" || name == "img" || name == "hr" || name == "wbr" ? " />" : ">")
    }

    private func collectAnchors(_ name: String, _ attributes: [RawHTMLScanner.Attribute], into out: inout Output) {
        for attribute in attributes where attribute.name == "id" || (attribute.name == "name" && name == "a") {
            if let value = attribute.value, !value.isEmpty { out.anchors.append(value.nfc) }
        }
    }
}
