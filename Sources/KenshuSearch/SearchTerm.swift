/// An index term while documents are counted, without making a `String` for each occurrence:
/// Japanese bigrams and single characters are two scalars packed into an integer (hashed as one
/// word), Latin words stay text. Hashing millions of small non-ASCII strings (with their Unicode
/// normalisation checks) was most of the index's time at 10,000 pages.
enum SearchTerm: Hashable, Sendable {
    /// `first << 21 | second` for a pair; `first | 1 << 63` for a run of one character.
    case ideographic(UInt64)
    case word(String)

    static func pair(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> SearchTerm {
        .ideographic(UInt64(first.value) << 21 | UInt64(second.value))
    }

    static func single(_ scalar: Unicode.Scalar) -> SearchTerm { .ideographic(UInt64(scalar.value) | 1 << 63) }

    /// The term as the index files and `search.js` write it.
    var string: String {
        switch self {
        case .word(let word): return word
        case .ideographic(let packed):
            var scalars = String.UnicodeScalarView()
            if packed & 1 << 63 != 0 {
                if let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: packed & 0x1F_FFFF)) { scalars.append(scalar) }
            } else {
                if let first = Unicode.Scalar(UInt32(truncatingIfNeeded: packed >> 21)) { scalars.append(first) }
                if let second = Unicode.Scalar(UInt32(truncatingIfNeeded: packed & 0x1F_FFFF)) { scalars.append(second) }
            }
            return String(scalars)
        }
    }

    /// The value of the term's first scalar (which sorts terms into partitions and shards).
    var firstScalarValue: UInt32 {
        switch self {
        case .word(let word): return word.unicodeScalars.first?.value ?? 0
        case .ideographic(let packed):
            return UInt32(truncatingIfNeeded: packed & 1 << 63 != 0 ? packed & 0x1F_FFFF : packed >> 21)
        }
    }
}
