import Foundation
import KenshuCore

/// The search index: for every term, the documents that contain it with a score computed at
/// build time (BM25 with the page title counting three times and the heading twice), so the
/// browser only adds numbers. Terms are sharded by their first character, documents in
/// reading-order chunks: one query loads a few small files, whatever the size of the course.
public struct SearchIndex: Sendable {
    public var documents: [SearchDocument]
    /// Term → (document number, score × 8, at least 1), document numbers ascending.
    public var postings: [String: [(document: Int, score: Int)]]
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
        let tables = (0..<Self.partitions).map { _ in PartitionTable() }
        var lengths: [Int] = []
        lengths.reserveCapacity(documents.count)
        for start in stride(from: 0, to: documents.count, by: Self.chunkSize) {
            let counted = Parallel.map(Array(documents[start..<min(start + Self.chunkSize, documents.count)])) { Self.termCounts(of: $0) }
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
        let parts = Parallel.map(Array(0..<Self.partitions)) { part -> [String: [(document: Int, score: Int)]] in
            let counts = tables[part].take()
            var scored: [String: [(document: Int, score: Int)]] = [:]
            scored.reserveCapacity(counts.count)
            for (term, list) in counts {
                let df = Double(list.count)
                let idf = log(1 + (total - df + 0.5) / (df + 0.5))
                scored[term.string] = list.map { entry in
                    let document = Int(entry.document)
                    let tf = Double(entry.count)
                    let score = weights[document] * idf * tf * (Self.k1 + 1) / (tf + norms[document])
                    return (document, min(255, max(1, Int((score * 8).rounded()))))
                }
            }
            return scored
        }
        var postings: [String: [(document: Int, score: Int)]] = [:]
        postings.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { postings.merge(part) { first, _ in first } }
        self.postings = postings
    }

    /// How many groups of terms are scored in parallel.
    static let partitions = 8
    /// How many documents are counted before their counts are moved into the partition tables.
    static let chunkSize = 4096

    /// Weighted term counts of one document (grouped by ``partitions``), and its length in terms.
    static func termCounts(of document: SearchDocument) -> (counts: [[(term: SearchTerm, count: Int)]], length: Int) {
        var numbering = TermNumbering()
        var totals: [Int] = []
        var length = 0
        func add(_ text: String, weight: Int) {
            SearchText.forEachTerm(ofNormalised: SearchText.normalise(text)) { term in
                let number = numbering.number(of: term)
                if number == totals.count { totals.append(0) }
                totals[number] += weight
                length += 1
            }
        }
        if document.kind == .page || document.kind == .glossary { add(document.title, weight: titleWeight) }
        add(document.heading, weight: document.kind == .quiz ? 1 : headingWeight)
        add(document.text, weight: 1)
        // Plain arrays by partition: fewer tables to grow and keep.
        var counts = Array(repeating: [(term: SearchTerm, count: Int)](), count: partitions)
        for (number, term) in numbering.terms.enumerated() {
            counts[Int(term.firstScalarValue) % partitions].append((term, totals[number]))
        }
        return (counts, length)
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
    private var lists: [[(document: Int32, count: Int32)]] = []

    func add(_ counted: [(counts: [[(term: SearchTerm, count: Int)]], length: Int)], part: Int, firstDocument: Int) {
        for (offset, document) in counted.enumerated() {
            let number = Int32(truncatingIfNeeded: firstDocument + offset)
            for (term, count) in document.counts[part] {
                let slot = numbering.number(of: term)
                if slot == lists.count { lists.append([]) }
                lists[slot].append((number, Int32(truncatingIfNeeded: count)))
            }
        }
    }

    /// The lists by term, leaving the table empty so that they are freed once scored.
    func take() -> [(term: SearchTerm, list: [(document: Int32, count: Int32)])] {
        defer {
            numbering = TermNumbering()
            lists = []
        }
        return Array(zip(numbering.terms, lists)).map { (term: $0.0, list: $0.1) }
    }
}
