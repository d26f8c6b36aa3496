import Foundation

/// One file of an export, by its path inside the archive (always `/`-separated, relative).
public struct ArchiveFile: Sendable, Equatable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
