/// One term's postings kept as the text search.js reads (``PostingCode``: document gap, then score,
/// pair after pair), made once when the term is scored.
///
/// Why not an array of (document, score): at 10,000 lessons the postings are about 9 million pairs,
/// 70 MB as pairs of 32-bit numbers and about a quarter of that as text, and they are held from the
/// end of scoring until their file is written, at the build's peak memory. The term files copy the
/// text as it is; ``decoded`` gives the pairs back for tests and tools.
public struct PostingList: Sendable, Equatable {
    /// The encoded pairs, documents ascending (UTF-8 bytes of ``PostingCode``'s alphabet).
    public let code: [UInt8]

    /// Encodes `postings` (documents ascending) with `scratch` as working space: the result is one
    /// allocation of the exact size, not an array grown by doubling.
    init(_ postings: some Sequence<(document: Int32, score: Int32)>, scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        var previous = 0
        for posting in postings {
            PostingCode.append(Int(posting.document) - previous, to: &scratch)
            PostingCode.append(Int(posting.score), to: &scratch)
            previous = Int(posting.document)
        }
        // A copy of the elements, not `Array(scratch)`: that would share scratch's whole buffer, and
        // the next list's `removeAll(keepingCapacity:)` would then allocate another as large.
        code = Array(unsafeUninitializedCapacity: scratch.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: scratch)
        }
    }

    /// The (document, score) pairs, documents ascending.
    public var decoded: [(document: Int32, score: Int32)] {
        var numbers: [Int] = []
        var value = 0
        for byte in code {
            guard let digit = PostingCode.digit(of: byte) else { continue }
            value = value << 5 | (digit & 31)
            if digit < 32 {
                numbers.append(value)
                value = 0
            }
        }
        var pairs: [(document: Int32, score: Int32)] = []
        var document = 0
        for index in stride(from: 0, to: numbers.count - 1, by: 2) {
            document += numbers[index]
            pairs.append((Int32(truncatingIfNeeded: document), Int32(truncatingIfNeeded: numbers[index + 1])))
        }
        return pairs
    }
}
