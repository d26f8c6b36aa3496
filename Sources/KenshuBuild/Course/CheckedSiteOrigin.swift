import Foundation
import KenshuCheck
import KenshuCore

/// Whether a site given to `kenshu check` was built from the content folder beside it.
///
/// `kenshu check` reviews the course (review dates, glossary, quizzes) as well as the links, but only
/// the course the checked site came from: `kenshu check ../隣の町/Output` must not report this
/// folder's `Content/`, nor apply its site.yml's `check: ignore:` patterns to another site.
public enum CheckedSiteOrigin {
    /// True for the default output folder, and for any site whose source manifest names a file
    /// in `contentDirectory` (a build with `--output public`).
    public static func isBuilt(from contentDirectory: String, checkedFolder: String, defaultOutput: String = "Output") -> Bool {
        if sameFolder(checkedFolder, defaultOutput) { return true }
        let manifest = URL(fileURLWithPath: checkedFolder).appendingPathComponent(SiteChecker.manifestName)
        guard let data = try? Data(contentsOf: manifest) else { return false }
        let published = SourceManifest.publishedPath(
            URL(fileURLWithPath: contentDirectory).standardizedFileURL.path + "/", contentDirectory: contentDirectory)
        let needle = "\"path\":" + JSONText.string(published)
        // The needle's closing quote is dropped: a path in the folder goes on after the prefix.
        return String(decoding: data, as: UTF8.self).contains(String(needle.dropLast()))
    }

    private static func sameFolder(_ a: String, _ b: String) -> Bool {
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return resolved(a) == resolved(b)
    }
}
