import ArgumentParser

/// The `kenshu` command: a thin layer over the KenshuBuild library.
@main
struct Kenshu: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds a training site from Markdown lessons (研修サイトを Markdown から作ります).",
        version: "0.1.0",
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self)
}
