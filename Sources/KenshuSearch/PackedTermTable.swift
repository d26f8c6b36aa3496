/// A map from packed Japanese terms (``SearchTerm/ideographic(_:)``'s integer) to small integers,
/// by open addressing with a multiplicative hash.
///
/// Why not `Dictionary`: counting a 10,000-page course looks terms up tens of millions of times,
/// and `Dictionary` hashes every key with SipHash through `Hasher`, which was the largest single
/// cost of the index in profiles. A packed term is already a well-spread integer.
struct PackedTermTable {
    /// A key and its value side by side: one cache line per probe in a large table.
    private struct Slot {
        /// `0` marks an empty slot: a packed term is never 0 (a pair's first scalar is at least
        /// U+3005, a single character has bit 63 set).
        var key: UInt64
        var value: Int
    }

    private var slots: [Slot]
    private var shift: Int
    /// The slots in use, so that ``removeAll()`` clears only those.
    private var used: [Int] = []
    var count: Int { used.count }

    init(capacity: Int = 64) {
        var bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        slots = Array(repeating: Slot(key: 0, value: 0), count: 1 << bits)
        shift = 64 - bits
    }

    /// The value stored for `key`, inserting `make()` first when the key is new.
    mutating func slot(for key: UInt64, make: () -> Int) -> Int {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let start = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
        let (value, inserted) = slots.withUnsafeMutableBufferPointer { buffer -> (Int, Int?) in
            let mask = buffer.count - 1
            var index = start
            while true {
                let found = buffer[index].key
                if found == key { return (buffer[index].value, nil) }
                if found == 0 {
                    let value = make()
                    buffer[index] = Slot(key: key, value: value)
                    return (value, index)
                }
                index = (index + 1) & mask
            }
        }
        if let inserted { used.append(inserted) }
        return value
    }

    /// Empties the table, keeping its size: one table serves document after document.
    mutating func removeAll() {
        for index in used { slots[index].key = 0 }
        used.removeAll(keepingCapacity: true)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: 0, value: 0), count: old.count * 2)
        shift -= 1
        used.removeAll(keepingCapacity: true)
        for entry in old where entry.key != 0 {
            _ = slot(for: entry.key) { entry.value }
        }
    }
}

/// Terms of any kind mapped to dense numbers `0..<count`, in first-seen order: Japanese terms through
/// ``PackedTermTable``, Latin words through a dictionary.
struct TermNumbering {
    private var packed = PackedTermTable()
    private var words: [String: Int] = [:]
    private(set) var terms: [SearchTerm] = []

    /// The number of `term`, numbering it if new.
    mutating func number(of term: SearchTerm) -> Int {
        switch term {
        case .ideographic(let key):
            let next = terms.count
            let number = packed.slot(for: key) { next }
            if number == next { terms.append(term) }
            return number
        case .word(let word):
            if let number = words[word] { return number }
            let number = terms.count
            words[word] = number
            terms.append(term)
            return number
        }
    }

    /// Forgets every term, keeping the tables' storage for the next document.
    mutating func removeAll() {
        packed.removeAll()
        words.removeAll(keepingCapacity: true)
        terms.removeAll(keepingCapacity: true)
    }
}
