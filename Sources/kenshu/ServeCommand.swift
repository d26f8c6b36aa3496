import Dispatch
import Foundation
import KenshuBuild
import KenshuCommandLine
import KenshuContent
import KenshuCore
import KenshuServe

/// `kenshu serve`: live preview while writing.
struct ServeCommand {
    let site: SiteOptions
    let language: LanguageOption
    let port: UInt16
    let host: String
    let open: Bool

    init(_ command: ParsedCommand) {
        site = SiteOptions(command)
        language = LanguageOption(command)
        port = command.integer(.port).flatMap(UInt16.init(exactly:)) ?? 4173
        host = command.value(.host) ?? "127.0.0.1"
        open = command.flag(.openPreview)
    }

    func run() async throws {
        let siteLanguage = (try? String(contentsOfFile: site.content + "/site.yml", encoding: .utf8)).map { SiteConfig.parse($0, path: "").0.language }
        let printer = language.printer(siteLanguage: siteLanguage)
        if host != "127.0.0.1" && host != "localhost" {
            Console.error("kenshu: \(printer.severityWord(.warning)): " + printer.say(.cliHostWarning, host))
        }
        var options = BuildOptions(contentDirectory: site.content, themeName: site.theme)
        options.messageLanguage = language.lang
        let server: PreviewServer
        do {
            server = try PreviewServer(options: options, host: host, port: port) { Console.error($0) }
        } catch {
            Console.error(printer.failureLine(error))
            throw ExitCode(2)
        }
        let openBrowser = open
        let bindsEveryAddress = host == "0.0.0.0"
        let serving = Task {
            try await server.run { address in
                FileHandle.standardOutput.write(Data(("kenshu: " + printer.say(.cliServing, address) + "\n").utf8))
                if bindsEveryAddress, let port = URL(string: address)?.port {
                    for other in NetworkAddresses.ipv4() {
                        FileHandle.standardOutput.write(Data(("kenshu: " + printer.say(.cliServingElsewhere, "http://\(other):\(port)/") + "\n").utf8))
                    }
                }
                if openBrowser, let url = URL(string: address) { Browser.open(url, printer: printer) }
            }
        }
        let stopping = StopFlag()
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .main) }
        for source in signals {
            source.setEventHandler {
                stopping.set()
                Task { await server.stop() }
                serving.cancel()
            }
            source.resume()
        }
        // Keep the signal sources alive while serving: an optimised build would release them early.
        defer { withExtendedLifetime(signals) {} }
        do {
            try await serving.value
            Console.error("kenshu: " + printer.say(.cliStopped))
        } catch where stopping.isSet || error is CancellationError {
            Console.error("kenshu: " + printer.say(.cliStopped))
        } catch {
            Console.error(printer.failureLine(error))
            throw ExitCode(2)
        }
    }
}

/// Set once Ctrl-C arrives, so the server's shutdown is not reported as an error.
/// `@unchecked Sendable`: its one field is read and written only under `lock`.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
