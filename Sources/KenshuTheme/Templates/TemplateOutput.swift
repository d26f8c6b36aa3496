/// The one growing buffer a page renders into, and the way values become text in it: HTML-escaped
/// exactly as swift-mustache escapes (`<`, `>`, `&`, `"`, `'`, compared as whole characters).
///
/// The buffer is a `String` reserved once: appending valid text needs no validation, and the page
/// is handed over without a copy. Positions are UTF-8 offsets.
struct TemplateOutput {
    var text = ""

    init(capacity: Int) { text.reserveCapacity(capacity) }

    var count: Int { text.utf8.count }

    mutating func append(_ piece: String) { text.append(piece) }

    /// Whether what was written since `start` ends with a line feed that is its own character
    /// (not the end of a `\r\n`): where a partial's indentation goes.
    func endsLine(since start: Int) -> Bool {
        let bytes = text.utf8
        let end = bytes.count
        guard end > start, bytes[bytes.index(bytes.endIndex, offsetBy: -1)] == 0x0A else { return false }
        return !(end - 2 >= start && bytes[bytes.index(bytes.endIndex, offsetBy: -2)] == 0x0D)
    }

    mutating func removeLast(from position: Int) {
        text.removeSubrange(text.utf8.index(text.utf8.startIndex, offsetBy: position)...)
    }

    /// `value` as swift-mustache prints a variable, escaped for HTML when `escaping`.
    mutating func write(_ value: TemplateValue, escaping: Bool) {
        switch value {
        case .text(let value): escaping ? appendEscaped(value) : append(value)
        case .int(let number): append(String(number))
        case .bool(let flag): append(flag ? "true" : "false")
        case .list(let list):
            let described = Self.describe(list)
            escaping ? appendEscaped(described) : append(described)
        case .object, .none: break
        }
    }

    mutating func appendEscaped(_ value: String) {
        var special = false
        for byte in value.utf8 where byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 {
            special = true
            break
        }
        guard special else { return append(value) }
        // Character by character, as swift-mustache does: `&` followed by a combining mark is one
        // character that is not `&`, and stays as it is.
        for character in value {
            switch character {
            case "<": append("&lt;")
            case ">": append("&gt;")
            case "&": append("&amp;")
            case "\"": append("&quot;")
            case "'": append("&#39;")
            default: text.append(character)
            }
        }
    }

    /// Swift's description of an array of strings, numbers or flags (`["a", "b"]`): what
    /// swift-mustache prints for `{{list}}`. Lists of objects print nothing.
    static func describe(_ list: any TemplateList) -> String {
        guard !(list is ReversedTemplateList) else { return "" }
        var parts: [String] = []
        for index in 0..<list.count {
            switch list.element(at: index) {
            case .text(let text): parts.append(text.debugDescription)
            case .int(let number): parts.append(String(number))
            case .bool(let flag): parts.append(flag ? "true" : "false")
            default: return ""
            }
        }
        return "[" + parts.joined(separator: ", ") + "]"
    }
}
