import FlyingSocks
import Foundation
import KenshuCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The preview's listening socket and accept loop. FlyingFox's `HTTPServer` has no request-size caps
/// or idle timeouts and stops serving when `accept` fails with "Too many open files"; this loop
/// counts connections and answers those over the cap (well below the descriptor limit) with `503`.
/// Should descriptors run out all the same (something else holding them), it frees a spare one to
/// turn the waiting client away instead of failing.
struct PreviewListener {
    let address: sockaddr_in
    let limits: ServeLimits
    /// The language of the `503` for a client over the cap.
    let language: Language
    /// Makes the handler for one accepted connection.
    let makeConnection: @Sendable (AsyncSocket) -> PreviewConnection

    /// Binds and listens; the socket is ready for ``serve(_:)``.
    func bind() throws -> Socket {
        let socket = try Socket(domain: AF_INET)
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
            try socket.listen()
        } catch {
            try? socket.close()
            throw error
        }
        return socket
    }

    /// Accepts until the task is cancelled; every connection is closed before it returns.
    func serve(_ listening: Socket) async throws {
        // epoll on Linux, kqueue on Darwin (FlyingSocks' `make` picks; `Poll` only names the fallback).
        let pool: any AsyncSocketPool = SocketPool<Poll>.make()
        try await pool.prepare()
        let listener = try AsyncSocket(socket: listening, pool: pool)
        let counter = ConnectionCounter(limit: limits.connections)
        defer { try? listening.close() }
        await Self.armEveryClock()
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await pool.run() }
            var spare = Self.openSpare()
            var failuresInARow = 0
            while !Task.isCancelled {
                let client: AsyncSocket
                do {
                    client = try await listener.accept()
                    failuresInARow = 0
                } catch SocketError.failed(_, let code, _) where code == EMFILE || code == ENFILE {
                    if spare >= 0 { close(spare) }
                    turnAway(listening)
                    spare = Self.openSpare()
                    try await Task.sleep(nanoseconds: 20_000_000)
                    continue
                } catch is CancellationError {
                    break
                } catch {
                    // A client that reset before it was accepted, a signal, a short memory squeeze: keep
                    // accepting. Only a listening socket that fails every time ends the server.
                    failuresInARow += 1
                    if failuresInARow > 100 { throw error }
                    try await Task.sleep(nanoseconds: 10_000_000)
                    continue
                }
                guard counter.enter() else {
                    refuse(client.socket)
                    continue
                }
                let connection = makeConnection(client)
                group.addTask {
                    await connection.run()
                    try? client.close()
                    counter.leave()
                }
            }
            if spare >= 0 { close(spare) }
            throw CancellationError()
        }
    }

    /// libdispatch opens a clock's timer descriptor the first time a timer of that clock is armed, and
    /// stops the process (SIGILL) if it cannot: a first timeout while descriptors have run out would
    /// end the server. One short sleep on each clock opens them all before the first connection.
    static func armEveryClock() async {
        try? await Task.sleep(nanoseconds: 1_000_000)
        try? await ContinuousClock().sleep(for: .milliseconds(1))
        try? await SuspendingClock().sleep(for: .milliseconds(1))
        await withCheckedContinuation { continuation in
            DispatchQueue.global().asyncAfter(wallDeadline: .now() + .milliseconds(1)) { continuation.resume() }
        }
    }

    /// The answer for a client over the cap, written without waiting (it fits any socket buffer).
    var busy: Data { PreviewConnection.refusal(.serviceUnavailable, language: language) }

    func refuse(_ socket: Socket) {
        _ = try? socket.write(busy)
        try? socket.close()
    }

    /// Takes the connection waiting in the backlog with the descriptor just freed, answers `503`, closes it.
    func turnAway(_ listening: Socket) {
        guard let (file, _) = try? listening.accept() else { return }
        refuse(Socket(file: file))
    }

    /// A descriptor held in reserve for ``turnAway(_:)``.
    static func openSpare() -> Int32 { open("/dev/null", O_RDONLY | O_CLOEXEC) }
}

/// Connections open now, and the cap. A lock rather than an actor: the accept loop asks before
/// every connection and must not wait behind other work.
final class ConnectionCounter: @unchecked Sendable {
    // @unchecked: `open` is read and written only while `lock` is held.
    private let lock = NSLock()
    private var open = 0
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Counts a new connection; false when the cap is reached.
    func enter() -> Bool {
        lock.withLock {
            guard open < limit else { return false }
            open += 1
            return true
        }
    }

    func leave() { lock.withLock { open -= 1 } }
}
