import ArgumentParser
import KenshuBuild
import KenshuCore

/// The `kenshu` command: a thin layer over the KenshuBuild library.
@main
struct Kenshu: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds a training site from Markdown lessons (研修サイトを Markdown から作ります).",
        version: KenshuVersion.current,
        subcommands: [
            BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, ThemeCommand.self, ExportCommand.self,
            BaseCommand.self,
        ],
        defaultSubcommand: BuildCommand.self)

    static func main() async {
        MemoryTuning.returnLargeBlocksToTheSystem()
        await main(nil)
    }
}
