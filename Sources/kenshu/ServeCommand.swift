import ArgumentParser
import Dispatch
import Foundation
import KenshuBuild
import KenshuContent
import KenshuCore
import KenshuServe

/// `kenshu serve`: live preview while writing.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site on this computer; pages reload when you save.")

    @OptionGroup var site: SiteOptions
    @OptionGroup var language: LanguageOption

    @Option(name: .long, help: "The port. Keep it the same so the browser keeps your saved progress (0 picks a free port).")
    var port: UInt16 = 4173

    @Option(name: .long, help: "The address to listen on. Anything but 127.0.0.1 lets other computers see your drafts.")
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Open the preview in the default browser.")
    var open = false

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
            Console.error("kenshu: \(printer.severityWord(.error)): " + Self.describe(error, printer))
            throw ExitCode(2)
        }
        let openBrowser = open
        let serving = Task {
            try await server.run { address in
                FileHandle.standardOutput.write(Data(("kenshu: " + printer.say(.cliServing, address) + "\n").utf8))
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
            Console.error("kenshu: \(printer.severityWord(.error)): " + Self.describe(error, printer))
            throw ExitCode(2)
        }
    }

    /// A failure's words with its advice, in the printer's language.
    static func describe(_ error: any Error, _ printer: DiagnosticPrinter) -> String {
        guard let failure = error as? ToolFailure else { return "\(error)" }
        let fix = failure.message.standardFix(in: printer.language).map { " — " + $0 } ?? ""
        return failure.message.text(in: printer.language) + fix
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
