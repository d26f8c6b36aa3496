import Foundation
import KenshuCore
import KenshuSite

/// Writes a ``SearchIndex`` as classic scripts under `search/`, each assigning into the global
/// `KENSHU_SEARCH_DATA`: pages load them with `<script>`, which works from `file://` where
/// `fetch()` of a local file does not.
public enum SearchScripts {
    /// About this many bytes of section text make one term shard (roughly 40–100 KB of script).
    static let textBytesPerShard = 160_000
    /// About this many bytes of text go into one document chunk.
    static let bytesPerChunk = 16 * 1024

    /// How the index is cut into files. It is worked out from the site's shape and text sizes alone
    /// (no index needed), so the preview server lists the files without building the index until
    /// someone searches.
    public struct Layout: Sendable, Equatable {
        public var termShards: Int
        public var documentsPerChunk: Int
        public var documentCount: Int

        /// `search/meta.js`, every term shard and every document chunk.
        public var paths: [String] {
            ["search/meta.js"] + (0..<termShards).map { "search/terms-\($0).js" } + (0..<documentChunks).map(SearchScripts.documentPath)
        }

        /// How many `search/docs-*.js` files there are.
        public var documentChunks: Int { (documentCount + documentsPerChunk - 1) / documentsPerChunk }

        init(documentCount: Int, textBytes: Int) {
            termShards = min(256, max(1, textBytes / SearchScripts.textBytesPerShard))
            let average = max(1, textBytes / max(1, documentCount))
            documentsPerChunk = min(1024, max(16, SearchScripts.bytesPerChunk / average))
            self.documentCount = documentCount
        }
    }

    /// The layout for a site, from counts and byte sizes only.
    public static func layout(for site: Site) -> Layout {
        var count = site.glossary.count
        var bytes = site.glossary.reduce(0) { $0 + $1.definition.utf8.count }
        // Indices rather than `for page in`: copying each whole page costs more than the counting.
        for index in site.pages.indices {
            let sections = site.pages[index].body.sections
            count += SearchDocument.count(sections: sections, models: site.pages[index].body.models)
            for section in sections { bytes += section.text.utf8.count }
        }
        return Layout(documentCount: count, textBytes: bytes)
    }

    /// The layout for documents already collected (tests, other callers without a site).
    public static func layout(of documents: [SearchDocument]) -> Layout {
        Layout(documentCount: documents.count, textBytes: documents.reduce(0) { $0 + $1.text.utf8.count })
    }

    /// The shard a term lives in: its first Unicode scalar modulo the shard count (search.js does the same).
    public static func shard(of term: String, shards: Int) -> Int {
        Int(term.unicodeScalars.first?.value ?? 0) % shards
    }

    /// Every file of `layout.paths`, by path under the site root.
    public static func files(for index: consuming SearchIndex, layout: Layout) -> [(path: String, contents: String)] {
        let (files, documents) = indexFiles(for: index, layout: layout)
        return files + (0..<layout.documentChunks).map { documentFile($0, of: documents, layout: layout) }
    }

    /// `search/meta.js` and the term shards, and the documents left for ``documentFile(_:of:layout:)``:
    /// a build makes each document chunk when it writes it, so that the chunks' text (≈ 50 MB at
    /// 10,000 lessons) is never held at once.
    ///
    /// The index is taken (`consuming`): each group of term shards takes its postings out of it as it
    /// is written, so the index's memory is given back while the files' text grows, instead of both
    /// being held at once.
    public static func indexFiles(
        for index: consuming SearchIndex, layout: Layout
    ) -> (files: [(path: String, contents: String)], documents: [SearchDocument]) {
        var files: [(String, String)] = [("search/meta.js", meta(index, layout: layout))]
        var shards = Array(repeating: [String](), count: layout.termShards)
        // In UTF-8 byte order, which for these NFC terms is `String`'s order, without its normalising comparison.
        for term in index.postings.keys.sorted(by: SearchScripts.utf8Precedes) {
            shards[shard(of: term, shards: layout.termShards)].append(term)
        }
        let documents = index.documents
        index.documents = []
        var remaining = index.postings
        index.postings = [:]
        let numbered = Array(shards.enumerated())
        for start in stride(from: 0, to: numbered.count, by: shardsPerRound) {
            let round = Array(numbered[start..<min(numbered.count, start + shardsPerRound)])
            var taken: [String: PostingList] = [:]
            for (_, terms) in round {
                for term in terms { taken[term] = remaining.removeValue(forKey: term) }
            }
            files += termFiles(round, postings: taken)
        }
        return (files, documents)
    }

    /// How many term shards are written between two hand-backs of their postings.
    static let shardsPerRound = 16

    private static func termFiles(
        _ shards: [(offset: Int, element: [String])], postings: [String: PostingList]
    ) -> [(String, String)] {
        Parallel.map(shards) { number, terms -> (String, String) in
            // Written as bytes: appending each posting's characters to a String was most of this step.
            var out = Array((prefix + "[\"t\(number)\"]={").utf8)
            for (position, term) in terms.enumerated() {
                if position > 0 { out += ",\n".utf8 }
                JSONText.append(term, to: &out)
                out += ":\"".utf8
                out += postings[term]?.code ?? []
                out.append(UInt8(ascii: "\""))
            }
            out += "};\n".utf8
            return ("search/terms-\(number).js", String(decoding: out, as: UTF8.self))
        }
    }

    /// `search/docs-<chunk>.js`: documents `chunk × layout.documentsPerChunk` onwards.
    public static func documentFile(_ chunk: Int, of documents: [SearchDocument], layout: Layout) -> (path: String, contents: String) {
        let start = min(documents.count, max(0, chunk) * layout.documentsPerChunk)
        let chosen = documents[start..<min(documents.count, start + layout.documentsPerChunk)]
        // Written into one byte buffer: a string per field, per row and per join was most of this step.
        var out = Array((prefix + "[\"d\(chunk)\"]=[\n").utf8)
        out.reserveCapacity(out.count + chosen.reduce(0) { $0 + $1.text.utf8.count + $1.href.utf8.count + 64 })
        for (position, document) in chosen.enumerated() {
            if position > 0 { out += ",\n".utf8 }
            out.append(UInt8(ascii: "["))
            for (field, text) in [String(document.kind.rawValue.prefix(1)), document.title, document.heading, document.href, document.text].enumerated() {
                if field > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.append(text, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out += "];\n".utf8
        return (documentPath(chunk), String(decoding: out, as: UTF8.self))
    }

    static func documentPath(_ chunk: Int) -> String { "search/docs-\(chunk).js" }

    /// Whether `a` sorts before `b` by UTF-8 bytes: `String`'s own `<` for NFC text (scalar order is
    /// byte order), without re-checking normalisation on every comparison.
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = min(x.count, y.count)
                if common > 0, let left = x.baseAddress, let right = y.baseAddress {
                    let order = memcmp(left, right, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
        return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    static let prefix = "window.KENSHU_SEARCH_DATA=window.KENSHU_SEARCH_DATA||{};KENSHU_SEARCH_DATA"

    static func meta(_ index: SearchIndex, layout: Layout) -> String {
        let synonyms = "[" + index.synonyms.map { "[" + $0.map(JSONText.string).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
        return "/* Built by Kenshu: the search index's layout. */\n" + prefix
            + ".meta={\"version\":1,\"terms\":\(layout.termShards),\"chunk\":\(layout.documentsPerChunk),"
            + "\"documents\":\(index.documents.count),\"synonyms\":\(synonyms)};\n"
    }
}

/// Postings as text: each number (document gap, then score) in base 32, most significant digit first,
/// every digit but the last taken from the upper half of a 64-letter alphabet. Half the bytes of JSON
/// numbers and commas; search.js reads it back.
enum PostingCode {
    /// A literal, not an `Array`: a `static let` made by a call is initialised lazily and checked on
    /// every use, about nine million times at 10,000 lessons.
    static let alphabet: StaticString = "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_"

    private static func letter(_ index: Int) -> UInt8 { alphabet.utf8Start[index] }

    static func append(_ number: Int, to out: inout [UInt8]) {
        let value = max(0, number)
        var shift = 0
        while value >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            out.append(letter(32 + ((value >> shift) & 31)))
            shift -= 5
        }
        out.append(letter(value & 31))
    }

    /// A byte's place in ``alphabet`` (32 and above: a digit with more to follow), or nil.
    static func digit(of byte: UInt8) -> Int? {
        UnsafeBufferPointer(start: alphabet.utf8Start, count: alphabet.utf8CodeUnitCount).firstIndex(of: byte)
    }
}
