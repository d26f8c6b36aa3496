/// A place in an author's file, so that every problem can be reported where the author fixes it.
///
/// Lines and columns are 1-based; the column counts UTF-8 bytes, as libcmark and most editors'
/// "go to line:column" commands do for ASCII-indented Markdown.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file, as given to the build (usually relative to the working directory).
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }
}
