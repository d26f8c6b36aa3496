import Foundation
import KenshuContent

/// Whether a site given to `kenshu check` was built from the course that `--config` names.
///
/// `kenshu check` reviews the course (review dates, glossary, quizzes) as well as the links, but only
/// the course the checked site came from: `kenshu check ../隣の町/Output` must not report this
/// folder's `Content/`, nor apply its site.yml's `check: ignore:` patterns to another site.
public enum CheckedSiteOrigin {
    /// True for the default output folder, and for a site whose marker (``OutputLocation``) names the
    /// course id that `siteYAML` gives (a build with `--output public`).
    public static func isBuilt(fromSiteYAML siteYAML: String?, checkedFolder: String, defaultOutput: String = "Output") -> Bool {
        if sameFolder(checkedFolder, defaultOutput) { return true }
        guard let siteYAML, let id = OutputLocation.builtSiteID(of: checkedFolder) else { return false }
        return SiteConfig.parse(siteYAML, path: "site.yml").0.storageID == id
    }

    private static func sameFolder(_ a: String, _ b: String) -> Bool {
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return resolved(a) == resolved(b)
    }
}
