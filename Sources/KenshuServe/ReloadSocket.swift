import FlyingSocks
import Foundation

/// The live-reload WebSocket (RFC 6455), just what it needs: the handshake, text frames from the
/// server, and reading the page's frames so a close or ping is answered. The page never sends data.
struct ReloadSocket {
    let hub: LiveReloadHub
    let limits: ServeLimits

    /// The largest frame a page may send (pings and close frames are a few bytes).
    static let maxClientPayload = 4096

    /// Whether the head asks to switch this connection to a WebSocket.
    static func isUpgrade(_ head: RequestHead) -> Bool {
        head.value("Upgrade")?.lowercased() == "websocket"
    }

    /// The `101` answer, or nil when the handshake is malformed.
    static func handshake(_ head: RequestHead) -> Data? {
        guard head.method == "GET", head.value("Sec-WebSocket-Version") == "13",
              let key = head.value("Sec-WebSocket-Key"), Data(base64Encoded: key)?.count == 16,
              (head.value("Connection") ?? "").lowercased().split(separator: ",").contains(where: {
                  $0.trimmingCharacters(in: .whitespaces) == "upgrade"
              })
        else { return nil }
        let accept = Data(SHA1.hash(Array((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))).base64EncodedString()
        return Data("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: \(accept)\r\n\r\n".utf8)
    }

    /// Serves the socket until the page closes it; `pending` holds bytes read past the handshake.
    func run(on socket: AsyncSocket, pending: [UInt8]) async {
        let writer = FrameWriter(socket: socket, seconds: limits.writeSeconds)
        let messages = await hub.connect()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                var buffer = pending
                while let frame = try? await Self.nextFrame(socket, &buffer) {
                    switch frame.opcode {
                    case 0x8:
                        try? await writer.send(opcode: 0x8, frame.payload.prefix(2))
                        return
                    case 0x9: try? await writer.send(opcode: 0xA, frame.payload)
                    default: continue
                    }
                }
            }
            group.addTask {
                for await text in messages {
                    guard (try? await writer.send(opcode: 0x1, Array(text.utf8))) != nil else { return }
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// Reads one frame from the page, unmasked; nil or a throw ends the session.
    static func nextFrame(_ socket: AsyncSocket, _ buffer: inout [UInt8]) async throws -> (opcode: UInt8, payload: [UInt8])? {
        func need(_ count: Int) async throws {
            while buffer.count < count { buffer += try await socket.read(atMost: 4096) }
        }
        try await need(2)
        let opcode = buffer[0] & 0x0F
        let masked = buffer[1] & 0x80 != 0
        var length = Int(buffer[1] & 0x7F)
        var offset = 2
        if length == 126 {
            try await need(4)
            length = Int(buffer[2]) << 8 | Int(buffer[3])
            offset = 4
        } else if length == 127 {
            return nil
        }
        guard masked, length <= maxClientPayload else { return nil }
        try await need(offset + 4 + length)
        let mask = buffer[offset..<offset + 4].map { $0 }
        let payload = buffer[(offset + 4)..<(offset + 4 + length)].enumerated().map { $1 ^ mask[$0 % 4] }
        buffer.removeFirst(offset + 4 + length)
        return (opcode, payload)
    }
}

/// Writes whole frames one at a time (a pong and a reload message never interleave).
actor FrameWriter {
    let socket: AsyncSocket
    let seconds: Double

    init(socket: AsyncSocket, seconds: Double) {
        self.socket = socket
        self.seconds = seconds
    }

    func send(opcode: UInt8, _ payload: some Collection<UInt8>) async throws {
        var frame: [UInt8] = [0x80 | opcode]
        switch payload.count {
        case ..<126: frame.append(UInt8(payload.count))
        case ..<65536: frame += [126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default: frame.append(127); frame += (0..<8).reversed().map { UInt8(truncatingIfNeeded: UInt64(payload.count) >> UInt64($0 * 8)) }
        }
        frame += payload
        let data = Data(frame)
        let socket = socket
        try await withDeadline(seconds: seconds) { try await socket.write(data) }
    }
}
