import KenshuCore

/// Reads the `url:` of a source (front matter `sources:`, glossary `source:`): script URLs are dropped
/// (``URLPolicy``), and a web address written without its scheme (`www.soumu.go.jp/…`, copied from a
/// browser's address bar) is a located error. A browser would take it for a file beside the page, and the
/// link check could only report it in a built file the author never wrote.
enum SourceURL {
    static func read(_ written: String, at location: SourceLocation, policy: URLPolicy, diagnostics: inout [Diagnostic]) -> String? {
        let url = policy.filter(written, at: location, diagnostics: &diagnostics)
        guard !url.isEmpty else { return nil }
        if looksLikeAHostWithoutScheme(url) {
            diagnostics.append(.error(.sourceURLWithoutScheme, url, at: location))
        }
        return url
    }

    /// `www.…`, or a first segment ending in a common top-level domain (`example.jp/…`, `city.x.lg.jp`),
    /// with no scheme and not a path (`files/a.pdf`, `./a.pdf`). A file name such as `report.pdf` is not
    /// taken for a host: no file extension is in the list.
    static func looksLikeAHostWithoutScheme(_ url: String) -> Bool {
        guard !URLParts.hasScheme(url), !url.hasUTF8Prefix("/"), !url.hasUTF8Prefix(".") else { return false }
        let host = url.utf8.split(separator: UInt8(ascii: "/"), maxSplits: 1, omittingEmptySubsequences: false).first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        let lowered = host.lowercased()
        guard lowered.utf8.allSatisfy({ $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":")
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            lowered.hasUTF8Prefix("www.") || topLevelDomains.contains(where: { lowered.hasUTF8Suffix($0) })
        else { return false }
        return lowered.utf8.contains(UInt8(ascii: "."))
    }

    static let topLevelDomains = [".jp", ".com", ".org", ".net", ".gov", ".edu", ".int", ".info", ".io", ".go.jp", ".lg.jp"]
}
