/// Finds the closest name to a misspelled one, for "did you mean …?" advice.
public enum ClosestMatch {
    /// The candidate with the smallest edit distance, if it is close enough to be a plausible typo.
    public static func find(_ name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(target, Array(candidate.lowercased()))
            if let current = best, current.1 <= d { continue }
            best = (candidate, d)
        }
        guard let (match, d) = best else { return nil }
        return d <= max(2, target.count / 2) ? match : nil
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1,
                                       previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
