import ArgumentParser

/// The options every command that reads a course shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The folder with site.yml and the course.")
    var content = "Content"

    @Option(name: .long, help: "The theme folder under Themes/ (overrides site.yml).")
    var theme: String?
}
