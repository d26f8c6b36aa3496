import FlyingFox
import FlyingSocks
import Foundation
import KenshuBuild
import KenshuCore

/// `kenshu serve`: builds the site into memory, serves it on 127.0.0.1, and rebuilds and reloads
/// open pages whenever content, theme or `site.yml` change.
public final class PreviewServer: Sendable {
    public let session: PreviewSession
    public let hub = LiveReloadHub()
    private let listener: PreviewListener
    private let host: String
    private let port: UInt16
    private let log: @Sendable (String) -> Void

    /// Why the server could not start: a ``ToolFailure`` with its catalog message.
    public enum StartError {
        static func portInUse(_ port: UInt16) -> ToolFailure { ToolFailure(.portInUse, String(port), String(port &+ 1)) }
        static func badHost(_ host: String) -> ToolFailure { ToolFailure(.badHost, host) }
    }

    /// - Parameter host: `127.0.0.1` unless the user asked for another address.
    public init(
        options: BuildOptions, host: String = "127.0.0.1", port: UInt16, limits: ServeLimits = ServeLimits(),
        log: @escaping @Sendable (String) -> Void
    ) throws {
        let session = PreviewSession(options: options)
        self.session = session
        self.host = host
        self.log = log
        self.port = port
        let ip = host == "localhost" ? "127.0.0.1" : host
        guard let address = try? sockaddr_in.inet(ip4: ip, port: port) else { throw StartError.badHost(host) }
        let guarded = LocalRequestGuard(PreviewHandler(session: session), boundHost: host)
        let reload = ReloadSocket(hub: hub, limits: limits)
        listener = PreviewListener(address: address, limits: limits) { socket in
            PreviewConnection(socket: socket, limits: limits, handler: guarded, reload: reload, guardRequest: guarded.refusal)
        }
    }

    /// Runs until the task is cancelled. `onListening` gets the address once pages can be fetched.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let first = Date()
        report(await session.rebuildAll(), seconds: Date().timeIntervalSince(first), language: await session.language)
        let watcher = FileWatcher(folders: await session.watchedFolders, quietMilliseconds: 8)
        if !watcher.start() { log("kenshu: inotify is unavailable; checking for changes twice a second") }
        defer { watcher.stop() }

        let rebuilding = Task {
            for await batch in watcher.changes {
                let start = Date()
                if ProcessInfo.processInfo.environment["KENSHU_TRACE"] != nil { log("batch: \(batch)") }
                let state = await session.rebuild(changed: batch)
                // A site.yml that now names another `base:` brings new folders to watch.
                watcher.watch(await session.watchedFolders)
                await hub.reload()
                report(state, seconds: Date().timeIntervalSince(start), language: await session.language)
            }
        }
        defer { rebuilding.cancel() }
        let socket: Socket
        do {
            socket = try listener.bind()
        } catch SocketError.failed(_, let errno, _) where errno == EADDRINUSE {
            throw StartError.portInUse(port)
        }
        if case let .ip4(_, boundPort)? = try? socket.sockname() {
            onListening("http://\(host == "localhost" ? "127.0.0.1" : host):\(boundPort)/")
        }
        let serving = Task { try await listener.serve(socket) }
        stopper.set(serving)
        try await withTaskCancellationHandler {
            try await serving.value
        } onCancel: {
            serving.cancel()
        }
    }

    /// Stops serving: the listening socket and every connection close.
    public func stop() async { stopper.stop() }

    private let stopper = Stopper()

    private func report(_ state: PreviewSession.State, seconds: Double?, language: Language) {
        let printer = DiagnosticPrinter(language: language)
        let time = String(format: "%.0f", (seconds ?? 0) * 1000)
        switch state {
        case .ready(let site):
            for warning in site.warnings { log(printer.line(warning)) }
            log("kenshu: " + printer.say(.cliSiteReady, time))
        case .failed(let diagnostics):
            for diagnostic in diagnostics { log(printer.line(diagnostic)) }
            log("kenshu: " + printer.say(.cliSiteFailed, String(diagnostics.filter { $0.severity == .error }.count), time))
        }
    }
}

/// Holds the accept loop's task so ``PreviewServer/stop()`` can end it from a signal handler.
final class Stopper: @unchecked Sendable {
    // @unchecked: `task` is read and written only while `lock` is held.
    private let lock = NSLock()
    private var task: Task<Void, any Error>?

    func set(_ task: Task<Void, any Error>) { lock.withLock { self.task = task } }
    func stop() { lock.withLock { task?.cancel() } }
}
