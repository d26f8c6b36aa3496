import Glibc

/// Writes a new file with plain POSIX calls.
///
/// `FileManager.createFile` syncs every file to disk, which made writing 10,000 pages several
/// times slower; the output is swapped in as a whole afterwards, so per-file durability buys nothing.
enum FileBytes {
    static func write(_ text: String, to path: String) -> Bool {
        write(to: path) { part in part(text) }
    }

    /// Writes a file made a part at a time: `produce` is given a function to call with each part, in order.
    static func write(to path: String, _ produce: (_ part: (String) -> Void) -> Void) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var ok = true
        produce { part in
            if ok { ok = writeAll(part, to: fd) }
        }
        return ok
    }

    private static func writeAll(_ text: String, to fd: Int32) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}
