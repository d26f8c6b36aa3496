/// Words typed with the Japanese input method still on: `－－ｏｕｔｐｕｔ`, `ーーstrict`, a full-width
/// space. Kenshu does not guess silently; it names the half-width spelling in the error instead.
enum HalfWidthInput {
    /// The half-width spelling of `text`, or `nil` when it has nothing full-width to change.
    static func halfWidth(_ text: String) -> String? {
        var changed = false
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let replacement: Unicode.Scalar?
            switch value {
            case 0xFF01...0xFF5E: replacement = Unicode.Scalar(value - 0xFEE0)  // ！ … ～ → ! … ~
            case 0x3000: replacement = " "  // ideographic space
            case 0x30FC, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: replacement = "-"  // ー ‐ ‑ ‒ – — ― −
            default: replacement = nil
            }
            if let replacement {
                scalars.append(replacement)
                changed = true
            } else {
                scalars.append(scalar)
            }
        }
        return changed ? String(scalars) : nil
    }
}
