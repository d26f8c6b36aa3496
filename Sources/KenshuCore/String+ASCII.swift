import Foundation

extension StringProtocol {
    /// Whether every byte is ASCII; lets hot paths skip Unicode normalisation and encoding work.
    @inlinable public var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}

extension String {
    /// NFC, the form Kenshu uses for every path, id and key; ASCII text is returned as it is.
    public var nfc: String { isASCII ? self : precomposedStringWithCanonicalMapping }
}

extension StringProtocol {
    /// Trims HTML's ASCII whitespace (space, tab, LF, FF, CR) without going through NSString,
    /// which costs a UTF-16 round trip on Linux; for the link checker's hot path.
    public var trimmingHTMLWhitespace: Substring {
        let text = Substring(self)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        guard let first = text.utf8.firstIndex(where: { !isSpace($0) }), let last = text.utf8.lastIndex(where: { !isSpace($0) })
        else { return Substring() }
        return text[first...last]
    }
}
