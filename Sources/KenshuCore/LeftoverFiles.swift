/// Files that operating systems, office suites and editors leave beside an author's own: hidden files,
/// Windows' thumbnail caches and folder settings (`Thumbs.db`, `desktop.ini`), Office's lock files
/// (`~$資料.docx`), backups and swap files (`a.md~`, `a.md.bak`, `.a.md.swp`, `#a.md#`, `~WRL0001.tmp`), the
/// safe-write copies of JetBrains editors and Visual Studio (`a.md___jb_tmp___`, `a.md___jb_old___`, `a.md.TMP`)
/// and the `__MACOSX` folder of a zip made on a Mac.
///
/// They are never course material: the content walk skips them (a lesson's `.bak` copy would otherwise
/// be published with its quiz answers, and in every export), and the preview does not rebuild for them.
public enum LeftoverFiles {
    /// Whether a file or folder named `name` (one path component) is such a leftover.
    public static func isLeftover(_ name: String) -> Bool {
        if name.hasUTF8Prefix(".") || name.hasUTF8Suffix("~") || name.hasUTF8Prefix("~$") { return true }
        if name.utf8.count > 1, name.hasUTF8Prefix("#"), name.hasUTF8Suffix("#") { return true }
        let lowered = String(decoding: name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        if wholeNames.contains(lowered) { return true }
        return endings.contains { lowered.hasUTF8Suffix($0) }
    }

    /// Compared in ASCII lower case: Windows writes `Thumbs.db` and `Desktop.ini` in either case.
    static let wholeNames: Set<String> = ["thumbs.db", "ehthumbs.db", "ehthumbs_vista.db", "desktop.ini", "__macosx"]
    static let endings = [".bak", ".tmp", ".swp", ".swo", ".swx", "___jb_tmp___", "___jb_old___", "___jb_bak___"]
}
