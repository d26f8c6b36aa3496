import Foundation

/// What `kenshu export` writes: the same course, packaged for the way another organisation will use it.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// The built site in one archive that works after unzipping, opened from `file://`.
    case zip
    /// A SCORM 1.2 package for an LMS: one SCO per module.
    case scorm12
    /// Every quiz as Moodle GIFT text.
    case gift
    /// `Content/` and theme overrides, for another municipality to build and adapt.
    case source

    /// Added to an `--output` name written without one: what an LMS's file picker and Windows look for.
    public var fileExtension: String { self == .gift ? ".txt" : ".zip" }

    /// The file written when `--output` is not given: `<course title>-<format>.<extension>`, the title made a
    /// file name Windows accepts (a course built on another's has a random id, which means nothing to the person
    /// who uploads the file); the course id when the title leaves nothing.
    public func defaultFileName(title: String, siteID: String) -> String {
        let stem = Self.fileNameStem(title) ?? siteID
        switch self {
        case .zip: return "\(stem)-site.zip"
        case .scorm12: return "\(stem)-scorm12.zip"
        case .gift: return "\(stem)-quizzes.gift.txt"
        case .source: return "\(stem)-source.zip"
        }
    }

    /// `title` with what Windows refuses in a file name (`\ / : * ? " < > |`, control characters) and blanks
    /// turned into `-`, at most 60 characters and 150 bytes (a file name may hold 255 bytes, and a Japanese
    /// character takes three, an emoji four), without dots or dashes at its ends; `nil` when nothing is left.
    static func fileNameStem(_ title: String) -> String? {
        let refused = Set("\\/:*?\"<>|")
        var stem = ""
        for character in title.precomposedStringWithCanonicalMapping {
            let blank = character.isWhitespace || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
            if blank || refused.contains(character) {
                if !stem.hasSuffix("-") { stem.append("-") }
            } else {
                stem.append(character)
            }
        }
        var short = ""
        for character in stem.prefix(60) {
            guard short.utf8.count + character.utf8.count <= 150 else { break }
            short.append(character)
        }
        let trimmed = short.trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
        return trimmed.isEmpty ? nil : trimmed
    }
}
