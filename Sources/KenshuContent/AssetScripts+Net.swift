import KenshuCore

extension AssetScripts {
    /// A context-free net over a document's bytes: the words that run a script wherever a browser could read them,
    /// found without deciding where a tag, a quote, a comment or raw text ends (that is where scanners and browsers
    /// disagree: `<style>`, `<textarea>`, bogus comments, CDATA in `<svg>`). It may take a sentence for a script;
    /// it does not miss one that a browser runs. Every search is one pass, so no file makes it slow.
    enum ScriptNet {
        /// `on…` words that are ordinary attribute names, not event handlers (`<手続 online="true">` in data).
        static let notHandlers: Set<String> = ["online", "only", "once", "onset", "onto", "onward", "onwards", "onion", "onyx"]

        /// The first finding, by offset: a `<script` or `<x:script` tag; an `on…=` or `srcdoc=` attribute (after a
        /// blank, `/` or a quote); a script URL scheme (tabs and line breaks inside it dropped, as browsers drop
        /// them; and once more after character references are decoded, `&#106;avascript:`).
        static func first(in bytes: [UInt8], text: String) -> Finding? {
            let found = [scriptTag(bytes), handlerAttribute(bytes), scheme(in: bytes)].compactMap { $0 }.min { $0.offset < $1.offset }
            if let found { return found }
            guard bytes.contains(UInt8(ascii: "&")) else { return nil }
            let decoded = Array(CharacterReferences.decode(text, inAttribute: true).utf8)
            return scheme(in: decoded).map { Finding(what: $0.what, offset: 0) }
        }

        /// `bytes` with each `<!-- … -->` turned into blanks (offsets kept), as an XML reader skips them. Not for
        /// HTML, where `<!--` inside `<style>` or `<title>` opens no comment.
        static func blankingXMLComments(_ bytes: [UInt8]) -> [UInt8] {
            var out = bytes
            var index = 0
            let open = Array("<!--".utf8), close = Array("-->".utf8)
            while let start = firstIndex(of: open, in: bytes, from: index) {
                let end = firstIndex(of: close, in: bytes, from: start + open.count).map { $0 + close.count } ?? bytes.count
                for at in start..<end where out[at] != 0x0A { out[at] = 0x20 }
                index = end
            }
            return out
        }

        private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
            var at = from
            while at + needle.count <= bytes.count {
                guard let next = bytes[at...].firstIndex(of: needle[0]), next + needle.count <= bytes.count else { return nil }
                if bytes[next..<(next + needle.count)].elementsEqual(needle) { return next }
                at = next + 1
            }
            return nil
        }

        private static func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        private static func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(folded(byte)) }
        private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

        /// `<script`, `<SCRIPT/`, `<svg:script>`: a `<`, an optional prefix and `:`, then `script` and no more letters.
        static func scriptTag(_ bytes: [UInt8]) -> Finding? {
            let word = Array("script".utf8)
            var index = 0
            while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
                var at = open + 1
                var prefixEnd = at
                while prefixEnd < bytes.count, isLetter(bytes[prefixEnd]) || (0x30...0x39).contains(bytes[prefixEnd])
                        || bytes[prefixEnd] == UInt8(ascii: "-") || bytes[prefixEnd] == UInt8(ascii: "_") || bytes[prefixEnd] == UInt8(ascii: ".") {
                    prefixEnd += 1
                }
                if prefixEnd < bytes.count, bytes[prefixEnd] == UInt8(ascii: ":"), prefixEnd > at { at = prefixEnd + 1 }
                let end = at + word.count
                if end <= bytes.count, zip(bytes[at..<end], word).allSatisfy({ folded($0) == $1 }), end == bytes.count || !isLetter(bytes[end]) {
                    return Finding(what: String(decoding: bytes[open..<end], as: UTF8.self), offset: open)
                }
                index = open + 1
            }
            return nil
        }

        /// `on…=` (an event handler) or `srcdoc=`, as an attribute: after a blank, `/` or a quote, letters only, then
        /// blanks and `=`.
        static func handlerAttribute(_ bytes: [UInt8]) -> Finding? {
            var index = 1
            while index + 2 < bytes.count {
                let before = bytes[index - 1]
                let lead = folded(bytes[index])
                guard lead == UInt8(ascii: "o") || lead == UInt8(ascii: "s"),
                      isBlank(before) || before == UInt8(ascii: "/") || before == UInt8(ascii: "\"") || before == UInt8(ascii: "'") else {
                    index += 1
                    continue
                }
                var end = index
                while end < bytes.count, isLetter(bytes[end]) { end += 1 }
                let name = String(decoding: bytes[index..<end].map(folded), as: UTF8.self)
                var equals = end
                while equals < bytes.count, isBlank(bytes[equals]) { equals += 1 }
                if equals < bytes.count, bytes[equals] == UInt8(ascii: "="),
                   name == "srcdoc" || (name.count > 2 && name.hasPrefix("on") && !notHandlers.contains(name)) {
                    return Finding(what: String(decoding: bytes[index..<end], as: UTF8.self) + "=", offset: index)
                }
                index = end
            }
            return nil
        }

        /// `javascript:`, `vbscript:` or `data:text/html`, with tabs and line breaks inside it skipped.
        static func scheme(in bytes: [UInt8]) -> Finding? {
            let schemes = AssetScripts.scriptSchemes.map { Array($0.utf8) }
            for start in bytes.indices {
                let first = folded(bytes[start])
                for scheme in schemes where scheme[0] == first {
                    var at = start, matched = 0
                    while at < bytes.count, matched < scheme.count {
                        let byte = bytes[at]
                        if byte == 0x09 || byte == 0x0A || byte == 0x0D, matched > 0 {
                            at += 1
                            continue
                        }
                        guard folded(byte) == scheme[matched] else { break }
                        matched += 1
                        at += 1
                    }
                    if matched == scheme.count { return Finding(what: String(decoding: scheme, as: UTF8.self), offset: start) }
                }
            }
            return nil
        }
    }
}
