import Foundation
import KenshuCore

/// One build at a time per output folder: a lock file beside it holding the builder's process id.
/// A second build says so clearly instead of failing on the first's half-written files; a lock
/// left by a build that was killed (its process is gone) is taken over.
struct BuildLock {
    private let path: String

    init(_ url: URL, output: String) throws {
        path = url.path
        let me = ProcessInfo.processInfo.processIdentifier
        for _ in 0..<2 {
            let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o644)
            if descriptor >= 0 {
                let text = Array("\(me)\n".utf8)
                _ = text.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
                return
            }
            // Only an existing lock means another build; anything else is a folder that cannot be written.
            let reason = errno
            guard reason == EEXIST else {
                throw ToolFailure(.buildLockFailed, output, SystemErrorReason.argument(errno: reason))
            }
            let holder = (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if let holder, holder != me, kill(holder, 0) == 0 || errno == EPERM {
                throw ToolFailure(.concurrentBuild, output)
            }
            // A lock left by a build that is gone; one that cannot be removed is no other build either.
            if unlink(path) != 0, errno != ENOENT {
                throw ToolFailure(.buildLockFailed, output, SystemErrorReason.argument(errno: errno))
            }
        }
        throw ToolFailure(.concurrentBuild, output)
    }

    func release() { unlink(path) }
}
