import FlyingSocks
import Foundation
import KenshuCore

/// One client connection of the preview: reads request heads under the ``ServeLimits``, asks the
/// handler, writes the answer, and keeps the connection for the next request until the client
/// closes it, goes quiet, or breaks a limit. A live-reload upgrade hands the socket to ``ReloadSocket``.
struct PreviewConnection {
    let socket: AsyncSocket
    let limits: ServeLimits
    let handler: PreviewHandler
    /// Answers a live-reload upgrade after the guard let it through.
    let reload: ReloadSocket
    /// Refuses requests for another host or from another origin before anything else sees them.
    let guardRequest: LocalRequestGuard

    /// Serves until the connection ends; never throws.
    func run() async {
        var buffer: [UInt8] = []
        while !Task.isCancelled {
            guard let (parse, rest) = await nextHead(buffer) else { return }
            switch parse {
            case .needMore:
                return
            case .refuse(let status):
                _ = await write(refusal(status))
                return
            case .complete(let head, let consumed):
                buffer = Array(rest[consumed...])
                if let refusal = guardRequest.refusal(head) {
                    _ = await write(refusal.encoded(forHead: head.method == "HEAD", keepAlive: false))
                    return
                }
                if head.target.split(separator: "?").first.map(String.init) == LiveReloadScript.path, ReloadSocket.isUpgrade(head) {
                    guard let answer = ReloadSocket.handshake(head) else {
                        _ = await write(refusal(.badRequest))
                        return
                    }
                    guard await reload.hub.connectedPages < limits.reloadSockets else {
                        _ = await write(refusal(.serviceUnavailable))
                        return
                    }
                    guard await write(answer) else { return }
                    await reload.run(on: socket, pending: buffer)
                    return
                }
                let keepAlive = head.keepAlive && !head.hasBody
                let response = await handler.answer(head)
                guard await write(response.encoded(forHead: head.method == "HEAD", keepAlive: keepAlive)) else { return }
                if let slice = response.fileBody, head.method != "HEAD" {
                    guard await send(slice) else { return }
                }
                guard keepAlive else { return }
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

    /// Sends a part of a file a chunk at a time, each within the write time, so that a large file (a training
    /// video) is never held in memory whole. False when the client is gone or the file shrank meanwhile (the
    /// connection is then closed: the length is already promised).
    private func send(_ slice: PreviewResponse.FileSlice) async -> Bool {
        var offset = slice.offset
        var left = slice.length
        while left > 0 {
            let count = Int(min(left, Self.chunkBytes))
            guard let chunk = slice.file.read(at: offset, count: count), chunk.count == count, await write(chunk) else { return false }
            offset += UInt64(count)
            left -= UInt64(count)
        }
        return true
    }

    /// How much of a file is read and written at a time.
    static let chunkBytes: UInt64 = 256 * 1024

    /// Writes within the write time; false when the client is gone or too slow.
    private func write(_ data: Data) async -> Bool {
        let socket = socket
        return (try? await withDeadline(seconds: limits.writeSeconds) { try await socket.write(data) }) != nil
    }

    /// A short plain-text answer for a refused request, in the author's language; the connection closes after it.
    func refusal(_ status: HTTPStatus) -> Data {
        Self.refusal(status, language: guardRequest.language)
    }

    static func refusal(_ status: HTTPStatus, language: Language) -> Data {
        let reason: MessageKey = switch status {
        case .uriTooLong: .cliServeLineTooLong
        case .requestHeaderFieldsTooLarge: .cliServeHeadersTooLarge
        case .serviceUnavailable: .cliServeBusy
        default: .cliServeBadRequest
        }
        return PreviewResponse.refusal(status, reason, language: language).encoded(forHead: false, keepAlive: false)
    }
}
