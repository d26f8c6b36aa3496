import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swaps two paths in one step, so there is never a moment without an output folder: Linux's
/// `renameat2(…, RENAME_EXCHANGE)`. Glibc declares it only for C with `_GNU_SOURCE` and `syscall` is
/// variadic (Swift cannot call it), so the wrapper is looked up at run time; a system without it,
/// or a file system that cannot exchange (EINVAL), says ``Outcome/unsupported`` and the caller
/// falls back to two renames.
enum PathExchange {
    enum Outcome: Equatable {
        case exchanged
        case unsupported
    }


    /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
    static let renameExchange: UInt32 = 2

    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameat2: Renameat2? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
        #else
        return nil
        #endif
    }()

    /// Exchanges `a` and `b` (both must exist); throws a `POSIXError` for errors other than "not supported here".
    static func exchange(_ a: String, _ b: String) throws -> Outcome {
        guard let renameat2 else { return .unsupported }
        #if os(Linux)
        let atCWD = AT_FDCWD
        #else
        let atCWD: Int32 = -2
        #endif
        if renameat2(atCWD, a, atCWD, b, renameExchange) == 0 { return .exchanged }
        let code = errno
        if [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP].contains(code) { return .unsupported }
        throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
}
