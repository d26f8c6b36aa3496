/// A path as advice can show it for pasting into a shell (`cd 'A町 研修'`, `--content 'a b/Content'`).
///
/// Advice is pasted as it is printed: a folder with a space, a quote, `!`, a backtick or `$` would
/// break the command or run something else. Only known-safe characters stay bare; anything else is
/// single-quoted (a quote inside as `'\''`).
public enum ShellWord {
    public static func quoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x7F && scalar.value != 0x3000 || "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-+,:@%".unicodeScalars.contains(scalar)
        }
        return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
