import Foundation
import KenshuCore

extension AssetScripts {
    /// One pass over the bytes, tag by tag, reading quoted values whole (a `>` inside quotes ends no tag).
    /// An XML reader's view (SVG, XHTML, XML), for findings named by the construct that holds them.
    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func first() -> Finding? {
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                if starts(with: "<!--") {
                    index = end(of: "-->", from: index + 4)
                } else if starts(with: "<![cdata[") {
                    index = end(of: "]]>", from: index + 9)
                } else if starts(with: "<!") {
                    if let found = declarations() { return found }
                } else if starts(with: "<?") {
                    let close = end(of: "?>", from: index + 2)
                    // An XSLT sheet can write a script; a CSS one cannot.
                    if starts(with: "<?xml-stylesheet"), !AssetScripts.isCSSStyleSheet(lower(bytes[index..<close])) {
                        return finding(length: 16, at: index)
                    }
                    index = close
                } else if let found = tag() {
                    return found
                }
            }
            return nil
        }

        /// `<!DOCTYPE … [ <!ENTITY …> … ]>` or a lone `<!ENTITY …>`: an entity whose value holds markup
        /// (`<`, `&`, `%`) or that reads a file (`SYSTEM`, `PUBLIC`) can put anything in the document.
        private mutating func declarations() -> Finding? {
            var depth = 0
            var first = true
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<"), starts(with: "<!--") {
                    index = end(of: "-->", from: index + 4)
                    continue
                }
                // `<!ATTLIST svg onload CDATA "…">` gives every `<svg>` an event attribute by default.
                if byte == UInt8(ascii: "<"), starts(with: "<!attlist") {
                    let close = end(of: ">", from: index + 9, quoted: true)
                    let words = split(lower(bytes[index..<min(close, bytes.count)])).words
                    if words.contains(where: { $0.count > 2 && $0.hasPrefix("on") && $0.utf8.allSatisfy { (0x61...0x7A).contains($0) } }) {
                        return finding(length: 9, at: index)
                    }
                    index = close
                    first = false
                    continue
                }
                if byte == UInt8(ascii: "<"), starts(with: "<!entity") {
                    let declaration = index
                    let close = end(of: ">", from: index + 8, quoted: true)
                    let body = lower(bytes[declaration..<min(close, bytes.count)])
                    let (values, words) = split(body)
                    let hidesMarkup = values.contains { $0.contains(UInt8(ascii: "<")) || $0.contains(UInt8(ascii: "&")) || $0.contains(UInt8(ascii: "%")) }
                    let readsFile = words.contains("system") || words.contains("public")
                    // An internal entity may spell a script URL in pieces (`&a;&b;` in an `href`); one naming a URI, as
                    // Illustrator's namespaces do, cannot.
                    let spellsText = !readsFile && values.contains { value in
                        !(value.starts(with: Array("http://".utf8)) || value.starts(with: Array("https://".utf8)))
                    }
                    if hidesMarkup || readsFile || spellsText { return finding(length: 8, at: declaration) }
                    index = close
                    first = false
                    continue
                }
                if first {
                    index += 2  // `<!`
                    first = false
                    continue
                }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    index = end(of: String(UnicodeScalar(byte)), from: index + 1)
                    continue
                }
                if byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "]") { depth = max(0, depth - 1) }
                index += 1
                if byte == UInt8(ascii: ">"), depth == 0 { return nil }
            }
            return nil
        }

        /// A start or end tag: its element's local name (`<svg:script>` is a script) and its attributes.
        private mutating func tag() -> Finding? {
            let start = index
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "/") {
                index = end(of: ">", from: index, quoted: true)
                return nil
            }
            let nameStart = index
            while index < bytes.count, !isBlank(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") { index += 1 }
            if AssetScripts.xmlScriptElements.contains(localName(bytes[nameStart..<index])) {
                return finding(length: index - start, at: start)
            }
            while index < bytes.count {
                while index < bytes.count, isBlank(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
                guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else {
                    index += 1
                    return nil
                }
                let attributeStart = index
                while index < bytes.count, !isBlank(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") { index += 1 }
                let written = bytes[attributeStart..<index]
                let name = localName(written)
                var probe = index
                while probe < bytes.count, isBlank(bytes[probe]) { probe += 1 }
                let hasValue = probe < bytes.count && bytes[probe] == UInt8(ascii: "=")
                // An event attribute is `on` and letters, without a prefix (Inkscape writes `only_selected=`).
                let isEvent = !written.contains(UInt8(ascii: ":")) && name.count > 2 && name.hasPrefix("on")
                    && name.utf8.allSatisfy { (0x61...0x7A).contains($0) } && !ScriptNet.notHandlers.contains(name)
                if hasValue, isEvent || name == "srcdoc" {
                    return Finding(what: String(decoding: bytes[attributeStart..<index], as: UTF8.self) + "=", offset: attributeStart)
                }
                guard hasValue else { continue }
                index = probe + 1
                while index < bytes.count, isBlank(bytes[index]) { index += 1 }
                guard index < bytes.count else { return nil }
                let quote = bytes[index]
                let valueStart: Int, valueEnd: Int
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    valueStart = index + 1
                    valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                    index = min(bytes.count, valueEnd + 1)
                } else {
                    valueStart = index
                    while index < bytes.count, !isBlank(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    valueEnd = index
                }
                let value = bytes[valueStart..<valueEnd]
                if let scheme = scriptScheme(value, list: name == "values") {
                    return Finding(what: scheme, offset: valueStart)
                }
            }
            return nil
        }

        /// The script scheme a value (or, for a list, any `;`-separated item of it) starts with, read as a browser
        /// reads it: character references decoded first, then blanks and control characters dropped, case folded.
        /// A value whose first 64 KB decode to nothing visible, or a list longer than that, hides what follows it
        /// and counts as a script (`&#000…106;`, `&#32;` repeated, `;;;…`).
        private func scriptScheme(_ value: ArraySlice<UInt8>, list: Bool) -> String? {
            let limit = 64 << 10
            // A path's `d="…"` of a megabyte has no `&` near its start and is never decoded whole.
            let head = value.prefix(limit)
            let text = head.contains(UInt8(ascii: "&"))
                ? CharacterReferences.decode(String(decoding: head, as: UTF8.self), inAttribute: true)
                : String(decoding: list ? head : head.prefix(256), as: UTF8.self)
            if list, value.count > limit { return "values=" }
            let items = list ? text.split(separator: ";", omittingEmptySubsequences: false) : [Substring(text)]
            for item in items {
                let visible = item.unicodeScalars.lazy.filter { $0.value > 0x20 }.prefix(16)
                let compact = String(String.UnicodeScalarView(visible)).lowercased()
                if compact.isEmpty, !list, value.count > limit { return "&#…;" }
                for scheme in AssetScripts.scriptSchemes where compact.hasPrefix(scheme) { return scheme }
            }
            return nil
        }

        private func starts(with text: String) -> Bool {
            let needle = Array(text.utf8)
            guard index + needle.count <= bytes.count else { return false }
            return zip(bytes[index..<(index + needle.count)], needle).allSatisfy { Scanner.folded($0) == $1 }
        }

        /// Where the text after `needle` begins, searching from `from` (skipping quoted runs when `quoted`); the end
        /// of the file when there is no such place.
        private func end(of needle: String, from: Int, quoted: Bool = false) -> Int {
            let target = Array(needle.utf8)
            var at = from
            while at + target.count <= bytes.count {
                if quoted, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") {
                    at = (bytes[(at + 1)...].firstIndex(of: bytes[at]) ?? bytes.count) + 1
                    continue
                }
                if bytes[at..<(at + target.count)].elementsEqual(target) { return at + target.count }
                at += 1
            }
            return bytes.count
        }

        private func finding(length: Int, at offset: Int) -> Finding {
            Finding(what: String(decoding: bytes[offset..<min(bytes.count, offset + length)], as: UTF8.self), offset: offset)
        }

        private func localName(_ name: ArraySlice<UInt8>) -> String {
            let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[name.index(after: $0)...] } ?? name
            return String(decoding: lower(local), as: UTF8.self)
        }

        private func lower(_ slice: ArraySlice<UInt8>) -> [UInt8] { slice.map(Scanner.folded) }

        /// A declaration's quoted values, and its other words (`<!entity`, the name, `system` …).
        private func split(_ body: [UInt8]) -> (values: [ArraySlice<UInt8>], words: Set<String>) {
            var values: [ArraySlice<UInt8>] = []
            var words: Set<String> = []
            var at = 0, wordStart = 0
            func endWord() {
                if at > wordStart { words.insert(String(decoding: body[wordStart..<at], as: UTF8.self)) }
            }
            while at < body.count {
                let byte = body[at]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    endWord()
                    let close = body[(at + 1)...].firstIndex(of: byte) ?? body.count
                    values.append(body[(at + 1)..<close])
                    at = close + 1
                    wordStart = at
                } else if isBlank(byte) || byte == UInt8(ascii: ">") {
                    endWord()
                    at += 1
                    wordStart = at
                } else {
                    at += 1
                }
            }
            endWord()
            return (values, words)
        }

        private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

        static func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    }
}
