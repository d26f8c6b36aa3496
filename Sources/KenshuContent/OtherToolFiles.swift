/// Files that other documentation tools keep beside their Markdown (mdBook's `SUMMARY.md` and
/// `book.toml`, MkDocs' `mkdocs.yml`, …), which come along when their material is copied into
/// `Content/`. Kenshu makes its contents from folder and file names, so these are neither pages nor
/// assets: publishing `SUMMARY.md` as a lesson would stop the build for want of a title.
enum OtherToolFiles {
    /// The tool a file belongs to, by its exact name, or `nil` for the author's own files.
    static func tool(for name: String) -> String? {
        tools[name]
    }

    private static let tools: [String: String] = [
        "SUMMARY.md": "mdBook", "book.toml": "mdBook",
        "mkdocs.yml": "MkDocs", "mkdocs.yaml": "MkDocs",
        "_config.yml": "Jekyll", "hugo.toml": "Hugo",
        "_sidebar.md": "docsify", "_navbar.md": "docsify", "_coverpage.md": "docsify",
    ]
}
