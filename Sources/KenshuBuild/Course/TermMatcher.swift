import KenshuCore

/// Finds glossary names in prose, longest first, on the escaped HTML bytes of a page's prose runs.
///
/// Matching works on bytes so that one pass over a page costs little however many terms there are:
/// names are bucketed by their first byte and tried longest first at each character boundary.
struct TermMatcher: Sendable {
    /// One spelling (term or alias), escaped as it stands in HTML, and the term it names.
    struct Name: Sendable {
        var bytes: [UInt8]
        var term: Int
    }

    /// A place where a name stands: the byte range and the term.
    struct Match: Equatable {
        var range: Range<Int>
        var term: Int
    }

    /// Names by their first byte (256 buckets), each bucket longest first.
    private var buckets = [[Name]](repeating: [], count: 256)

    /// - Parameter names: for each term, its spellings (the term first, then aliases).
    init(names: [[String]]) {
        for (term, spellings) in names.enumerated() {
            for spelling in spellings where !spelling.isEmpty {
                let bytes = Array(HTMLEscaping.escape(spelling).utf8)
                buckets[Int(bytes[0])].append(Name(bytes: bytes, term: term))
            }
        }
        for key in buckets.indices { buckets[key].sort { $0.bytes.count > $1.bytes.count } }
    }

    /// Every non-overlapping match in `runs` of `html`, in order; at each place the longest name wins.
    func matches(in bytes: [UInt8], runs: [Range<Int>]) -> [Match] {
        bytes.withUnsafeBufferPointer { matches(in: $0, runs: runs) }
    }

    private func matches(in html: UnsafeBufferPointer<UInt8>, runs: [Range<Int>]) -> [Match] {
        var found: [Match] = []
        for run in runs where run.upperBound <= html.count {
            var index = run.lowerBound
            while index < run.upperBound {
                let byte = html[index]
                if byte == UInt8(ascii: "&") {
                    // A character reference (`&amp;`) is one character: never match inside it.
                    while index < run.upperBound, html[index] != UInt8(ascii: ";") { index += 1 }
                    index += 1
                    continue
                }
                if let name = longest(at: index, in: html, end: run.upperBound) {
                    found.append(Match(range: index..<(index + name.bytes.count), term: name.term))
                    index += name.bytes.count
                    continue
                }
                index += 1
                while index < run.upperBound, html[index] & 0xC0 == 0x80 { index += 1 }
            }
        }
        return found
    }

    private func longest(at index: Int, in html: UnsafeBufferPointer<UInt8>, end: Int) -> Name? {
        let candidates = buckets[Int(html[index])]
        guard !candidates.isEmpty else { return nil }
        for name in candidates where index + name.bytes.count <= end {
            guard Self.equal(html, at: index, name.bytes) else { continue }
            if Self.splitsWord(html, range: index..<(index + name.bytes.count), end: end) { continue }
            return name
        }
        return nil
    }

    private static func equal(_ html: UnsafeBufferPointer<UInt8>, at index: Int, _ name: [UInt8]) -> Bool {
        var offset = 1
        while offset < name.count {
            if html[index + offset] != name[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Whether a Latin name would match part of a longer Latin word (`GCAS` in `GCASX`).
    private static func splitsWord(_ html: UnsafeBufferPointer<UInt8>, range: Range<Int>, end: Int) -> Bool {
        func isWordByte(_ byte: UInt8) -> Bool { byte < 0x80 && (Character(UnicodeScalar(byte)).isLetter || Character(UnicodeScalar(byte)).isNumber) }
        if isWordByte(html[range.lowerBound]), range.lowerBound > 0, isWordByte(html[range.lowerBound - 1]) { return true }
        if isWordByte(html[range.upperBound - 1]), range.upperBound < html.count, isWordByte(html[range.upperBound]) { return true }
        return false
    }
}
