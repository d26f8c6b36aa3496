import ArgumentParser
import Foundation
import KenshuBuild
import KenshuCore

/// `kenshu build`: Content → Output, all or nothing.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder; on errors the previous output stays as it was.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Where to write the site. It is replaced as a whole.")
    var output = "Output"

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Skip checking the built site's links (they are checked by default).")
    var noCheck = false

    @Flag(name: .long, help: "Print how long each step took.")
    var timings = false

    @Flag(name: .long, help: "Open the built home page in the default browser.")
    var open = false

    func run() throws {
        var options = BuildOptions(contentDirectory: site.content, themeName: site.theme, outputDirectory: output, strict: strict)
        options.checkLinks = !noCheck
        let onTerminal = isatty(STDERR_FILENO) == 1
        let result: BuildResult
        do {
            result = try Builder.build(options) { step in
                if onTerminal { Console.error(step) }
            }
        } catch {
            Console.error("kenshu: error: \(error)")
            throw ExitCode(2)
        }
        for diagnostic in result.diagnostics { Console.error(diagnostic.description) }
        if timings {
            for (step, seconds) in result.stepTimings { Console.error(String(format: "  %-16@ %7.3f s", step, seconds)) }
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        let time = String(format: "%.2f s", result.seconds)
        guard result.succeeded else {
            Console.error("kenshu: build failed with \(errors) error(s) and \(warnings) warning(s)\(strict && errors == 0 ? " (--strict)" : ""); '\(output)' was not changed")
            throw ExitCode.failure
        }
        let index = URL(fileURLWithPath: result.outputPath).appendingPathComponent("index.html")
        print("kenshu: built \(result.pageCount) pages (\(result.fileCount) files), \(warnings) warning(s), in \(time) → open \(index.absoluteString)")
        if open { Browser.open(index) }
    }
}

/// Opens a page in the desktop's browser, where there is one.
enum Browser {
    static func open(_ url: URL) {
        let opener = ["/usr/bin/xdg-open", "/usr/bin/open"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let opener else {
            Console.error("kenshu: no browser opener (xdg-open) here; open the address above in a browser")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url.absoluteString]
        try? process.run()
    }
}

enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
