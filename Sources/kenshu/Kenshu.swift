import Foundation
import KenshuBuild
import KenshuCommandLine
import KenshuCore

/// The `kenshu` command: a thin layer over the KenshuBuild library. `KenshuCommandLine` reads the
/// arguments (help and usage errors in the author's language); each command here only runs.
@main
enum Kenshu {
    static func main() async {
        MemoryTuning.returnLargeBlocksToTheSystem()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let language = KenshuCommands.language(of: arguments, environment: ProcessInfo.processInfo.environment)
        let request: CommandLineRequest
        do {
            request = try CommandLineParser(root: KenshuCommands.root, language: language).parse(arguments)
        } catch {
            Console.error(CommandHelp.errorText(error, root: KenshuCommands.root, language: language))
            exit(UsageError.exitStatus)
        }
        switch request {
        case .version:
            print(KenshuVersion.current)
        case .help(let path):
            print(CommandHelp.text(for: path, root: KenshuCommands.root, language: language))
        case .run(let command):
            do {
                try await run(command)
            } catch let failure as ExitCode {
                exit(failure.status)
            } catch {
                Console.error(DiagnosticPrinter(language: language).failureLine(error))
                exit(1)
            }
        }
    }

    static func run(_ command: ParsedCommand) async throws {
        switch command.action {
        case .build: try BuildCommand(command).run()
        case .serve: try await ServeCommand(command).run()
        case .check: try await CheckCommand(command).run()
        case .new: try NewCommand(command).run()
        case .themeExport: try ThemeExportCommand(command).run()
        case .export: try ExportCommand(command).run()
        case .baseStatus: try BaseCommand.status(SiteOptions(command), LanguageOption(command))
        case .baseAccept: try BaseCommand.accept(SiteOptions(command), LanguageOption(command))
        }
    }
}

/// Ends the process with this status once the command has said why.
struct ExitCode: Error {
    let status: Int32

    init(_ status: Int32) { self.status = status }

    static let failure = ExitCode(1)
}
