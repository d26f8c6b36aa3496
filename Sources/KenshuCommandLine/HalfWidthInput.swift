/// Words typed with the Japanese input method still on: `－－ｏｕｔｐｕｔ`, `ーーstrict`, `８０８０`, a
/// full-width space, or `—strict` after autocorrect joined two hyphens. Kenshu does not guess
/// silently; it names the half-width spelling in the error instead.
enum HalfWidthInput {
    /// The half-width spelling of `text`, or `nil` when there is none to suggest: nothing full-width
    /// in it, or a word that is Japanese anyway (`コース` is not a mistyped `コ-ス`).
    static func halfWidth(_ text: String) -> String? {
        var scalars = String.UnicodeScalarView()
        var leading = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0xFF01...0xFF5E:  // ！ … ～ → ! … ~
                scalars.append(Unicode.Scalar(value - 0xFEE0) ?? scalar)
            case 0x3000:  // ideographic space
                scalars.append(" ")
            case 0x2013...0x2014 where leading && text.unicodeScalars.count > 1:  // – — where autocorrect joined --
                scalars.append(contentsOf: "--".unicodeScalars)
            case 0x30FC, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212:  // ー ‐ ‑ ‒ – — ― −
                scalars.append("-")
            default:
                scalars.append(scalar)
            }
            leading = false
        }
        let result = String(scalars)
        guard result != text, result.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        return result
    }
}
