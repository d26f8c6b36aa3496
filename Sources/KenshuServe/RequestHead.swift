import Foundation

/// The start of an HTTP/1.x request (request line and headers), read with the ``ServeLimits``
/// applied before anything is kept, so a line of any length cannot fill the memory. It is the
/// request the handlers see: the preview takes no request bodies.
struct RequestHead: Equatable {
    var method: String
    var target: String
    var version: String
    /// Header lines in order, names as sent.
    var fields: [(name: String, value: String)]

    static func == (lhs: RequestHead, rhs: RequestHead) -> Bool {
        lhs.method == rhs.method && lhs.target == rhs.target && lhs.version == rhs.version
            && lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    /// What the bytes read so far amount to.
    enum Parse: Equatable {
        /// No complete head yet, and nothing over a limit.
        case needMore
        /// A head, and how many bytes of the buffer it used.
        case complete(RequestHead, consumed: Int)
        /// Answer with this status and close the connection.
        case refuse(HTTPStatus)
    }

    /// Parses `bytes`, the start of a connection's unread input. Linear in `bytes.count`.
    static func parse(_ bytes: [UInt8], limits: ServeLimits) -> Parse {
        var start = 0
        // RFC 9112 §2.2: empty lines before a request line are ignored.
        while start < bytes.count, bytes[start] == cr || bytes[start] == lf { start += 1 }
        guard let lineEnd = firstLF(in: bytes, from: start, limit: limits.requestLineBytes + 1) else {
            return bytes.count - start > limits.requestLineBytes ? .refuse(.uriTooLong) : .needMore
        }
        var fields: [(name: String, value: String)] = []
        var lineStart = lineEnd + 1
        while true {
            let budget = limits.headerBytes - (lineStart - lineEnd - 1)
            guard let end = firstLF(in: bytes, from: lineStart, limit: budget + 1) else {
                return bytes.count - (lineEnd + 1) > limits.headerBytes ? .refuse(.requestHeaderFieldsTooLarge) : .needMore
            }
            let line = trimmedCR(bytes[lineStart..<end])
            lineStart = end + 1
            if line.isEmpty { break }
            guard fields.count < limits.headerLines else { return .refuse(.requestHeaderFieldsTooLarge) }
            guard let field = headerField(line) else { return .refuse(.badRequest) }
            fields.append(field)
        }
        guard let head = requestLine(trimmedCR(bytes[start..<lineEnd]), fields: fields) else { return .refuse(.badRequest) }
        if fields.filter({ $0.name.lowercased() == "host" }).count > 1 { return .refuse(.badRequest) }
        return .complete(head, consumed: lineStart)
    }

    private static let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// The index of the first LF at or after `from`, looking at no more than `limit` bytes.
    private static func firstLF(in bytes: [UInt8], from: Int, limit: Int) -> Int? {
        let end = min(bytes.count, from + max(0, limit))
        guard from < end else { return nil }
        return bytes[from..<end].firstIndex(of: lf)
    }

    private static func trimmedCR(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == cr ? line.dropLast() : line
    }

    /// `GET /path HTTP/1.1`: a token, an origin-form target, HTTP/1.0 or HTTP/1.1.
    private static func requestLine(_ line: ArraySlice<UInt8>, fields: [(name: String, value: String)]) -> RequestHead? {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
              parts[1].first == UInt8(ascii: "/"), parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return nil }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return nil }
        return RequestHead(
            method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
            version: version, fields: fields)
    }

    /// `Name: value`; no space before the colon, no folded continuation lines, no control bytes.
    private static func headerField(_ line: ArraySlice<UInt8>) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = line[line.startIndex..<colon]
        let value = line[(colon + 1)...]
        guard !name.isEmpty, name.allSatisfy(isTokenByte),
              value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) })
        else { return nil }
        let trimmed = value.drop(while: isBlank).reversed().drop(while: isBlank).reversed()
        return (String(decoding: name, as: UTF8.self), String(decoding: trimmed, as: UTF8.self))
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// The target's path, still percent-encoded, without the query.
    var path: String { String(target.prefix { $0 != "?" }) }

    /// The value of a header, names compared without case.
    func value(_ name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Whether a body follows the head (the preview never reads one, so the connection closes after the answer).
    var hasBody: Bool {
        value("Transfer-Encoding") != nil || (value("Content-Length").map { $0.trimmingCharacters(in: .whitespaces) != "0" } ?? false)
    }

    /// HTTP/1.1 keeps the connection unless told `close`; HTTP/1.0 closes unless told `keep-alive`.
    var keepAlive: Bool {
        let tokens = (value("Connection") ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return version == "HTTP/1.1" ? !tokens.contains("close") : tokens.contains("keep-alive")
    }
}
