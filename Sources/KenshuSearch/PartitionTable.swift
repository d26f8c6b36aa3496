/// One partition's term → (document, count) lists while documents are counted.
///
/// Every (term, count) is kept in the order added, as two LEB128 numbers in one byte stream (the
/// term's number in this partition, then its count), and grouped by term only once, in ``take()``.
/// The document is not repeated in every entry but kept once, as where its entries end (`ends`).
/// At 10,000 lessons these tables were the build's peak memory: about two bytes an entry this way
/// (terms are numbered in first-seen order, so the common ones take one byte; a number from 128 to
/// 16,383 takes two), against eight as (term, count) numbers with one record per document's run.
///
/// `@unchecked Sendable` is safe here: each table is mutated only inside `Parallel.map` over the
/// partition numbers, where the iteration for partition `p` is the only one touching `tables[p]`,
/// and the rounds are sequential (`concurrentPerform` returns only after every iteration ended,
/// which orders one round's writes before the next round's and before `take()`).
final class PartitionTable: @unchecked Sendable {
    private var numbering = TermNumbering()
    private var stream: [UInt8] = []
    /// Where each document's entries end in `stream` (`ends[d]`; they start where document `d - 1`'s
    /// end): four bytes a document, whether or not it has terms in this partition.
    private var ends: [UInt32] = []
    private let expectedDocuments: Int
    private var reserved = false

    init(expectedDocuments: Int) {
        self.expectedDocuments = expectedDocuments
        ends.reserveCapacity(expectedDocuments)
    }

    /// Adds the counts of `counted`, documents `firstDocument...` in order, that fall in `part`.
    func add(_ counted: [DocumentTerms], part: Int, firstDocument: Int) {
        precondition(ends.count == firstDocument, "documents are added in order, each once")
        // Worked on as local values and put back at the end: every access to a class's stored
        // property is checked for exclusivity at run time, which was most of this loop's time.
        var numbering = self.numbering, stream = self.stream, ends = self.ends
        self.numbering = TermNumbering()
        self.stream = []
        self.ends = []
        defer {
            self.numbering = numbering
            self.stream = stream
            self.ends = ends
        }
        for document in counted {
            for (term, count) in document.terms(of: part) {
                Self.append(numbering.number(of: term), to: &stream)
                Self.append(count, to: &stream)
            }
            precondition(stream.count <= UInt32.max, "one search partition's counts outgrew 4 GiB")
            ends.append(UInt32(truncatingIfNeeded: stream.count))
        }
        // After the first chunk, room for all documents at the same rate (and an eighth more): the
        // stream is not regrown (each doubling held the old and the new copy at once).
        if !reserved, !ends.isEmpty {
            reserved = true
            stream.reserveCapacity(stream.count * expectedDocuments / ends.count * 9 / 8)
        }
    }

    /// The lists by term (documents ascending, as added), leaving the table empty so that they
    /// are freed once scored. Each entry's `score` holds the term's count in the document until
    /// ``SearchIndex`` scores the list in place.
    func take() -> [(term: SearchTerm, list: [(document: Int32, score: Int32)])] {
        defer {
            numbering = TermNumbering()
            stream = []
            ends = []
        }
        var lengths = Array(repeating: 0, count: numbering.terms.count)
        forEachEntry { _, term, _ in lengths[term] += 1 }
        var lists = lengths.map { length -> [(document: Int32, score: Int32)] in
            var list: [(document: Int32, score: Int32)] = []
            list.reserveCapacity(length)
            return list
        }
        forEachEntry { document, term, count in
            lists[term].append((Int32(truncatingIfNeeded: document), Int32(clamping: count)))
        }
        return Array(zip(numbering.terms, lists)).map { (term: $0.0, list: $0.1) }
    }

    /// Every entry as (document, term number, count), in the order added.
    private func forEachEntry(_ body: (Int, Int, Int) -> Void) {
        stream.withUnsafeBufferPointer { bytes in
            var position = 0
            for (document, end) in ends.enumerated() {
                while position < Int(end) {
                    let term = Self.read(bytes, at: &position)
                    body(document, term, Self.read(bytes, at: &position))
                }
            }
        }
    }

    /// LEB128: seven bits a byte, least significant first, the top bit set on all but the last.
    static func append(_ number: Int, to stream: inout [UInt8]) {
        var value = UInt(bitPattern: number)
        while value >= 0x80 {
            stream.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        stream.append(UInt8(truncatingIfNeeded: value))
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at position: inout Int) -> Int {
        var value: UInt = 0
        var shift: UInt = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            value |= UInt(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(bitPattern: value)
    }
}
