import KenshuCore

/// The HTML that authors may write without `raw_html: true`: elements that only format text,
/// with attributes that cannot run script or load anything but a link or an image.
///
/// Nothing here can open a context where the browser reads text differently (`script`, `style`,
/// `textarea`, `svg`, `math`, `template`, `iframe` …), so escaping `<` and `&` is enough
/// to show everything else as text.
public enum RawHTMLPolicy {
    /// Elements that pass, as GitHub's sanitizer allows them, minus `tt`/`strike` (obsolete), plus `colgroup`/`col`
    /// (pandoc writes them at the top of every table it converts from Word).
    public static let elements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn",
        "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
        "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong",
        "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    ]

    /// Attributes every allowed element may carry; `align` because GitHub READMEs centre with it
    /// (`<p align="center">`) and it can run nothing.
    public static let globalAttributes: Set<String> = ["class", "id", "title", "lang", "dir", "align"]

    /// Attributes only some elements may carry.
    public static let elementAttributes: [String: Set<String>] = [
        "a": ["href", "name"], "img": ["src", "alt", "width", "height"], "details": ["open"],
        "td": ["colspan", "rowspan"], "th": ["colspan", "rowspan"], "ol": ["start"], "time": ["datetime"],
        "col": ["span"], "colgroup": ["span"],
    ]

    /// Schemes a link or image may use; URLs without a scheme (relative paths, `#id`) always pass.
    public static let schemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Why a tag does not pass: each case has its own message, in the author's language.
    enum Problem: Equatable {
        /// Not markup Kenshu can read (`<` followed by something that is not a tag).
        case markup
        case element
        case attribute(String)
        /// A URL with a scheme outside the list, in the attribute named.
        case url(String)
    }

    /// Why an attribute of an allowed element does not pass (it is then left out), or `nil` when it does.
    static func problem(tag name: String, attribute: RawHTMLScanner.Attribute) -> Problem? {
        let allowed = globalAttributes.contains(attribute.name) || elementAttributes[name]?.contains(attribute.name) == true
            || attribute.name.hasPrefix("aria-") && attribute.name.count > 5
        guard allowed else { return .attribute(attribute.name) }
        if attribute.name == "href" || attribute.name == "src", !isAllowedURL(attribute.value ?? "") {
            return .url(attribute.name)
        }
        return nil
    }

    /// Whether a URL (character references already decoded) is relative or uses an allowed scheme,
    /// read as browsers read it: tabs and line breaks inside are ignored, spaces around are trimmed.
    public static func isAllowedURL(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else {
            return !URLPolicy.isHostRelative(url) && !url.unicodeScalars.contains { $0.value < 0x20 && !["\t", "\n", "\r"].contains($0) || $0.value == 0x7F }
        }
        return schemes.contains(scheme)
    }

    /// Script URLs, in any case, encoding or spacing; warned about even when raw HTML is allowed.
    public static func isScriptURL(_ url: String) -> Bool {
        guard url.hasUTF8Byte(UInt8(ascii: ":")), let scheme = scheme(of: url) else { return false }
        return scheme == "javascript" || scheme == "vbscript"
    }

    /// The lower-cased scheme a browser would see, or `nil` for a relative URL.
    static func scheme(of url: String) -> String? {
        var scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }[...]
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        guard let colon = scalars.firstIndex(of: ":") else { return nil }
        let candidate = scalars[..<colon]
        if let stop = scalars.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }), stop < colon { return nil }
        guard let first = candidate.first, first.isASCII, first.properties.isAlphabetic,
              candidate.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) })
        else {
            // Not a scheme a browser accepts: the URL is a relative path such as `a:b` with odd characters.
            return candidate.contains { $0.value < 0x20 || $0.value == 0x7F } ? "" : nil
        }
        return String(String.UnicodeScalarView(candidate)).lowercased()
    }
}
