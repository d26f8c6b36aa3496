import Foundation

/// Where `kenshu new DIR` writes a course: the project folder `DIR`, with the course in `DIR/Content/`.
///
/// `kenshu new Content`, typed in the project folder, names the content folder itself: writing
/// `Content/Content/` would leave a course that `kenshu build` in the same folder cannot find.
/// Then the project is the folder around it, which may hold other files (only `Content/` must be empty).
public struct NewCourseTarget: Sendable, Equatable {
    /// The folder that gets `Content/` (and later `Output/`).
    public let project: URL
    /// Whether `DIR` was the content folder itself.
    public let namesContentFolder: Bool
    /// The folder the advice's `cd` goes to, as typed; empty when it is the working folder.
    public let projectAsTyped: String
    /// `DIR` as typed, without trailing slashes.
    public let directoryAsTyped: String
    /// The folder that must be empty or missing.
    public var mustBeEmpty: URL { namesContentFolder ? project.appendingPathComponent("Content") : project }

    public init(_ directory: String) {
        let url = URL(fileURLWithPath: directory)
        namesContentFolder = url.lastPathComponent == "Content"
        project = namesContentFolder ? url.deletingLastPathComponent() : url
        var typed = directory
        while typed.count > 1, typed.hasSuffix("/") { typed.removeLast() }
        directoryAsTyped = typed
        projectAsTyped = namesContentFolder ? Self.parent(ofTyped: typed) : typed
    }

    /// The folder around a typed path, as typed: `a/Content` → `a`, `Content` → `` (here), `.` → `..`.
    /// Foundation's `deletingLastPathComponent` crashes on `.` (`kenshu new` inside a folder named Content).
    static func parent(ofTyped typed: String) -> String {
        let last = typed.split(separator: "/").last.map(String.init) ?? typed
        if last == "." || last == ".." { return typed == "." ? ".." : typed + "/.." }
        guard let slash = typed.lastIndex(of: "/") else { return "" }
        return slash == typed.startIndex ? "/" : String(typed[..<slash])
    }
}
