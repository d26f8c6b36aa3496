/// GitHub's, Qiita's, Backlog's and Slack's emoji shortcodes (`:warning:`, `:bulb:`), as authors paste them
/// from those tools: the common ones become the emoji itself, which every offline PC draws with its own
/// font. A name not listed here stays as written.
enum EmojiShortcodes {
    static let emoji: [String: String] = [
        "warning": "\u{26A0}\u{FE0F}", "bulb": "\u{1F4A1}", "memo": "\u{1F4DD}", "pencil": "\u{1F4DD}", "pencil2": "\u{270F}\u{FE0F}",
        "information_source": "\u{2139}\u{FE0F}", "exclamation": "\u{2757}", "heavy_exclamation_mark": "\u{2757}",
        "grey_exclamation": "\u{2755}", "question": "\u{2753}", "grey_question": "\u{2754}", "bangbang": "\u{203C}\u{FE0F}",
        "white_check_mark": "\u{2705}", "heavy_check_mark": "\u{2714}\u{FE0F}", "ballot_box_with_check": "\u{2611}\u{FE0F}",
        "x": "\u{274C}", "o": "\u{2B55}", "o2": "\u{1F17E}\u{FE0F}", "ng": "\u{1F196}", "ok": "\u{1F197}", "new": "\u{1F195}",
        "sos": "\u{1F198}", "beginner": "\u{1F530}", "no_entry": "\u{26D4}", "no_entry_sign": "\u{1F6AB}",
        "stop_sign": "\u{1F6D1}", "construction": "\u{1F6A7}", "rotating_light": "\u{1F6A8}", "red_circle": "\u{1F534}",
        "large_blue_circle": "\u{1F535}", "white_circle": "\u{26AA}", "black_circle": "\u{26AB}", "star": "\u{2B50}",
        "sparkles": "\u{2728}", "zap": "\u{26A1}", "fire": "\u{1F525}", "tada": "\u{1F389}", "rocket": "\u{1F680}",
        "pushpin": "\u{1F4CC}", "round_pushpin": "\u{1F4CD}", "paperclip": "\u{1F4CE}", "link": "\u{1F517}", "key": "\u{1F511}",
        "lock": "\u{1F512}", "unlock": "\u{1F513}", "mag": "\u{1F50D}", "bell": "\u{1F514}", "calendar": "\u{1F4C6}",
        "date": "\u{1F4C5}", "clipboard": "\u{1F4CB}", "book": "\u{1F4D6}", "books": "\u{1F4DA}", "bookmark": "\u{1F516}",
        "page_facing_up": "\u{1F4C4}", "file_folder": "\u{1F4C1}", "open_file_folder": "\u{1F4C2}", "email": "\u{1F4E7}",
        "envelope": "\u{2709}\u{FE0F}", "telephone_receiver": "\u{1F4DE}", "phone": "\u{260E}\u{FE0F}", "computer": "\u{1F4BB}",
        "desktop_computer": "\u{1F5A5}\u{FE0F}", "printer": "\u{1F5A8}\u{FE0F}", "gear": "\u{2699}\u{FE0F}", "wrench": "\u{1F527}",
        "hammer": "\u{1F528}", "hammer_and_wrench": "\u{1F6E0}\u{FE0F}", "bug": "\u{1F41B}", "shield": "\u{1F6E1}\u{FE0F}",
        "cloud": "\u{2601}\u{FE0F}", "office": "\u{1F3E2}", "classical_building": "\u{1F3DB}\u{FE0F}", "moneybag": "\u{1F4B0}",
        "yen": "\u{1F4B4}", "chart_with_upwards_trend": "\u{1F4C8}", "bar_chart": "\u{1F4CA}", "hourglass": "\u{231B}",
        "alarm_clock": "\u{23F0}", "eyes": "\u{1F440}", "point_right": "\u{1F449}", "point_left": "\u{1F448}",
        "point_up": "\u{261D}\u{FE0F}", "point_down": "\u{1F447}", "+1": "\u{1F44D}", "thumbsup": "\u{1F44D}", "-1": "\u{1F44E}",
        "thumbsdown": "\u{1F44E}", "clap": "\u{1F44F}", "pray": "\u{1F64F}", "bow": "\u{1F647}", "muscle": "\u{1F4AA}",
        "smile": "\u{1F604}", "smiley": "\u{1F603}", "blush": "\u{1F60A}", "sweat_smile": "\u{1F605}", "thinking": "\u{1F914}",
        "cry": "\u{1F622}", "arrow_right": "\u{27A1}\u{FE0F}", "arrow_left": "\u{2B05}\u{FE0F}", "arrow_up": "\u{2B06}\u{FE0F}",
        "arrow_down": "\u{2B07}\u{FE0F}", "arrow_forward": "\u{25B6}\u{FE0F}", "heavy_plus_sign": "\u{2795}",
        "heavy_minus_sign": "\u{2796}", "one": "1\u{FE0F}\u{20E3}", "two": "2\u{FE0F}\u{20E3}", "three": "3\u{FE0F}\u{20E3}",
        "four": "4\u{FE0F}\u{20E3}", "five": "5\u{FE0F}\u{20E3}", "100": "\u{1F4AF}",
    ]

    /// `text` with each listed `:name:` that stands alone (not glued to a letter or digit on either side,
    /// so `10:30:00` and `a:x:b` stay) replaced by its emoji; `nil` when nothing was replaced.
    static func replaced(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var copied = 0, index = 0, changed = false
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: ":"), index == 0 || !isWordByte(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, end - index <= 40, isNameByte(bytes[end]) { end += 1 }
            guard end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: ":"),
                  end + 1 == bytes.count || !isWordByte(bytes[end + 1]),
                  let emoji = emoji[String(decoding: bytes[(index + 1)..<end], as: UTF8.self)] else {
                index += 1
                continue
            }
            out += bytes[copied..<index]
            out += Array(emoji.utf8)
            copied = end + 1
            index = end + 1
            changed = true
        }
        guard changed else { return nil }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
    }
}
