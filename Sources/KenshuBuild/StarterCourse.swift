import Foundation
import KenshuCore

/// The small course `kenshu new` writes: site.yml with a fresh id, a home page, one module with
/// two lessons, a quiz, a module test, a glossary entry and an image, each file explaining itself
/// in comments, in Japanese or (`kenshu new --lang en`) in English. Both build and check with zero
/// warnings (a test keeps them so).
///
/// The files are compiled in (from `Sources/KenshuBuild/StarterCourse/` and `StarterCourseEnglish/`,
/// by `Tests/tools/embed_files.py`) so that a binary copied alone can start a course.
public enum StarterCourse {
    /// Writes the course into `folder` (created; refused when it exists and is not empty).
    /// - Parameters:
    ///   - siteID: the course's storage id; a fresh random one when `nil`.
    ///   - language: `.en` for the English course (`language: en`); the Japanese one otherwise.
    ///   - emptyFolder: the folder that must be empty or missing, when not `folder` (``NewCourseTarget``).
    public static func write(to folder: URL, siteID: String? = nil, language: Language = .ja, emptyFolder: URL? = nil) throws {
        let fm = FileManager.default
        let mustBeEmpty = emptyFolder ?? folder
        if let entries = try? fm.contentsOfDirectory(atPath: mustBeEmpty.path), !entries.isEmpty {
            throw ToolFailure(.newTargetNotEmpty, mustBeEmpty.path)
        }
        let id = siteID ?? Self.freshID()
        for (relative, text) in language == .en ? englishFiles : files {
            let target = folder.appendingPathComponent("Content").appendingPathComponent(relative)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.replacingOccurrences(of: "{{SITE_ID}}", with: id).utf8).write(to: target)
        }
    }

    /// The `organisation:` the starters write for the author to replace (Japanese, English); a site that
    /// still carries one shows it under every page and credits nobody in exports (``SitePipeline`` warns, K7212).
    public static let organisationPlaceholders: Set<String> = Set([files, englishFiles, StarterOverlay.files].compactMap { files in
        (files["site.yml"] ?? "").split(separator: "\n").first { $0.hasPrefix("organisation: ") }.map { String($0.dropFirst("organisation: ".count)) }
    })

    /// `kenshu-` and 12 random hex digits: unique enough that two towns' copies never share progress.
    public static func freshID() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = (0..<12).map { _ in String(Int.random(in: 0..<16, using: &generator), radix: 16) }
        return "kenshu-" + digits.joined()
    }
}
