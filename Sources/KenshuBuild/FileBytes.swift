import Glibc

/// Writes a new file with plain POSIX calls.
///
/// `FileManager.createFile` syncs every file to disk, which made writing 10,000 pages several
/// times slower; the output is swapped in as a whole afterwards, so per-file durability buys nothing.
enum FileBytes {
    /// Writes a file made a part at a time: `produce` is given a function to call with each part, in
    /// order. Returns nil once the file is written, else the `errno` of the first failure.
    static func write(to path: String, _ produce: (_ part: (String) -> Void) -> Void) -> Int32? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        var failure: Int32?
        produce { part in
            if failure == nil { failure = writeAll(part, to: fd) }
        }
        return failure
    }

    private static func writeAll(_ text: String, to fd: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }
}
