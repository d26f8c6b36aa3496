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

    /// The file written when `--output` is not given: `<course id>-<format>.<extension>`.
    public func defaultFileName(siteID: String) -> String {
        switch self {
        case .zip: "\(siteID)-site.zip"
        case .scorm12: "\(siteID)-scorm12.zip"
        case .gift: "\(siteID)-quizzes.gift.txt"
        case .source: "\(siteID)-source.zip"
        }
    }
}
