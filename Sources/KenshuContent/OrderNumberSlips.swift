/// Reads an order number written the way Windows and Japanese input methods leave it — full-width
/// digits (`０１-概要.md`) or a separator other than `-` and `_` (`02 概要.md`, `03.概要.md`,
/// `04－概要.md`) — so the warning can say which name was meant instead of adding a second number.
enum OrderNumberSlips {
    /// The name as it should be (`01-概要.md`), or `nil` when `name` starts with no number written
    /// that way (`extra.md`, or `2024年度.md`, a name that starts with a number).
    static func intendedName(_ name: String) -> String? {
        var digits = ""
        var fullWidth = false
        var rest = Substring(name)
        while let first = rest.first, let digit = halfWidthDigit(first) {
            digits.append(digit)
            fullWidth = fullWidth || digit != first
            rest = rest.dropFirst()
        }
        guard !digits.isEmpty, digits.count < 10 else { return nil }
        let separated = rest.first.map(separators.contains) ?? false
        guard fullWidth || separated else { return nil }
        let blank = rest.first == " " || rest.first == "\u{3000}"
        if separated { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " || $0 == "\u{3000}" || $0 == "-" || $0 == "_" }
        // The name must keep its extension (`01.md` is a number and an extension, not a slip), and a number
        // and a blank read on into hiragana (`5 つの原則.md`, `10 の心得.md`) are the title's own, not an order.
        guard !rest.hasPrefix("."), rest.contains("."), let next = rest.unicodeScalars.first,
              !(blank && (0x3041...0x309F).contains(next.value)) else { return nil }
        return String(repeating: "0", count: max(0, 2 - digits.count)) + digits + "-" + rest
    }

    /// What stands between the number and the name: a blank, a dot, or a dash or bar a Japanese keyboard gives.
    static let separators: Set<Character> = [" ", "\u{3000}", ".", "．", "－", "ー", "―", "‐", "＿", "、", "。", "・"]

    private static func halfWidthDigit(_ character: Character) -> Character? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return character
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? "0")
        default: return nil
        }
    }
}
