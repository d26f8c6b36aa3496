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
    private let server: HTTPServer
    private let host: String
    private let port: UInt16
    private let log: @Sendable (String) -> Void

    /// Why the server could not start: a ``ToolFailure`` with its catalog message.
    public enum StartError {
        static func portInUse(_ port: UInt16) -> ToolFailure { ToolFailure(.portInUse, String(port), String(port &+ 1)) }
        static func badHost(_ host: String) -> ToolFailure { ToolFailure(.badHost, host) }
    }

    /// - Parameter host: `127.0.0.1` unless the user asked for another address.
    public init(options: BuildOptions, host: String = "127.0.0.1", port: UInt16, log: @escaping @Sendable (String) -> Void) throws {
        session = PreviewSession(options: options)
        self.host = host
        self.log = log
        self.port = port
        let ip = host == "localhost" ? "127.0.0.1" : host
        guard let address = try? sockaddr_in.inet(ip4: ip, port: port) else { throw StartError.badHost(host) }
        server = HTTPServer(address: address, timeout: 30, logger: .disabled)
    }

    /// Runs until the task is cancelled. `onListening` gets the address once pages can be fetched.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let first = Date()
        report(await session.rebuildAll(), seconds: Date().timeIntervalSince(first), language: await session.language)
        await server.appendRoute(
            HTTPRoute("GET \(LiveReloadScript.path)"), to: LocalRequestGuard(.webSocket(ReloadSocket(hub: hub)), boundHost: host))
        await server.appendRoute(HTTPRoute("*"), to: LocalRequestGuard(PreviewHandler(session: session), boundHost: host))
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
        let listening = Task {
            try await server.waitUntilListening()
            if let address = await server.listeningAddress, case let .ip4(_, port) = address {
                onListening("http://\(host == "localhost" ? "127.0.0.1" : host):\(port)/")
            }
        }
        do {
            try await server.run()
        } catch let error as SocketError {
            listening.cancel()
            if case .failed(_, let errno, _) = error, errno == EADDRINUSE { throw StartError.portInUse(port) }
            throw error
        }
    }

    /// Stops serving, letting requests in flight finish for up to a second.
    public func stop() async { await server.stop(timeout: 1) }

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
