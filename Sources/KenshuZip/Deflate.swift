import CKenshuZlib
import Foundation

/// Raw deflate (RFC 1951, as zip stores it) and CRC-32, from the system's zlib.
enum Deflate {
    /// CRC-32 of `bytes`, as zip records it, or continued from `crc` over more bytes.
    static func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        return UInt32(truncatingIfNeeded: CKenshuZlib.crc32(uLong(crc), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
    }

    /// The whole of `input`, deflated at zlib's default level.
    static func compress(_ input: UnsafeRawBufferPointer) throws(ZipError) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw .corrupt }
        defer { deflateEnd(&stream) }
        guard input.count < Int(UInt32.max) else { throw .tooLarge }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        let status = output.withUnsafeMutableBytes { out -> Int32 in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(out.count)
            return deflate(&stream, Z_FINISH)
        }
        guard status == Z_STREAM_END else { throw .corrupt }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Inflates `input`, handing the output to `chunk` 64 KiB at a time. Stops with ``ZipError/corrupt``
    /// as soon as the output would pass `expectedSize` (a zip that lies about its sizes cannot
    /// inflate past what it declared), and when the stream ends early or short.
    static func inflate(_ input: UnsafeRawBufferPointer, expectedSize: UInt64, chunk: (Data) throws -> Void) throws {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZipError.corrupt
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        var buffer = [UInt8](repeating: 0, count: 65536)
        var produced: UInt64 = 0
        while true {
            let (status, count) = buffer.withUnsafeMutableBytes { out -> (Int32, Int) in
                stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(out.count)
                let status = CKenshuZlib.inflate(&stream, Z_NO_FLUSH)
                return (status, out.count - Int(stream.avail_out))
            }
            guard status == Z_OK || status == Z_STREAM_END else { throw ZipError.corrupt }
            produced += UInt64(count)
            guard produced <= expectedSize else { throw ZipError.corrupt }
            if count > 0 { try chunk(Data(buffer[0..<count])) }
            if status == Z_STREAM_END { break }
            // No progress possible: the input ended before the stream did.
            if count == 0, stream.avail_in == 0 { throw ZipError.corrupt }
        }
        guard produced == expectedSize else { throw ZipError.corrupt }
    }
}
