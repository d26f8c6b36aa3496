import Foundation

extension StringProtocol {
    /// Whether every byte is ASCII; lets hot paths skip Unicode normalisation and encoding work.
    @inlinable public var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}

extension String {
    /// NFC, the form Kenshu uses for every path, id and key; ASCII text is returned as it is.
    public var nfc: String { isASCII ? self : precomposedStringWithCanonicalMapping }
}
