/// Escaping for text placed in HTML, shared by the Markdown renderer and the theme.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` exactly as libcmark does, so rendered Markdown matches the spec.
    public static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
