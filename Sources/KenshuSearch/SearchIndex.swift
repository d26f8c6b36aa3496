import Foundation
import KenshuCore

/// The search index: for every term, the documents that contain it with a score computed at
/// build time (BM25 with the page title counting three times and the heading twice), so the
/// browser only adds numbers. Terms are sharded by their first character, documents in
/// reading-order chunks: one query loads a few small files, whatever the size of the course.
public struct SearchIndex: Sendable {
    public var documents: [SearchDocument]
    /// Term → (document number, score × 8, at least 1), document numbers ascending. 32-bit numbers:
    /// the postings are most of the index's memory (tens of millions at 10,000 pages).
    public var postings: [String: [(document: Int32, score: Int32)]]
    public var synonyms: [[String]]

    static let k1 = 1.2
    static let b = 0.75
    static let titleWeight = 3
    static let headingWeight = 2
    /// Questions are short, so BM25 would put them above the lessons that teach the same words.
    static let quizWeight = 0.6

    public init(documents: [SearchDocument], synonyms: [[String]]) {
        self.documents = documents
        self.synonyms = synonyms.map { group in group.map(SearchText.normalise) }
        // Counted a chunk of documents at a time, each chunk's counts moved at once into per-partition
        // tables: the counts of all 100,000 documents of a large course are never held side by side.
        let tables = (0..<Self.partitions).map { _ in PartitionTable(expectedDocuments: documents.count) }
        var lengths: [Int] = []
        lengths.reserveCapacity(documents.count)
        for start in stride(from: 0, to: documents.count, by: Self.chunkSize) {
            let end = min(start + Self.chunkSize, documents.count)
            // Slices of a few hundred documents, each counted with one reused scratch table.
            let slices = stride(from: start, to: end, by: Self.sliceSize).map { $0..<min($0 + Self.sliceSize, end) }
            let counted = Parallel.map(slices) { slice -> [DocumentTerms] in
                var scratch = TermScratch()
                return slice.map { Self.termCounts(of: documents[$0], scratch: &scratch) }
            }.flatMap { $0 }
            lengths += counted.map(\.length)
            _ = Parallel.map(Array(0..<Self.partitions)) { part -> Int in
                tables[part].add(counted, part: part, firstDocument: start)
                return part
            }
        }
        let total = Double(max(documents.count, 1))
        let averageLength = max(1, Double(lengths.reduce(0, +)) / total)
        let norms = lengths.map { Self.k1 * (1 - Self.b + Self.b * Double($0) / averageLength) }
        let weights = documents.map { $0.kind == .quiz ? Self.quizWeight : 1 }
        // Terms are split by their first character so that each part is scored on its own core.
        let parts = Parallel.map(Array(0..<Self.partitions)) { part -> [String: [(document: Int32, score: Int32)]] in
            var counts = tables[part].take()
            var scored: [String: [(document: Int32, score: Int32)]] = [:]
            scored.reserveCapacity(counts.count)
            for entry in counts.indices {
                // Scored in place: the list is moved out (uniquely held), its counts overwritten by
                // scores, and moved into the postings, so no second copy of the postings is made.
                var list = counts[entry].list
                counts[entry].list = []
                let df = Double(list.count)
                let idf = log(1 + (total - df + 0.5) / (df + 0.5))
                for position in list.indices {
                    let document = Int(list[position].document)
                    let tf = Double(list[position].score)
                    let score = weights[document] * idf * tf * (Self.k1 + 1) / (tf + norms[document])
                    list[position].score = Int32(min(255, max(1, Int((score * 8).rounded()))))
                }
                scored[counts[entry].term.string] = list
            }
            return scored
        }
        var postings: [String: [(document: Int32, score: Int32)]] = [:]
        postings.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { postings.merge(part) { first, _ in first } }
        self.postings = postings
    }

    /// How many groups of terms are scored in parallel.
    static let partitions = 8
    /// How many documents are counted before their counts are moved into the partition tables.
    static let chunkSize = 4096
    /// How many documents one task counts with one scratch table.
    static let sliceSize = 256

    /// Weighted term counts of one document (grouped by ``partitions``), and its length in terms,
    /// counted in `scratch`.
    static func termCounts(of document: SearchDocument, scratch: inout TermScratch) -> DocumentTerms {
        scratch.clear()
        func add(_ text: String, weight: Int) {
            SearchText.forEachTerm(ofNormalised: SearchText.normalise(text)) { scratch.add($0, weight: weight) }
        }
        if document.kind == .page || document.kind == .glossary { add(document.title, weight: titleWeight) }
        add(document.heading, weight: document.kind == .quiz ? 1 : headingWeight)
        add(document.text, weight: 1)
        return scratch.grouped(partitions: partitions)
    }
}

/// One document's weighted term counts, grouped by partition in one flat array (one allocation per
/// document instead of one per partition), and its length in terms.
struct DocumentTerms: Sendable {
    var terms: [(term: SearchTerm, count: Int)]
    /// Partition `p`'s terms are `terms[starts[p]..<starts[p + 1]]`.
    var starts: [Int]
    var length: Int

    func terms(of part: Int) -> ArraySlice<(term: SearchTerm, count: Int)> { terms[starts[part]..<starts[part + 1]] }
}

/// The counting tables of one task, emptied between documents but never freed: 100,000 documents
/// would otherwise each build and free their own.
struct TermScratch {
    private var numbering = TermNumbering()
    private var totals: [Int] = []
    private var length = 0

    mutating func clear() {
        numbering.removeAll()
        totals.removeAll(keepingCapacity: true)
        length = 0
    }

    mutating func add(_ term: SearchTerm, weight: Int) {
        let number = numbering.number(of: term)
        if number == totals.count { totals.append(0) }
        totals[number] += weight
        length += 1
    }

    /// The counts by partition (a term's first scalar modulo `partitions`), by a counting sort.
    func grouped(partitions: Int) -> DocumentTerms {
        let terms = numbering.terms
        var starts = Array(repeating: 0, count: partitions + 1)
        for term in terms { starts[Int(term.firstScalarValue) % partitions + 1] += 1 }
        for part in 0..<partitions { starts[part + 1] += starts[part] }
        var next = starts
        let placeholder: (term: SearchTerm, count: Int) = (.ideographic(0), 0)
        var grouped = Array(repeating: placeholder, count: terms.count)
        for (number, term) in terms.enumerated() {
            let part = Int(term.firstScalarValue) % partitions
            grouped[next[part]] = (term, totals[number])
            next[part] += 1
        }
        return DocumentTerms(terms: grouped, starts: starts, length: length)
    }
}

/// One partition's term → (document, count) lists while documents are counted.
///
/// `@unchecked Sendable` is safe here: each table is mutated only inside `Parallel.map` over the
/// partition numbers, where the iteration for partition `p` is the only one touching `tables[p]`,
/// and the rounds are sequential (`concurrentPerform` returns only after every iteration ended,
/// which orders one round's writes before the next round's and before `take()`).
private final class PartitionTable: @unchecked Sendable {
    private var numbering = TermNumbering()
    /// Every (term, count) in the order added: flat arrays instead of a growing array per term,
    /// grouped by term only once, in ``take()``. Eight bytes an entry: the document is not repeated
    /// in every entry but kept once per run of its entries (`runs`). At 10,000 lessons these tables
    /// were the build's peak memory.
    private var terms: [Int32] = []
    private var counts: [UInt32] = []
    /// Each document with terms in this partition, and where its entries start.
    private var runs: [(document: Int32, start: Int32)] = []
    private let expectedDocuments: Int
    private var reserved = false

    init(expectedDocuments: Int) { self.expectedDocuments = expectedDocuments }

    func add(_ counted: [DocumentTerms], part: Int, firstDocument: Int) {
        defer {
            // After the first chunk, room for all documents at the same rate (and an eighth more): the
            // arrays are not regrown (each doubling held the old and the new copy at once).
            if !reserved, firstDocument + counted.count > 0 {
                reserved = true
                let estimate = terms.count * expectedDocuments / (firstDocument + counted.count) * 9 / 8
                terms.reserveCapacity(estimate)
                counts.reserveCapacity(estimate)
            }
        }
        for (offset, document) in counted.enumerated() {
            let entries = document.terms(of: part)
            guard !entries.isEmpty else { continue }
            runs.append((Int32(truncatingIfNeeded: firstDocument + offset), Int32(truncatingIfNeeded: terms.count)))
            for (term, count) in entries {
                terms.append(Int32(truncatingIfNeeded: numbering.number(of: term)))
                counts.append(UInt32(truncatingIfNeeded: count))
            }
        }
    }

    /// The lists by term (documents ascending, as added), leaving the table empty so that they
    /// are freed once scored. Each entry's `score` holds the term's count in the document until
    /// ``SearchIndex`` scores the list in place.
    func take() -> [(term: SearchTerm, list: [(document: Int32, score: Int32)])] {
        defer {
            numbering = TermNumbering()
            terms = []
            counts = []
            runs = []
        }
        var lengths = Array(repeating: 0, count: numbering.terms.count)
        for term in terms { lengths[Int(term)] += 1 }
        var lists = lengths.map { length -> [(document: Int32, score: Int32)] in
            var list: [(document: Int32, score: Int32)] = []
            list.reserveCapacity(length)
            return list
        }
        for (number, run) in runs.enumerated() {
            let end = number + 1 < runs.count ? Int(runs[number + 1].start) : terms.count
            for entry in Int(run.start)..<end {
                lists[Int(terms[entry])].append((run.document, Int32(truncatingIfNeeded: counts[entry])))
            }
        }
        return Array(zip(numbering.terms, lists)).map { (term: $0.0, list: $0.1) }
    }
}
