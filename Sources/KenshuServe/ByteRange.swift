import KenshuCore

/// A `Range` request field (RFC 9110 §14.2) read for one range of bytes, as video players and PDF viewers ask.
/// Several ranges, other units or a malformed field are answered with the whole file, as the RFC allows.
enum ByteRange: Equatable {
    /// Bytes `lowerBound..<upperBound`.
    case part(Range<UInt64>)
    /// A range starting past the end: `416` with the file's size.
    case unsatisfiable
    case whole

    static func parse(_ field: String, size: UInt64) -> ByteRange {
        let value = field.trimmingBlanks()
        guard value.lowercased().hasPrefix("bytes="), !value.contains(",") else { return .whole }
        let spec = value.dropFirst("bytes=".count).trimmingBlanks()
        guard let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash].trimmingBlanks(), last = spec[spec.index(after: dash)...].trimmingBlanks()
        guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit), !(first.isEmpty && last.isEmpty) else { return .whole }
        if first.isEmpty {
            // `bytes=-500`: the last 500 bytes.
            guard let count = UInt64(last) else { return .whole }
            guard count > 0, size > 0 else { return .unsatisfiable }
            return .part((size - min(count, size))..<size)
        }
        // Digits past UInt64 start past any file's end.
        guard let start = UInt64(first) else { return .unsatisfiable }
        guard start < size else { return .unsatisfiable }
        guard !last.isEmpty else { return .part(start..<size) }
        guard let end = UInt64(last) else { return .part(start..<size) }
        guard end >= start else { return .whole }
        return .part(start..<(min(end, size - 1) + 1))
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
