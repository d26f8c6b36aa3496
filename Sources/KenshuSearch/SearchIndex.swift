import Foundation
import KenshuCore

/// The search index: for every term, the documents that contain it with a score computed at
/// build time (BM25 with the page title counting three times and the heading twice), so the
/// browser only adds numbers. Terms are sharded by their first character, documents in
/// reading-order chunks: one query loads a few small files, whatever the size of the course.
public struct SearchIndex: Sendable {
    public var documents: [SearchDocument]
    /// Term → (document number, score × 8, from 1 to 255), document numbers ascending, kept encoded
    /// (``PostingList``): the postings are most of the index's memory.
    public var postings: [String: PostingList]
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
                var scalars: [Unicode.Scalar] = []
                return slice.map { Self.termCounts(of: documents[$0], scratch: &scratch, scalars: &scalars) }
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
        let parts = Parallel.map(Array(0..<Self.partitions)) { part -> [String: PostingList] in
            var counts = tables[part].take()
            var scored: [String: PostingList] = [:]
            scored.reserveCapacity(counts.count)
            var scratch: [UInt8] = []
            for entry in counts.indices {
                // Scored in place: the list is moved out (uniquely held), its counts overwritten by
                // scores, encoded, and freed before the next term's.
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
                scored[counts[entry].term.string] = PostingList(list, scratch: &scratch)
            }
            return scored
        }
        var postings: [String: PostingList] = [:]
        postings.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { postings.merge(part) { first, _ in first } }
        self.postings = postings
    }

    /// How many groups of terms are scored in parallel. While one group is scored, every group's
    /// counting table is still held: more, smaller groups keep less of both at once.
    static let partitions = 16
    /// How many documents are counted before their counts are moved into the partition tables (their
    /// counts, about 2.5 KB a lesson, are held side by side until then).
    static let chunkSize = 2048
    /// How many documents one task counts with one scratch table.
    static let sliceSize = 256

    /// Weighted term counts of one document (grouped by ``partitions``), and its length in terms,
    /// counted in `scratch`; `scalars` holds each text's normalised scalars (reused from text to text).
    static func termCounts(of document: SearchDocument, scratch: inout TermScratch, scalars: inout [Unicode.Scalar]) -> DocumentTerms {
        scratch.clear()
        func add(_ text: String, weight: Int) {
            // Most text takes the quick way, into the reused buffer; the rest goes through Foundation.
            if !SearchText.quickNormalise(text, into: &scalars) { scalars = Array(SearchText.fullNormalise(text).unicodeScalars) }
            SearchText.forEachTerm(ofNormalised: scalars) { scratch.add($0, weight: weight) }
            if scalars.contains("-") { SearchText.forEachJoinedWord(ofNormalised: scalars) { scratch.add($0, weight: weight) } }
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
