/// A folder or file typed on the command line as Windows writes it: authors copy paths from Explorer and from
/// site.yml (where `base:` and `hide:` already read `\` as `/`). Without this, `--output ..\exports\` wrote a file
/// named `..\exports\` here and reported success.
enum PathInput {
    /// `\` read as `/` (on Windows, where it is the separator already, the path is left as typed).
    static func normalized(_ path: String) -> String {
        #if os(Windows)
        return path
        #else
        return path.replacingOccurrences(of: "\\", with: "/")
        #endif
    }

    /// The drive (`C:`) or network place (`\\server`) a Windows path starts with, which this computer has not;
    /// `nil` for any other path.
    static func windowsDrive(_ path: String) -> String? {
        #if os(Windows)
        return nil
        #else
        let characters = Array(path)
        // `C:\x`, `C:/x`, and `C:x` (relative to that drive's current folder).
        if characters.count >= 2, let letter = characters.first, letter.isASCII, letter.isLetter, characters[1] == ":" {
            return String(characters[0...1])
        }
        // `\\server\share`, and `\\` alone (which would read as `/`).
        if path.hasPrefix("\\\\") {
            return "\\\\" + path.dropFirst(2).prefix { $0 != "\\" && $0 != "/" }
        }
        return nil
        #endif
    }
}
