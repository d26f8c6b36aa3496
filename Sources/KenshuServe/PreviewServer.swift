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
        let handler = PreviewHandler(session: session)
        let guarded = LocalRequestGuard(
            boundHost: host,
            language: Language.choose(flag: options.messageLanguage, siteLanguage: nil, environment: ProcessInfo.processInfo.environment))
        let reload = ReloadSocket(hub: hub, limits: limits)
        listener = PreviewListener(address: address, limits: limits, language: guarded.language) { socket in
            PreviewConnection(socket: socket, limits: limits, handler: handler, reload: reload, guardRequest: guarded)
        }
    }

    /// Runs until the task is cancelled. `onListening` gets the address once pages can be fetched.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        // The port first: a port in use is told at once, not under a whole build's warnings.
        let socket: Socket
        do {
            socket = try listener.bind()
        } catch SocketError.failed(_, let errno, _) where errno == EADDRINUSE {
            throw StartError.portInUse(port)
        }
        let first = Date()
        let shownFirst = report(
            await session.rebuildAll(), seconds: Date().timeIntervalSince(first), language: await session.language, shown: [])
        let watcher = FileWatcher(folders: await session.watchedFolders, quietMilliseconds: 8)
        watcher.watch(files: await session.watchedArchives)
        if !watcher.start() { log("kenshu: " + DiagnosticPrinter(language: await session.language).say(.cliWatchPolling)) }
        defer { watcher.stop() }

        let rebuilding = Task {
            var shown = shownFirst
            for await batch in watcher.changes {
                let start = Date()
                if ProcessInfo.processInfo.environment["KENSHU_TRACE"] != nil { log("batch: \(batch)") }
                let state = await session.rebuild(changed: batch)
                // A site.yml that now names another `base:` brings new folders (or a zip) to watch.
                watcher.watch(await session.watchedFolders)
                watcher.watch(files: await session.watchedArchives)
                await hub.reload()
                shown = report(state, seconds: Date().timeIntervalSince(start), language: await session.language, shown: shown)
            }
        }
        defer { rebuilding.cancel() }
        if case let .ip4(_, boundPort)? = try? socket.sockname() {
            // A browser cannot open the "every address" address: this computer opens the preview by its loopback.
            let shown = host == "localhost" || host == "0.0.0.0" ? "127.0.0.1" : host
            onListening("http://\(shown):\(boundPort)/")
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

    /// Prints a rebuild's outcome and returns the warning lines it stands for. Warnings printed after
    /// the previous rebuild (`shown`) are counted, not repeated: a course with hundreds of warnings
    /// would otherwise fill the terminal on every save, and printing them cost as much as the rebuild.
    /// Errors are always printed in full; a failed rebuild keeps the warnings shown before it counted as shown.
    private func report(
        _ state: PreviewSession.State, seconds: Double?, language: Language, shown: Set<String>
    ) -> Set<String> {
        let printer = DiagnosticPrinter(language: language)
        let time = String(format: "%.0f", (seconds ?? 0) * 1000)
        switch state {
        case .ready(let site):
            let lines = site.warnings.map(printer.line)
            var repeated = 0
            for line in lines {
                if shown.contains(line) { repeated += 1 } else { log(line) }
            }
            if repeated > 0 { log("kenshu: " + printer.say(.cliWarningsUnchanged, String(repeated))) }
            log("kenshu: " + printer.say(.cliSiteReady, time))
            return Set(lines)
        case .failed(let diagnostics):
            // Warnings as above; they stay counted as shown, so that mending the error does not print them all again.
            var warnings: Set<String> = []
            var repeated = 0
            for diagnostic in diagnostics {
                let line = printer.line(diagnostic)
                if diagnostic.severity == .warning {
                    warnings.insert(line)
                    if shown.contains(line) {
                        repeated += 1
                        continue
                    }
                }
                log(line)
            }
            if repeated > 0 { log("kenshu: " + printer.say(.cliWarningsUnchanged, String(repeated))) }
            log("kenshu: " + printer.say(.cliSiteFailed, String(diagnostics.filter { $0.severity == .error }.count), time))
            return shown.union(warnings)
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
