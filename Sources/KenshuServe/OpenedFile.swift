import Foundation
import Glibc

/// A file of the course opened for sending, checked through its descriptor: what is sent is what was checked.
///
/// Checking a path and then opening it leaves a moment in which the file can be replaced by a link to something
/// outside the course (an attacker's loop of renames got bytes of another file out in one answer of ten). The
/// file is opened without following a final link, and the real path of the open descriptor (`/proc/self/fd`)
/// must lie inside the folders the preview serves; a folder on the way swapped for a link is caught there too.
final class OpenedFile: Sendable {
    let descriptor: Int32
    /// The size when it was opened: the length the answer promises.
    let size: UInt64

    /// - Parameter allowedRoots: real paths of the folders files may be served from; empty allows any.
    init?(_ path: String, allowedRoots: [String]) {
        let descriptor = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              allowedRoots.isEmpty || Self.realPath(of: descriptor).map({ real in allowedRoots.contains { real.hasPrefix($0 + "/") } }) == true
        else {
            Glibc.close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.size = UInt64(info.st_size)
    }

    deinit { Glibc.close(descriptor) }

    /// Up to `count` bytes from `offset`: fewer at the end of the file (it may have shrunk since it was opened);
    /// `nil` when it cannot be read.
    func read(at offset: UInt64, count: Int) -> Data? {
        var data = Data(count: count)
        var done = 0
        while done < count {
            let got = data.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return pread(descriptor, base + done, count - done, off_t(offset) + off_t(done))
            }
            if got < 0, errno == EINTR { continue }
            if got < 0 { return nil }
            if got == 0 { break }
            done += got
        }
        return done == count ? data : data.prefix(done)
    }

    /// The whole file, for pages read from disk.
    func readAll() -> Data? { read(at: 0, count: Int(size)) }

    private static func realPath(of descriptor: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
