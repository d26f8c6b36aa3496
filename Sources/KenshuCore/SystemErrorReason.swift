import Foundation

/// Turns the system's refusal to read or write into one of the catalog's `reason.io-…` sentences,
/// so that "A file with the same name already exists" reaches a Japanese author as
/// 「同じ名前のファイルかフォルダーがじゃまをしています…」. Used as the `{1}` of messages such as
/// K0012; an error it does not know keeps the system's own words.
public enum SystemErrorReason {
    /// The argument to put in a message: a `reason.io-…` key (which ``Message/text(in:)`` prints in
    /// the message's language) or, for an error not recognised, its description.
    public static func argument(for error: any Error) -> String {
        key(for: error).map(Message.reason) ?? error.localizedDescription
    }

    /// The argument for an `errno` value: its reason, else the C library's words for it.
    public static func argument(errno code: Int32) -> String {
        key(errno: code).map(Message.reason) ?? String(cString: strerror(code))
    }

    /// The reason for an error thrown by Foundation or carrying an `errno`, if it is one of the common ones.
    public static func key(for error: any Error) -> MessageKey? {
        if let posix = error as? POSIXError { return key(errno: posix.code.rawValue) }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return key(errno: Int32(truncatingIfNeeded: error.code)) }
        // The POSIX error under a Cocoa one: on Linux Foundation keeps it as a Swift `POSIXError`.
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? POSIXError, let key = key(errno: underlying.code.rawValue) {
            return key
        }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let key = key(errno: Int32(truncatingIfNeeded: underlying.code)) {
            return key
        }
        guard error.domain == NSCocoaErrorDomain else { return nil }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileWriteFileExists: return .reasonIOInTheWay
        case .fileWriteNoPermission, .fileReadNoPermission: return .reasonIOPermission
        case .fileWriteOutOfSpace: return .reasonIODiskFull
        case .fileWriteVolumeReadOnly: return .reasonIOReadOnly
        case .fileNoSuchFile, .fileReadNoSuchFile: return .reasonIOMissingFolder
        case .fileWriteInvalidFileName, .fileReadInvalidFileName: return .reasonIOInvalidName
        default: return nil
        }
    }

    /// The reason for an `errno` value, if it is one of the common ones.
    public static func key(errno code: Int32) -> MessageKey? {
        switch code {
        case EEXIST, ENOTDIR, EISDIR, ENOTEMPTY: .reasonIOInTheWay
        case EACCES, EPERM: .reasonIOPermission
        case ENOSPC, EDQUOT: .reasonIODiskFull
        case EROFS: .reasonIOReadOnly
        case ENOENT: .reasonIOMissingFolder
        case EBUSY: .reasonIOBusy
        case ENAMETOOLONG: .reasonIONameTooLong
        case EILSEQ: .reasonIOInvalidName
        default: nil
        }
    }
}
