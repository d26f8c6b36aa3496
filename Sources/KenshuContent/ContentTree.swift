import KenshuCore

/// One file under the content folder.
public struct ContentFile: Sendable, Hashable {
    /// Relative to the content folder, `/`-separated, NFC (`01-intro/02-welcome.md`).
    public var relativePath: String
    /// How diagnostics name it (`Content/01-intro/02-welcome.md`).
    public var displayPath: String
    /// The absolute path to read.
    public var absolutePath: String

    public init(relativePath: String, displayPath: String, absolutePath: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.absolutePath = absolutePath
    }
}

/// A module folder (`01-intro/`): its overview page and its lessons in order.
public struct ModuleFolder: Sendable {
    public var folder: String
    public var index: ContentFile?
    public var lessons: [ContentFile]
}

/// The shape of a course as found on disk, before any file is parsed.
public struct ContentTree: Sendable {
    public var config: SiteConfig
    public var home: ContentFile?
    public var modules: [ModuleFolder]
    /// Images and other files that are copied as they are.
    public var assets: [ContentFile]
    /// The terms of `glossary.yml`, validated.
    public var glossary: [GlossaryTerm] = []
    /// Markdown files that are not pages (K1005), by content path: a link to one is told so.
    public var unpublishedMarkdown: [String] = []
    /// Module folders of this course's own that stand beside a base's folder of the same number (K1052): not
    /// told to add an index.md, which would make the mistake permanent.
    public var foldersBesideBase: Set<String> = []
    public var diagnostics: [Diagnostic]
    /// The folders the course was read from, base first and this course's own folder last
    /// (one layer unless site.yml names a `base:`).
    public var layers: [ContentLayer] = []
    /// Every zip a `base:` names (absolute paths), for the preview to watch.
    public var baseArchives: [String] = []
    /// The base as it is now (a fingerprint of each of its files), when the course is built on another.
    public var base: BaseRecord?
}
