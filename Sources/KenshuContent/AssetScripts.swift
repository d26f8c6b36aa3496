import Foundation
import KenshuCore

/// Some files of a course are documents, not only pictures or downloads: an SVG image opened by itself (a link to
/// it, "open image in new tab"), an HTML page or an XML file opened from a link, run their scripts inside the
/// course's site, where every reader's saved progress lives. No script reaches the site unless the author allows
/// raw HTML.
public enum AssetScripts {
    /// The first thing in a document that runs a script, as written in the file (`<script`, `onload=`,
    /// `javascript:`), for the message, and where.
    public struct Finding: Equatable, Sendable {
        public var what: String
        /// UTF-8 offset in the file's text.
        public var offset: Int
    }

    /// How a browser reads the file.
    public enum Dialect: Sendable {
        /// SVG, XHTML and XML: read by an XML scanner (comments, CDATA, DTDs, `<?xml-stylesheet?>`) and by the
        /// context-free net of ``ScriptNet``.
        case xml
        /// HTML: read by the net alone. HTML's tokenizer (raw text in `<style>` and `<textarea>`, bogus comments,
        /// CDATA only inside `<svg>`) is too easy to disagree with; the net needs no idea of where a tag ends.
        case html
    }

    /// Elements that run a script or load a document of their own, in an XML document: `<iframe>`, `<object>`
    /// and `<embed>` too (inside a `<foreignObject>`, which drawing programs use for text labels and is no
    /// script by itself).
    static let xmlScriptElements: Set<String> = ["script", "iframe", "object", "embed", "frame", "frameset"]

    /// Whether an `<?xml-stylesheet …?>` (its bytes, lower-cased) names a CSS sheet by its `type` pseudo-attribute:
    /// any other (XSLT) can write a script.
    static func isCSSStyleSheet(_ instruction: [UInt8]) -> Bool {
        String(decoding: instruction, as: UTF8.self).range(of: #"(^|[\s?])type\s*=\s*["']text/css["']"#, options: .regularExpression) != nil
    }

    /// URL schemes that run a script where a URL is followed.
    static let scriptSchemes = ["javascript:", "vbscript:", "data:text/html"]

    /// Files larger than this are not scanned; they are refused instead (an SVG of a diagram is a few MB at most).
    static let largestRead = 32 << 20

    /// The dialect a browser reads a file in, by its name; `nil` for a file that runs nothing when opened.
    public static func dialect(ofFileNamed name: String) -> Dialect? {
        let lowered = name.lowercased()
        guard let dot = lowered.lastIndex(of: ".") else { return nil }
        switch lowered[lowered.index(after: dot)...] {
        // Each extension a browser renders from `file://` as a document that can hold a script.
        case "svg", "svgz", "xml", "xhtml", "xhtm", "xht", "xsl", "xslt", "xbl", "rss", "atom", "rdf", "xsd": return .xml
        case "html", "htm", "shtml", "shtm": return .html
        default: return nil
        }
    }

    /// The first finding in `text`, if any: a script element, an `on…=` event attribute, `srcdoc=`, a script
    /// URL in any attribute (character references decoded and blanks dropped, as a browser reads it; each
    /// item of an `<animate values="a;b">` list; the URL of a `<meta http-equiv="refresh">`), an
    /// `<?xml-stylesheet?>` (XSLT can write a script), or an entity that declares markup or reads a file (an
    /// entity naming a URI, as Illustrator writes, is none).
    public static func firstFinding(in text: String, dialect: Dialect = .xml) -> Finding? {
        let bytes = Array(text.utf8)
        switch dialect {
        case .html:
            return ScriptNet.first(in: bytes, text: text)
        case .xml:
            var scanner = Scanner(bytes: bytes)
            // XML is strict: a comment ends at its first `-->` or the document is not shown at all.
            let uncommented = ScriptNet.blankingXMLComments(bytes)
            return scanner.first() ?? ScriptNet.first(in: uncommented, text: String(decoding: uncommented, as: UTF8.self))
        }
    }

    /// The diagnostic for the document at `file`, or `nil` when it holds no script, cannot be read, or is no document.
    static func diagnostic(for file: ContentFile, allowRawHTML: Bool) -> Diagnostic? {
        guard let dialect = dialect(ofFileNamed: file.relativePath),
              let size = (try? FileManager.default.attributesOfItem(atPath: file.absolutePath))?[.size] as? Int else { return nil }
        let isSVG = file.relativePath.lowercased().hasSuffix(".svg")
        let top = SourceLocation(path: file.displayPath, line: 1, column: 1)
        guard size <= largestRead else {
            guard !allowRawHTML else { return nil }
            return isSVG
                ? .error(.svgTooLargeToCheck, file.relativePath, String((size + (1 << 20) - 1) >> 20), String(largestRead >> 20), at: top)
                : .error(.documentNotCheckable, file.relativePath, String(largestRead >> 20), at: top)
        }
        guard let data = FileManager.default.contents(atPath: file.absolutePath) else { return nil }
        guard let text = decoded(data) else {
            guard !allowRawHTML else { return nil }
            return isSVG ? .error(.svgNotReadable, file.relativePath, at: top) : .error(.documentEncodingNotCheckable, file.relativePath, at: top)
        }
        guard let found = firstFinding(in: text, dialect: dialect) else { return nil }
        let before = text.utf8.prefix(found.offset)
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
        let column = String(decoding: before[lineStart...], as: UTF8.self).utf16.count + 1
        let location = SourceLocation(path: file.displayPath, line: line, column: column)
        switch (isSVG, allowRawHTML) {
        case (true, false): return .error(.svgScript, file.relativePath, found.what, at: location)
        case (true, true): return .warning(.svgScriptKept, file.relativePath, found.what, at: location)
        case (false, false): return .error(.documentScript, file.relativePath, found.what, at: location)
        case (false, true): return .warning(.documentScriptKept, file.relativePath, found.what, at: location)
        }
    }

    /// The file's text as a browser reads it: UTF-16 by its byte-order mark (Windows programs save so) or, without
    /// one, by its first `<` (`3C 00` or `00 3C`), bad code units replaced; else UTF-8. `nil` for a text a browser
    /// may read otherwise — NUL bytes left (UTF-32) or ESC bytes (ISO-2022-JP, whose kanji bytes can open a quote
    /// that hides a script) — which cannot be checked. A page in Shift_JIS or EUC-JP is read byte for byte: its
    /// markup is ASCII, and the net looks for words, not for where quotes or tags end.
    static func decoded(_ data: Data) -> String? {
        let bytes = [UInt8](data)
        var littleEndian: Bool?
        var start = 0
        if bytes.starts(with: [0xFF, 0xFE]) { (littleEndian, start) = (true, 2) }
        else if bytes.starts(with: [0xFE, 0xFF]) { (littleEndian, start) = (false, 2) }
        else if bytes.starts(with: [0x3C, 0x00]) { littleEndian = true }
        else if bytes.starts(with: [0x00, 0x3C]) { littleEndian = false }
        let unreadable: (String) -> Bool = { $0.utf8.contains(0) || $0.utf8.contains(0x1B) }
        if let littleEndian {
            let units = stride(from: start, to: bytes.count - 1, by: 2).map { at in
                littleEndian ? UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 : UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1])
            }
            let text = String(decoding: units, as: UTF16.self)
            return unreadable(text) ? nil : text
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return unreadable(text) ? nil : text
    }
}
