import KenshuCore

/// What to suggest for a `hide:` entry that names no page of the base: the lesson it most likely meant. A base
/// that renumbers or renames a lesson keeps its folder, so a sibling with the same name under another number, or
/// the same number under another name, comes first; then a sibling whose name is a near spelling, then the same
/// file in a near-spelled folder. Never a module's `index.md` (hiding it hides the module's own page) unless the
/// entry names one, and nothing rather than a far guess: a page the base deleted is simply gone.
enum HiddenEntryHint {
    static func fix(for entry: String, among known: [String]) -> Message? {
        var parts = entry.split(separator: "/").map(String.init)
        guard let name = parts.popLast() else { return nil }
        let folder = parts.joined(separator: "/")
        let pages = known.compactMap { path -> (path: String, folder: String, name: String)? in
            var pathParts = path.split(separator: "/").map(String.init)
            guard let last = pathParts.popLast(), last != "index.md" || name == "index.md" else { return nil }
            return (path, pathParts.joined(separator: "/"), last)
        }
        let siblings = pages.filter { $0.folder == folder }
        if let sibling = RenamedSibling.find(for: entry, among: known) { return Message(.fixDidYouMean, sibling) }
        let unnumbered = { (file: String) in OrderPrefix.split(file)?.rest ?? file }
        let rest = unnumbered(name)
        if let near = ClosestMatch.find(rest, among: siblings.map { unnumbered($0.name) }),
           let sibling = siblings.first(where: { unnumbered($0.name) == near }) {
            return Message(.fixDidYouMean, sibling.path)
        }
        let sameName = pages.filter { $0.name == name }
        if let nearFolder = ClosestMatch.find(folder, among: sameName.map(\.folder)),
           let page = sameName.first(where: { $0.folder == nearFolder }) {
            return Message(.fixDidYouMean, page.path)
        }
        return nil
    }
}
