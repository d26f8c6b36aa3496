/// The one rule for every URL Kenshu writes into a page — from Markdown, front matter, file names,
/// site.yml or theme data: a relative path, or one of a few schemes that cannot run a script.
///
/// Anything else (`javascript:`, `vbscript:`, `data:` except images, unknown schemes) is replaced
/// by an empty URL and reported at the author's line. A site may allow more schemes with
/// `options: url_schemes: [file]` (for links to the office file share); script schemes can never be allowed.
public struct URLPolicy: Sendable, Hashable {
    public static let defaultSchemes: Set<String> = ["https", "http", "mailto", "tel"]
    /// Schemes no setting can allow: they run code in the page.
    public static let neverAllowed: Set<String> = ["javascript", "vbscript", "data", "livescript", "mocha"]

    public var allowedSchemes: Set<String>

    public init(extraSchemes: [String] = []) {
        allowedSchemes = Self.defaultSchemes.union(extraSchemes.map { $0.lowercased() }.filter { !Self.neverAllowed.contains($0) })
    }

    /// The scheme of `url` as a browser reads it (control characters and spaces ignored, case folded), if any.
    public static func scheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars {
            let value = scalar.value
            if value <= 0x20 { continue }
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            // ASCII letters and digits, `+`, `-` and `.`, by value (no Unicode property lookups: this runs for every link).
            let isSchemeCharacter = (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || (0x30...0x39).contains(value)
                || value == 0x2B || value == 0x2D || value == 0x2E
            guard isSchemeCharacter else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Whether `url` names another host or drive without a scheme: `//host/…`, `\\server\share\…` (which a
    /// browser reads as `//server/share/…`) or `\folder\…`. From a file share a browser opens `//host` as the
    /// network share `\\host`, and Windows sends the reader's sign-in to whoever runs it; on a web server it
    /// is another site. Browsers skip leading blanks and every tab and line break, and read `\` as `/`.
    public static func isHostRelative(_ url: String) -> Bool {
        var slashes = 0
        for byte in url.utf8 {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D || slashes == 0 && byte <= 0x20 { continue }
            if byte == UInt8(ascii: "\\") { return true }
            guard byte == UInt8(ascii: "/") else { return false }
            slashes += 1
            if slashes == 2 { return true }
        }
        return false
    }

    /// Whether `url` may be written as it is; `isImage` also allows `data:image/…` for images.
    public func allows(_ url: String, isImage: Bool = false) -> Bool {
        guard let scheme = Self.scheme(of: url) else { return !Self.isHostRelative(url) }
        if isImage, scheme == "data" {
            let lower = url.lowercased().filter { !$0.isWhitespace }
            return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
        }
        return allowedSchemes.contains(scheme)
    }

    /// `url` when allowed, else `""` and a warning at `location`.
    public func filter(_ url: String, at location: SourceLocation, isImage: Bool = false, diagnostics: inout [Diagnostic]) -> String {
        if allows(url, isImage: isImage) { return url }
        diagnostics.append(Self.refusal(of: url, at: location))
        return ""
    }

    /// The warning for a URL ``allows(_:isImage:)`` refused, saying why in the author's terms: a script,
    /// a file on the author's computer (`C:\…`, `file:`), a host without `http://` (`localhost:8080/…`),
    /// or another scheme the site has not allowed.
    /// - Parameter kept: the site allows raw HTML, so the URL stays (only a script URL is then worth a word).
    public static func refusal(of url: String, at location: SourceLocation, kept: Bool = false) -> Diagnostic {
        let scheme = Self.scheme(of: url) ?? ""
        // Removed even where raw HTML is allowed (the Markdown writer never keeps one): see ``isHostRelative(_:)``.
        if scheme.isEmpty, isHostRelative(url) {
            // `\\server\share` and `\folder` are Windows paths; `//host` and `/\host` name a host on the web.
            if url.drop(while: { $0.isWhitespace }).first == "\\" { return .warning(.urlLocalFile, url, at: location) }
            let rest = url.drop { $0 == "/" || $0 == "\\" || $0.isWhitespace }
            return .warning(.urlHostRelative, url, "https://" + rest, at: location)
        }
        if kept || neverAllowed.contains(scheme) { return .warning(kept ? .unsafeURLKept : .unsafeURL, url, at: location) }
        let afterColon = url.drop { $0 != ":" }.dropFirst()
        if scheme == "file" || scheme.count == 1 && (afterColon.hasPrefix("\\") || afterColon.hasPrefix("/")) {
            return .warning(.urlLocalFile, url, at: location)
        }
        if afterColon.first?.isASCII == true, afterColon.first?.isNumber == true, scheme == "localhost" || scheme.contains(".") {
            return .warning(.urlHostWithoutScheme, url, scheme, at: location)
        }
        return .warning(.urlSchemeNotAllowed, url, scheme, at: location)
    }
}
