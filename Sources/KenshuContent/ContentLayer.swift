import KenshuCore

/// One folder of a course's content: the course itself, or a course it is built on (`base:`).
///
/// A course built on another is a stack of layers, base first: a file in a higher layer replaces
/// the file at the same path below it, and `hide:` removes files of the layers below.
public struct ContentLayer: Sendable, Hashable {
    /// The folder, absolute and with links resolved.
    public var root: String
    /// How messages name the folder (`Content`, `../kakuu-shi/Content`, `kakuu-shi-source.zip/Content`).
    public var display: String
    /// This layer's `hide:` entries, applied to the layers below it.
    public var hidden: [String]
    public var hiddenAt: SourceLocation?
    /// The zip this layer was unpacked from (as messages name it), when it came from one.
    public var archive: String?

    public init(root: String, display: String, hidden: [String] = [], hiddenAt: SourceLocation? = nil, archive: String? = nil) {
        self.root = root
        self.display = display
        self.hidden = hidden
        self.hiddenAt = hiddenAt
        self.archive = archive
    }

    /// Whether `relativePath` is one `hide:` names, itself or as a folder it is inside.
    public func hides(_ relativePath: String) -> Bool {
        hidden.contains { entry in
            let folder = entry.hasSuffix("/") ? String(entry.dropLast()) : entry
            return relativePath == folder || relativePath.hasPrefix(folder + "/")
        }
    }
}
