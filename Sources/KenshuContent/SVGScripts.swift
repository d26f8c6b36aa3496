import Foundation
import KenshuCore

/// An SVG file is a document, not only a picture: `<img>` shows it without running anything, but a
/// reader who opens the image itself (a link to it, "open image in new tab") runs its scripts inside the
/// course's site, where saved progress lives. No script reaches the site unless the author allows raw HTML.
public enum SVGScripts {
    /// What runs a script: a `<script>` or `<foreignObject>` element, an `on…=` event attribute, a script URL
    /// in an attribute (character references decoded, as an XML parser does), or an `<!ENTITY` that can
    /// hide any of them.
    public struct Finding: Equatable, Sendable {
        /// As written in the file (`<script`, `onload=`, `javascript:`), for the message.
        public var what: String
        /// UTF-8 offset in the file.
        public var offset: Int
    }

    /// Files larger than this are not read for the check (an SVG of a diagram is a few hundred KB at most).
    static let largestRead = 16 << 20

    /// The first finding in `text`, if any.
    public static func firstFinding(in text: String) -> Finding? {
        let bytes = Array(text.utf8)
        // Entities are declared inside `<!DOCTYPE … [ … ]>`, which the tag walk below passes over whole.
        let entity = Array("<!entity".utf8)
        if let start = bytes.indices.first(where: { at in
            bytes[at] == UInt8(ascii: "<") && at + entity.count <= bytes.count
                && zip(bytes[at..<(at + entity.count)], entity).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
        }) {
            return Finding(what: String(decoding: bytes[start..<(start + entity.count)], as: UTF8.self), offset: start)
        }
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let tagEnd = bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
            let tag = bytes[index..<tagEnd]
            if let found = finding(inTag: tag, at: index) { return found }
            index = tagEnd
        }
        return nil
    }

    /// The diagnostic for the SVG at `file`, or `nil` when it holds no script or cannot be read.
    static func diagnostic(for file: ContentFile, allowRawHTML: Bool) -> Diagnostic? {
        guard file.relativePath.lowercased().hasSuffix(".svg"),
              let size = (try? FileManager.default.attributesOfItem(atPath: file.absolutePath))?[.size] as? Int, size <= largestRead,
              let data = FileManager.default.contents(atPath: file.absolutePath) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let found = firstFinding(in: text) else { return nil }
        let before = text.utf8.prefix(found.offset)
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
        let column = String(decoding: before[lineStart...], as: UTF8.self).utf16.count + 1
        let location = SourceLocation(path: file.displayPath, line: line, column: column)
        return allowRawHTML
            ? .warning(.svgScriptKept, file.relativePath, found.what, at: location)
            : .error(.svgScript, file.relativePath, found.what, at: location)
    }

    private static func finding(inTag tag: ArraySlice<UInt8>, at offset: Int) -> Finding? {
        let lower = tag.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        // The element's local name (`<svg:script>` is a script too).
        let nameEnd = lower.firstIndex { [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">")].contains($0) } ?? lower.count
        let name = lower[1..<max(1, nameEnd)]
        let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[(name.index(after: $0))...] } ?? name
        if local.elementsEqual("script".utf8) || local.elementsEqual("foreignobject".utf8) {
            return Finding(what: String(decoding: tag.prefix(nameEnd), as: UTF8.self), offset: offset)
        }
        // Attributes: a name after a blank, then `=` and a value.
        var index = 1
        while index < lower.count {
            let isBlank = [0x20, 0x09, 0x0A, 0x0D].contains(lower[index - 1]) || lower[index - 1] == UInt8(ascii: "\"") || lower[index - 1] == UInt8(ascii: "'")
            if isBlank, lower[index] == UInt8(ascii: "o"), index + 2 < lower.count, lower[index + 1] == UInt8(ascii: "n") {
                var end = index + 2
                while end < lower.count, (0x61...0x7A).contains(lower[end]) { end += 1 }
                var equals = end
                while equals < lower.count, [0x20, 0x09, 0x0A, 0x0D].contains(lower[equals]) { equals += 1 }
                if end > index + 2, equals < lower.count, lower[equals] == UInt8(ascii: "=") {
                    return Finding(what: String(decoding: tag[(tag.startIndex + index)..<(tag.startIndex + end)], as: UTF8.self) + "=", offset: offset + index)
                }
            }
            if lower[index] == UInt8(ascii: "\"") || lower[index] == UInt8(ascii: "'") {
                let quote = lower[index]
                let close = lower[(index + 1)...].firstIndex(of: quote) ?? lower.count
                let value = String(decoding: tag[(tag.startIndex + index + 1)..<(tag.startIndex + close)], as: UTF8.self)
                let decoded = CharacterReferences.decode(value, inAttribute: true).unicodeScalars
                    .filter { $0.value > 0x20 }.map { Character($0) }
                let compact = String(decoded).lowercased()
                for scheme in ["javascript:", "vbscript:", "data:text/html"] where compact.hasPrefix(scheme) {
                    return Finding(what: scheme, offset: offset + index + 1)
                }
                index = close + 1
                continue
            }
            index += 1
        }
        return nil
    }
}
