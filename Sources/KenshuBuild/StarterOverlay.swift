import Foundation
import KenshuContent
import KenshuCore

/// What `kenshu new --base ../their/Content` writes: a course of one file, site.yml, that is built
/// on another (`base:` relative to the new content folder), with its own fresh id, the base's
/// title and variables ready to adapt, and the base's current version recorded as accepted.
///
/// The template is compiled in from `Sources/KenshuBuild/StarterOverlay/` (see ``StarterCourse``).
public enum StarterOverlay {
    /// Writes `folder/Content/site.yml` and `base-accepted.yml`.
    /// - Parameters:
    ///   - base: the base's content folder or source zip, as the user named it (relative to the working folder).
    ///   - emptyFolder: the folder that must be empty or missing, when not `folder` (``NewCourseTarget``).
    public static func write(to folder: URL, base: String, today: CalendarDate, siteID: String? = nil, emptyFolder: URL? = nil) throws {
        let fm = FileManager.default
        let mustBeEmpty = emptyFolder ?? folder
        if let entries = try? fm.contentsOfDirectory(atPath: mustBeEmpty.path), !entries.isEmpty {
            throw ToolFailure(.newTargetNotEmpty, mustBeEmpty.path)
        }
        let baseURL = URL(fileURLWithPath: base).standardizedFileURL
        // Named with the full path: the base is looked up from the working folder, not from the new course.
        guard fm.fileExists(atPath: baseURL.path) else { throw ToolFailure(.newBaseNotFound, baseURL.path) }
        let content = folder.standardizedFileURL.appendingPathComponent("Content")
        let reference = base.hasPrefix("/") ? baseURL.path : relativePath(from: content.path, to: baseURL.path)

        // The folders made here go again when the base turns out to be no course: nothing is left behind.
        let made = Self.missingFolders(up: content)
        try fm.createDirectory(at: content, withIntermediateDirectories: true)
        let template = files["site.yml"] ?? ""
        let id = siteID ?? StarterCourse.freshID()
        let draft = "base: " + JSONText.string(reference) + "\nid: " + id + "\n"
        try Data(draft.utf8).write(to: content.appendingPathComponent("site.yml"))
        // Read the new course as Kenshu will (through its base), then write its settings in full.
        let tree = try ContentLoader.load(contentDirectory: content.path)
        if var problem = BaseReview.baseProblem(in: tree) {
            try? fm.removeItem(at: content)
            for folder in made where (try? fm.contentsOfDirectory(atPath: folder.path))?.isEmpty == true { try? fm.removeItem(at: folder) }
            // Named as typed on the command line, not as the new site.yml (in a folder just removed) reaches it.
            if !problem.message.arguments.isEmpty { problem.message.arguments[0] = base }
            throw problem
        }
        let text = fill(
            template, reference: reference, title: tree.config.title, id: id, variables: tree.config.variables)
        try Data(text.utf8).write(to: content.appendingPathComponent("site.yml"))
        if var record = tree.base {
            record.accepted = today.description
            try Data(record.yaml().utf8).write(to: content.appendingPathComponent(BaseRecord.fileName))
        }
    }

    static func fill(_ template: String, reference: String, title: String, id: String, variables: [String: String]) -> String {
        // Names are letters, digits, `_`, `-` and `・` (``TextVariables``): plain YAML keys unless they start with `-`.
        let vars = variables.keys.sorted().map { name in
            "  " + (name.hasPrefix("-") ? JSONText.string(name) : name) + ": " + JSONText.string(variables[name] ?? "")
        }
        return template
            .replacingOccurrences(of: "{{BASE_PATH}}", with: JSONText.string(reference))
            .replacingOccurrences(of: "{{BASE_TITLE}}", with: JSONText.string(title))
            .replacingOccurrences(of: "{{SITE_ID}}", with: id)
            .replacingOccurrences(of: "{{VARS}}", with: vars.isEmpty ? "" : "vars:\n" + vars.joined(separator: "\n"))
            // Without variables, the template's example in a comment: a `vars:` holding `{}` breaks when a line is added under it.
            .keepingBlock("NO_VARS", vars.isEmpty)
    }

    /// The folders from `folder` up to the first that exists, which do not exist yet, deepest first.
    static func missingFolders(up folder: URL) -> [URL] {
        var missing: [URL] = []
        var current = folder.standardizedFileURL
        while current.path != "/", !FileManager.default.fileExists(atPath: current.path) {
            missing.append(current)
            current.deleteLastPathComponent()
        }
        return missing
    }

    /// `to` relative to the folder `from` (both absolute): `../../town/Content`.
    static func relativePath(from: String, to: String) -> String {
        let a = from.split(separator: "/"), b = to.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let ups = Array(repeating: "..", count: a.count - common)
        let parts = ups + b[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}

extension String {
    /// The template with `{{NAME}}…{{/NAME}}` kept (without its markers) or removed.
    func keepingBlock(_ name: String, _ keep: Bool) -> String {
        guard let open = range(of: "{{" + name + "}}"), let close = range(of: "{{/" + name + "}}", range: open.upperBound..<endIndex) else {
            return self
        }
        return String(self[..<open.lowerBound]) + (keep ? String(self[open.upperBound..<close.lowerBound]) : "") + String(self[close.upperBound...])
    }
}
