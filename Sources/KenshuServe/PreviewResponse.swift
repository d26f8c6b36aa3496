import Foundation
import KenshuCore

/// A status the preview answers with: its code and its reason phrase.
struct HTTPStatus: Equatable, Sendable {
    let code: Int
    let phrase: String

    static let ok = HTTPStatus(code: 200, phrase: "OK")
    static let movedPermanently = HTTPStatus(code: 301, phrase: "Moved Permanently")
    static let partialContent = HTTPStatus(code: 206, phrase: "Partial Content")
    static let badRequest = HTTPStatus(code: 400, phrase: "Bad Request")
    static let forbidden = HTTPStatus(code: 403, phrase: "Forbidden")
    static let notFound = HTTPStatus(code: 404, phrase: "Not Found")
    static let methodNotAllowed = HTTPStatus(code: 405, phrase: "Method Not Allowed")
    static let uriTooLong = HTTPStatus(code: 414, phrase: "URI Too Long")
    static let rangeNotSatisfiable = HTTPStatus(code: 416, phrase: "Range Not Satisfiable")
    static let requestHeaderFieldsTooLarge = HTTPStatus(code: 431, phrase: "Request Header Fields Too Large")
    static let internalServerError = HTTPStatus(code: 500, phrase: "Internal Server Error")
    static let serviceUnavailable = HTTPStatus(code: 503, phrase: "Service Unavailable")
}

/// One answer of the preview: a status, header fields in the order they are written, and the body:
/// bytes in memory (pages), or a part of a file of the course, sent from disk as it is read.
struct PreviewResponse: Sendable {
    var status: HTTPStatus
    var headers: [(name: String, value: String)] = []
    var body = Data()
    /// Sent instead of ``body`` when set.
    var fileBody: FileSlice?

    /// Bytes `offset..<offset + length` of a file opened and checked for this answer.
    struct FileSlice: Sendable {
        var file: OpenedFile
        var offset: UInt64
        var length: UInt64
    }

    /// A short plain-text answer, such as a refusal.
    static func plain(_ status: HTTPStatus, _ text: String) -> PreviewResponse {
        PreviewResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data(text.utf8))
    }

    /// A refusal a person may read in the browser: the status, then why, in the author's language.
    static func refusal(_ status: HTTPStatus, _ reason: MessageKey, language: Language) -> PreviewResponse {
        plain(status, "\(status.code) \(status.phrase)\n" + Message(reason).text(in: language) + "\n")
    }

    /// Status line, header fields, `Content-Length` and `Connection`, a blank line, and the body in memory
    /// unless the request was `HEAD` (which gets the length the body would have); a ``fileBody`` follows it.
    func encoded(forHead: Bool, keepAlive: Bool) -> Data {
        var text = "HTTP/1.1 \(status.code) \(status.phrase)\r\n"
        for (name, value) in headers where !value.contains("\r") && !value.contains("\n") {
            text += "\(name): \(value)\r\n"
        }
        let length = fileBody.map { String($0.length) } ?? String(body.count)
        text += "Content-Length: \(length)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        var data = Data(text.utf8)
        if !forHead, fileBody == nil { data += body }
        return data
    }
}
