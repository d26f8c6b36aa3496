import Foundation

/// Lists a folder tree with `readdir`, taking each entry's kind from the directory itself.
///
/// Why not `FileManager.enumerator`: its `fileAttributes` stats every file and builds a dictionary
/// of attributes for it, which was 14 % of `kenshu check` on a 1,000-page site. Entries whose name
/// starts with `.` are skipped with everything under them; symbolic links are listed as files and
/// not followed, as the enumerator did.
enum DirectoryWalk {
    /// Calls `visit(relativePath, isDirectory)` for every entry under `root`, parents before children.
    static func walk(_ root: String, _ visit: (String, Bool) -> Void) {
        walk(root, prefix: "", visit)
    }

    private static func walk(_ folder: String, prefix: String, _ visit: (String, Bool) -> Void) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        var subfolders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                isDirectory = lstat(folder + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            visit(relative, isDirectory)
            if isDirectory { subfolders.append(name) }
        }
        for name in subfolders {
            walk(folder + "/" + name, prefix: prefix.isEmpty ? name : prefix + "/" + name, visit)
        }
    }
}
