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
        projectAsTyped = namesContentFolder ? (typed as NSString).deletingLastPathComponent : typed
    }
}
