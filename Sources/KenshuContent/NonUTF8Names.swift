import Foundation
import KenshuCore

/// The names of a folder that are not UTF-8, as their bytes: Foundation lists such a name with U+FFFD in it,
/// and the author, told of `images/�}�@����.png`, cannot tell which file it is. Read as Shift_JIS (what a zip
/// made on Japanese Windows holds), the name is the one they saw in Explorer.
enum NonUTF8Names {
    /// The Shift_JIS readings of the entries of `folder` that Foundation listed as `listed`: more than one when
    /// several names garble alike (`説明.png` and `動画.png` both become `����.png`).
    static func shiftJISReadings(of listed: String, in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var readings: [String] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard String(validating: bytes, as: UTF8.self) == nil, String(decoding: bytes, as: UTF8.self) == listed,
                  let reading = String(data: Data(bytes), encoding: .shiftJIS) else { continue }
            readings.append(reading)
        }
        return readings.sorted()
    }

    /// The note for a name Foundation listed as `listed`: its Shift_JIS reading, or the readings it may be.
    static func note(for listed: String, in folder: String) -> Message? {
        let readings = shiftJISReadings(of: listed, in: folder)
        switch readings.count {
        case 0: return nil
        case 1: return Message(.noteShiftJISName, readings[0])
        default: return Message(.noteShiftJISNames, readings.map { "'" + $0 + "'" }.joined(separator: ", "))
        }
    }
}
