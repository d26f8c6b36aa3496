/// Why an archive could not be read or written. Callers turn these into their own located,
/// translated diagnostics; the cases only say which kind of trouble it was.
public enum ZipError: Error, Equatable, Sendable {
    /// Not a zip archive, or one whose directory, headers or offsets do not fit the file.
    case malformed
    /// A real zip using what Kenshu does not read: ZIP64, several disks, encryption, or a
    /// compression method other than stored and deflate.
    case unsupported
    /// An entry whose bytes do not inflate, inflate to another size than declared, or fail their CRC.
    case corrupt
    /// More than 65,535 entries or 4 GiB: too large for the plain zip format Kenshu writes.
    case tooLarge
}
