/// The 五十音 row (あ行, か行 …) a reading starts in, so the glossary page can group terms
/// the way a Japanese dictionary does: voiced and small kana count with their plain row,
/// katakana with hiragana, and anything else (Latin letters, digits) goes to a final 英数字 group.
public enum GojuonRow {
    /// The rows in order, each with the hiragana that open it.
    public static let rows: [(name: String, kana: String)] = [
        ("あ", "ぁあぃいぅうゔぇえぉお"), ("か", "かがきぎくぐけげこご"), ("さ", "さざしじすずせぜそぞ"),
        ("た", "ただちぢっつづてでとど"), ("な", "なにぬねの"), ("は", "はばぱひびぴふぶぷへべぺほぼぽ"),
        ("ま", "まみむめも"), ("や", "ゃやゅゆょよ"), ("ら", "らりるれろ"), ("わ", "ゎわゐゑをん"),
    ]
    /// The name of the group for readings that start with no kana.
    public static let other = "英数字"

    /// The row of `reading`'s first character (`"が…"` → `"か"`), or ``other``.
    public static func row(of reading: String) -> String {
        guard var scalar = reading.unicodeScalars.first else { return other }
        if (0x30A1...0x30F6).contains(scalar.value), let hiragana = Unicode.Scalar(scalar.value - 0x60) { scalar = hiragana }
        let first = Character(scalar)
        return rows.first { $0.kana.contains(first) }?.name ?? other
    }

    /// Where a row stands in order (英数字 last).
    public static func order(of row: String) -> Int { rows.firstIndex { $0.name == row } ?? rows.count }
}
