import Foundation

/// The names of a folder that are not UTF-8, as their bytes: Foundation lists such a name with U+FFFD in it,
/// and the author, told of `images/�}�@����.png`, cannot tell which file it is. Read as Shift_JIS (what a zip
/// made on Japanese Windows holds), the name is the one they saw in Explorer.
enum NonUTF8Names {
    /// The Shift_JIS reading of the entry of `folder` that Foundation listed as `listed`, when there is one.
    static func shiftJISReading(of listed: String, in folder: String) -> String? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard String(validating: bytes, as: UTF8.self) == nil, String(decoding: bytes, as: UTF8.self) == listed,
                  let reading = String(data: Data(bytes), encoding: .shiftJIS) else { continue }
            return reading
        }
        return nil
    }
}
