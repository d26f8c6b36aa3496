import FlyingFox
import FlyingSocks
import Foundation

/// One client connection of the preview: reads request heads under the ``ServeLimits``, asks the
/// handler, writes the answer, and keeps the connection for the next request until the client
/// closes it, goes quiet, or breaks a limit. A live-reload upgrade hands the socket to ``ReloadSocket``.
struct PreviewConnection {
    let socket: AsyncSocket
    let limits: ServeLimits
    let handler: any HTTPHandler
    /// Answers a live-reload upgrade after the guard let it through.
    let reload: ReloadSocket
    /// Refuses requests for another host or from another origin before anything else sees them.
    let guardRequest: @Sendable (HTTPRequest) -> HTTPResponse?

    /// Serves until the connection ends; never throws.
    func run() async {
        var buffer: [UInt8] = []
        while !Task.isCancelled {
            guard let (parse, rest) = await nextHead(buffer) else { return }
            switch parse {
            case .needMore:
                return
            case .refuse(let status):
                _ = await write(Self.plain(status, keepAlive: false))
                return
            case .complete(let head, let consumed):
                buffer = Array(rest[consumed...])
                let request = head.request
                if let refusal = guardRequest(request) {
                    _ = await write(Self.encode(refusal, body: (try? await refusal.bodyData) ?? Data(), head: head, keepAlive: false))
                    return
                }
                if head.target.split(separator: "?").first.map(String.init) == LiveReloadScript.path, ReloadSocket.isUpgrade(head) {
                    guard let answer = ReloadSocket.handshake(head) else {
                        _ = await write(Self.plain(.badRequest, keepAlive: false))
                        return
                    }
                    guard await reload.hub.connectedPages < limits.reloadSockets else {
                        _ = await write(Self.plain(.serviceUnavailable, keepAlive: false))
                        return
                    }
                    guard await write(answer) else { return }
                    await reload.run(on: socket, pending: buffer)
                    return
                }
                let keepAlive = head.keepAlive && !head.hasBody
                let response = await answer(request)
                let body = (try? await response.bodyData) ?? Data()
                guard await write(Self.encode(response, body: body, head: head, keepAlive: keepAlive)), keepAlive else { return }
            }
        }
    }

    /// Reads until a head is complete or refused: the first byte within the idle time, the rest
    /// within the head time. Nil when the client closed or went quiet.
    private func nextHead(_ pending: [UInt8]) async -> (RequestHead.Parse, [UInt8])? {
        let socket = socket
        let limits = limits
        var buffer = pending
        if buffer.isEmpty {
            guard let first = try? await withDeadline(seconds: limits.idleSeconds, { try await socket.read(atMost: 4096) }) else { return nil }
            buffer = first
        }
        let start = buffer
        return try? await withDeadline(seconds: limits.headSeconds) {
            var bytes = start
            while true {
                let parse = RequestHead.parse(bytes, limits: limits)
                if parse != .needMore { return (parse, bytes) }
                bytes += try await socket.read(atMost: 4096)
            }
        }
    }

    private func answer(_ request: HTTPRequest) async -> HTTPResponse {
        do {
            return try await handler.handleRequest(request)
        } catch {
            return HTTPResponse(statusCode: .internalServerError, body: Data("internal error\n".utf8))
        }
    }

    /// Writes within the write time; false when the client is gone or too slow.
    private func write(_ data: Data) async -> Bool {
        let socket = socket
        return (try? await withDeadline(seconds: limits.writeSeconds) { try await socket.write(data) }) != nil
    }

    /// Status line, headers (Content-Length unless the handler set one, as for HEAD), blank line, body.
    static func encode(_ response: HTTPResponse, body: Data, head: RequestHead?, keepAlive: Bool) -> Data {
        var headers = response.headers
        if headers[.contentLength] == nil { headers[.contentLength] = String(body.count) }
        headers[.connection] = keepAlive ? "keep-alive" : "close"
        var text = "HTTP/1.1 \(response.statusCode.code) \(response.statusCode.phrase)\r\n"
        for (name, value) in headers where !value.contains("\r") && !value.contains("\n") {
            text += "\(name.rawValue): \(value)\r\n"
        }
        text += "\r\n"
        var data = Data(text.utf8)
        if head?.method != "HEAD" { data += body }
        return data
    }

    /// A short plain-text answer for a refused request.
    static func plain(_ status: HTTPStatusCode, keepAlive: Bool) -> Data {
        let response = HTTPResponse(
            statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("\(status.code) \(status.phrase)\n".utf8))
        return encode(response, body: Data("\(status.code) \(status.phrase)\n".utf8), head: nil, keepAlive: keepAlive)
    }
}
