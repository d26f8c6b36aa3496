/// Reads the start tags of an HTML document the way a browser's tokenizer does: comments,
/// doctype and processing instructions are skipped; `script`, `style` and other raw-text
/// elements are skipped to their end tag; `title` and `textarea` hold only text; attribute
/// values in any quoting style have their character references decoded.
///
/// Link checking needs only start tags and their attributes (tree building does not change which
/// attributes exist), so this is a tokenizer, not a parser: fast, exact about lines, no C library.
///
/// It reads the page's own UTF-8 storage (``tokens(of:_:)``), not a copy: print.html is 74 MB at
/// 10,000 lessons, and its copy was the largest single block of the build's peak memory. Tokens
/// refer to that storage, so they are valid only inside `visit`.
struct HTMLTokenizer {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// An attribute whose value stays as bytes until asked for: most values (`class`, `data-*`)
    /// are never read, and decoding every one was a large part of the check's time.
    struct Attribute {
        var name: PackedName
        /// The name as written (any case), to tell apart two long names (see ``PackedName``).
        let nameBytes: Slice<Bytes>
        let raw: Slice<Bytes>

        /// The value with its character references decoded.
        var value: String { CharacterReferences.decode(String(decoding: raw, as: UTF8.self), inAttribute: true) }
    }

    struct StartTag {
        var name: PackedName
        var attributes: [Attribute]
        var line: Int
        var column: Int

        /// The value of attribute `name`, with its character references decoded.
        func value(_ name: PackedName) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    enum Token {
        case start(StartTag)
        case end(name: PackedName)
        /// Text between tags, decoded only when asked for (link text).
        case text(Text)
    }

    /// A run of text, kept as bytes until someone needs it as a string.
    struct Text {
        let bytes: Slice<Bytes>
        var string: String { CharacterReferences.decode(String(decoding: bytes, as: UTF8.self), inAttribute: false) }
        var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D } }
    }

    /// Elements whose contents are text up to their end tag, never markup (a `switch`, not a `Set`:
    /// hashing every tag's name showed in profiles).
    static func isRawText(_ name: PackedName) -> Bool {
        switch name {
        case .script, .style, .xmp, .iframe, .noembed, .noframes, .plaintext: true
        default: false
        }
    }

    static func isEscapableRawText(_ name: PackedName) -> Bool { name == .title || name == .textarea }

    private let bytes: Bytes
    private var position = 0
    private var line = 1
    private var lineStart = 0

    private init(_ bytes: Bytes) { self.bytes = bytes }

    /// Where a part of a page starts (its first byte's line and column) or ends (just after its last byte).
    struct Place: Equatable {
        var line = 1
        var column = 1
    }

    /// Calls `visit` for each token of `html`, in document order, reading the string's bytes in place.
    /// - Parameter start: where `html` starts when it is a part of a larger page (lines and columns of
    ///   tokens count from there).
    /// - Returns: where the text ends, for the next part.
    @discardableResult
    static func tokens(of html: String, startingAt start: Place = Place(), _ visit: (Token) -> Void) -> Place {
        var html = html
        return html.withUTF8 { bytes in
            var tokenizer = HTMLTokenizer(bytes)
            tokenizer.line = start.line
            tokenizer.counted = (0, start.column)
            tokenizer.tokens(visit)
            return Place(line: tokenizer.line, column: tokenizer.currentColumn())
        }
    }

    private mutating func tokens(_ visit: (Token) -> Void) {
        var textStart = 0
        // One array for every tag's attributes, emptied between tags: a tag is valid only inside `visit`.
        var attributes: [Attribute] = []
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "<") else { skipText(); continue }
            if position > textStart { visit(.text(decodedText(textStart, position))) }
            let next = position + 1 < bytes.count ? bytes[position + 1] : 0
            if next == UInt8(ascii: "!") {
                skipMarkupDeclaration()
            } else if next == UInt8(ascii: "?") {
                skip(past: UInt8(ascii: ">"))
            } else if next == UInt8(ascii: "/") {
                if let name = endTag() { visit(.end(name: name)) }
            } else if Self.isASCIILetter(next) {
                var tag = startTag(reusing: &attributes)
                visit(.start(tag))
                swap(&attributes, &tag.attributes)
                let escapable = Self.isEscapableRawText(tag.name)
                if escapable || Self.isRawText(tag.name) {
                    let contentStart = position
                    let end = findEndTag(tag.name)
                    if escapable, end > contentStart { visit(.text(decodedText(contentStart, end))) }
                    while position < end { advance() }
                }
            } else {
                advance()
                continue
            }
            textStart = position
        }
        if position > textStart { visit(.text(decodedText(textStart, position))) }
    }

    // MARK: - Pieces

    /// - Parameter buffer: the array the last tag's attributes were in, emptied and taken (so that it is
    ///   uniquely held and keeps its capacity); the caller gets it back from the tag after `visit`.
    private mutating func startTag(reusing buffer: inout [Attribute]) -> StartTag {
        let line = self.line, column = currentColumn()
        advance()  // <
        let name = readName()
        var attributes: [Attribute] = []
        swap(&attributes, &buffer)
        attributes.removeAll(keepingCapacity: true)
        while position < bytes.count {
            skipWhitespace()
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") { advance(); break }
            if byte == UInt8(ascii: "/") { advance(); continue }
            let nameStart = position
            let attributeName = readAttributeName()
            let nameBytes = bytes[nameStart..<position]
            if nameBytes.isEmpty { advance(); continue }
            skipWhitespace()
            var value = bytes[position..<position]
            if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
                advance()
                skipWhitespace()
                value = readAttributeValue()
            }
            if !attributes.contains(where: { $0.name == attributeName && (!attributeName.isLong || Self.sameName($0.nameBytes, nameBytes)) }) {
                attributes.append(Attribute(name: attributeName, nameBytes: nameBytes, raw: value))
            }
        }
        return StartTag(name: name, attributes: attributes, line: line, column: column)
    }

    private mutating func endTag() -> PackedName? {
        advance(); advance()  // </
        let start = position
        let name = readName()
        let isEmpty = position == start
        skip(past: UInt8(ascii: ">"))
        return isEmpty ? nil : name
    }

    /// `<!-- … -->`, `<!DOCTYPE …>`, `<![CDATA[ … ]]>` and bogus comments.
    private mutating func skipMarkupDeclaration() {
        if matches("<!--") {
            for _ in 0..<4 { advance() }
            // An empty comment `<!-->` or `<!--->` ends at once, as in browsers.
            if matches(">") { advance(); return }
            if matches("->") { advance(); advance(); return }
            while position < bytes.count, !matches("-->"), !matches("--!>") { advance() }
            skip(past: UInt8(ascii: ">"))
        } else {
            skip(past: UInt8(ascii: ">"))
        }
    }

    /// The offset of `</name` (any case) that ends a raw-text element, or the end of the input.
    private func findEndTag(_ name: PackedName) -> Int {
        let target = Array("</".utf8) + name.bytes
        var i = position
        while i + target.count <= bytes.count {
            if bytes[i] == UInt8(ascii: "<"), zip(target, bytes[i..<(i + target.count)]).allSatisfy({ $0 == Self.lower($1) }) {
                let after = i + target.count < bytes.count ? bytes[i + target.count] : UInt8(ascii: ">")
                if after == UInt8(ascii: ">") || after == UInt8(ascii: "/") || Self.isWhitespace(after) { return i }
            }
            i += 1
        }
        return bytes.count
    }

    private mutating func readName() -> PackedName {
        let start = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: "/"),
              bytes[position] != UInt8(ascii: ">") { advance() }
        return PackedName(lowering: bytes[start..<position])
    }

    private mutating func readAttributeName() -> PackedName {
        let start = position
        // The first character may be '=' (a parse error that still makes an attribute).
        if position < bytes.count, bytes[position] == UInt8(ascii: "=") { advance() }
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") { break }
            advance()
        }
        return PackedName(lowering: bytes[start..<position])
    }

    /// Whether two names are the same in any case (for long names, which ``PackedName`` does not tell apart).
    private static func sameName(_ a: Slice<Bytes>, _ b: Slice<Bytes>) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { lower($0) == lower($1) }
    }

    private mutating func readAttributeValue() -> Slice<Bytes> {
        guard position < bytes.count else { return bytes[position..<position] }
        let quote = bytes[position]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            advance()
            let start = position
            while position < bytes.count, bytes[position] != quote { advance() }
            let value = bytes[start..<position]
            if position < bytes.count { advance() }
            return value
        }
        let start = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: ">") { advance() }
        return bytes[start..<position]
    }

    private func decodedText(_ start: Int, _ end: Int) -> Text { Text(bytes: bytes[start..<end]) }

    /// Whether the input at the current position starts with `text` (ASCII, compared in lower case).
    private func matches(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let target = text.utf8Start
        for offset in 0..<count where target[offset] != Self.lower(bytes[position + offset]) { return false }
        return true
    }

    private mutating func skip(past byte: UInt8) {
        while position < bytes.count, bytes[position] != byte { advance() }
        if position < bytes.count { advance() }
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { advance() }
    }

    /// Text up to the next `<`, counting lines on the way: most bytes of a page are text. Eight
    /// bytes at a time while they hold neither `<` nor a line feed (Japanese text is mostly bytes
    /// of neither), one at a time otherwise.
    private mutating func skipText() {
        var index = position
        let count = bytes.count
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        scan: while index < count {
            while index + 8 <= count, !Self.mayHoldTagOrLineFeed(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
            }
            let stop = min(count, index + 8)
            while index < stop {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") { break scan }
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
        }
        position = index
    }

    /// Whether one of the eight bytes may be `<` or a line feed (never `false` when one is; a `true`
    /// without one only sends the word to the byte loop).
    private static func mayHoldTagOrLineFeed(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let tags = word ^ (ones &* UInt64(UInt8(ascii: "<"))), feeds = word ^ (ones &* 0x0A)
        return ((tags &- ones) & ~tags | (feeds &- ones) & ~feeds) & highs != 0
    }

    private mutating func advance() {
        if bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        position += 1
    }

    /// Where the last column was counted, so that a long line (minified HTML) is counted once,
    /// not from its start for every tag: linear time whatever the line length.
    private var counted = (position: 0, column: 1)

    /// 1-based column in characters (UTF-8 continuation bytes do not count).
    private mutating func currentColumn() -> Int {
        if counted.position < lineStart || counted.position > position { counted = (lineStart, 1) }
        var column = counted.column
        for byte in bytes[counted.position..<position] where byte & 0xC0 != 0x80 { column += 1 }
        counted = (position, column)
        return column
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
