/// One page's anchors (ids and `<a name>`s) as their hashes, sorted: what the site check keeps of
/// every page until all pages are read, so that links with a fragment into another page can be
/// checked. A sorted array takes about half the memory of a `Set<Int>` and is searched by halving;
/// hashes are compared only within one run.
struct AnchorHashes: Sendable {
    private let sorted: [Int]

    /// From the anchors' hashes (`String.hashValue`, as ``PageScan`` keeps them).
    init(hashes: some Sequence<Int>) {
        var hashes = Array(hashes)
        hashes.sort()
        var unique: [Int] = []
        unique.reserveCapacity(hashes.count)
        for hash in hashes where unique.last != hash { unique.append(hash) }
        sorted = unique
    }

    func contains(_ anchor: String) -> Bool {
        let hash = anchor.hashValue
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == hash
    }
}
