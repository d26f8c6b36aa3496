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
        let counted: [(counts: [String: Int], length: Int)] = Parallel.map(documents) { Self.termCounts(of: $0) }
        var frequency: [String: Int] = [:]
        for document in counted {
            for term in document.counts.keys { frequency[term, default: 0] += 1 }
        }
        let total = Double(max(documents.count, 1))
        let averageLength = max(1, Double(counted.reduce(0) { $0 + $1.length }) / total)
        var postings: [String: [(document: Int, score: Int)]] = [:]
        postings.reserveCapacity(frequency.count)
        for (number, document) in counted.enumerated() {
            let weight = documents[number].kind == .quiz ? Self.quizWeight : 1
            let norm = Self.k1 * (1 - Self.b + Self.b * Double(document.length) / averageLength)
            for (term, count) in document.counts {
                let df = Double(frequency[term] ?? 1)
                let idf = log(1 + (total - df + 0.5) / (df + 0.5))
                let tf = Double(count)
                let score = weight * idf * tf * (Self.k1 + 1) / (tf + norm)
                postings[term, default: []].append((number, min(255, max(1, Int((score * 8).rounded())))))
            }
        }
        self.postings = postings
    }

    /// Weighted term counts of one document, and its length in terms.
    static func termCounts(of document: SearchDocument) -> (counts: [String: Int], length: Int) {
        var counts: [String: Int] = [:]
        var length = 0
        func add(_ text: String, weight: Int) {
            for term in SearchText.tokens(ofNormalised: SearchText.normalise(text)) {
                counts[term, default: 0] += weight
                length += 1
            }
        }
        if document.kind == .page || document.kind == .glossary { add(document.title, weight: titleWeight) }
        add(document.heading, weight: document.kind == .quiz ? 1 : headingWeight)
        add(document.text, weight: 1)
        return (counts, length)
    }
}
