/// The file of the same folder that a path naming a missing numbered file most likely meant: one renumbered with
/// its name kept (`02-quiz.md` → `03-quiz.md`, a lesson inserted before it), else, when no file keeps the name,
/// the only one under its number (`02-quiz.md` → `02-kakikata.md`), whatever the spelling distance. Used for
/// links and `hide:` entries alike.
public enum RenamedSibling {
    /// The sibling's path among `paths` (content paths), or `nil` when `path` has no number or no single choice.
    public static func find(for path: String, among paths: some Sequence<String>) -> String? {
        var parts = path.split(separator: "/").map(String.init)
        guard let name = parts.popLast(), let (order, rest) = OrderPrefix.split(name) else { return nil }
        let folder = parts.joined(separator: "/")
        let siblings = paths.compactMap { other -> (path: String, order: Int, rest: String)? in
            let otherParts = other.split(separator: "/")
            guard let otherName = otherParts.last, otherParts.dropLast().joined(separator: "/") == folder,
                  let (otherOrder, otherRest) = OrderPrefix.split(String(otherName)) else { return nil }
            return (other, otherOrder, otherRest)
        }
        let renumbered = siblings.filter { $0.rest == rest }
        let renamed = siblings.filter { $0.order == order }
        if renumbered.count == 1 { return renumbered.first?.path }
        return renumbered.isEmpty && renamed.count == 1 ? renamed.first?.path : nil
    }
}
