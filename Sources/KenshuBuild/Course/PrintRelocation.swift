import Foundation
import KenshuCore

/// Moves one page's body HTML into `print.html` at the site root: relative URLs are resolved from
/// the page's folder, and every id (and each reference to one) gets the page's prefix, so that two
/// pages' 「まとめ」 headings stay distinct and `#まとめ` still leads to the right one.
enum PrintRelocation {
    private static let attribute = try? NSRegularExpression(
        pattern: #"\s(href|src|id|for|aria-describedby|aria-labelledby|aria-controls)="([^"]*)""#)

    static func relocate(_ html: String, from page: SitePath, prefix: String) -> String {
        guard let attribute else { return html }
        let source = html as NSString
        var out = ""
        var copied = 0
        for match in attribute.matches(in: html, range: NSRange(location: 0, length: source.length)) {
            let name = source.substring(with: match.range(at: 1))
            let value = source.substring(with: match.range(at: 2))
            let valueRange = match.range(at: 2)
            out += source.substring(with: NSRange(location: copied, length: valueRange.location - copied))
            out += rewrite(value, attribute: name, from: page, prefix: prefix)
            copied = valueRange.location + valueRange.length
        }
        out += source.substring(from: copied)
        return out
    }

    static func rewrite(_ value: String, attribute: String, from page: SitePath, prefix: String) -> String {
        switch attribute {
        case "href", "src":
            if value.hasPrefix("#") { return value.count > 1 ? "#" + prefix + "-" + value.dropFirst() : value }
            return resolve(value, from: page)
        default:
            return value.split(separator: " ").map { prefix + "-" + $0 }.joined(separator: " ")
        }
    }

    /// `value` (relative to `page`'s folder) as a URL relative to the site root; others unchanged.
    static func resolve(_ value: String, from page: SitePath) -> String {
        if value.isEmpty || value.hasPrefix("/") || value.hasPrefix("//") { return value }
        if let colon = value.firstIndex(of: ":"), !value[..<colon].contains("/"), !value[..<colon].contains("#") { return value }
        var parts = page.components.dropLast().map { PercentEncoding.encodePathSegment(String($0)) }
        var rest = Substring(value)
        while rest.hasPrefix("../") || rest.hasPrefix("./") {
            if rest.hasPrefix("../") {
                if !parts.isEmpty { parts.removeLast() }
                rest = rest.dropFirst(3)
            } else {
                rest = rest.dropFirst(2)
            }
        }
        return (parts + [String(rest)]).joined(separator: "/")
    }
}
