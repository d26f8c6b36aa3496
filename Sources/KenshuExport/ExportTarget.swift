import Foundation
import KenshuBuild
import KenshuCore

/// Where an export may not be written, because the file would destroy or leak material:
/// - inside the content folder, a base's folder or the themes: it would be published with the course (K7206);
/// - over a zip that a `base:` names: the only copy of the other municipality's material (K7208);
/// - inside a built site (`Output/`): the next build stops at it (K0016), and until then the site
///   publishes it, and a later export packs it (K7209).
enum ExportTarget {
    static func refusal(_ output: URL, options: BuildOptions, pipeline: SitePipeline) -> ToolFailure? {
        let file = output.resolvingSymlinksInPath().path
        let folder = output.deletingLastPathComponent().resolvingSymlinksInPath().path + "/"
        let content = URL(fileURLWithPath: options.contentDirectory).standardizedFileURL.resolvingSymlinksInPath().path + "/"
        if folder.hasPrefix(content) { return ToolFailure(.exportOutputInsideContent, output.path) }
        // A theme's files are published (its assets) and packed by the next source export.
        if let themes = pipeline.themesDirectory,
           folder.hasPrefix(URL(fileURLWithPath: themes).standardizedFileURL.resolvingSymlinksInPath().path + "/") {
            return ToolFailure(.exportOutputInsideContent, output.path)
        }
        for archive in pipeline.watchedArchives where URL(fileURLWithPath: archive).resolvingSymlinksInPath().path == file {
            return ToolFailure(.exportOutputIsBase, output.path)
        }
        // A base folder's files are another course's; an unpacked zip's folder is Kenshu's cache.
        for layer in pipeline.layers.dropLast() where layer.archive == nil && folder.hasPrefix(layer.root + "/") {
            return ToolFailure(.exportOutputInsideContent, output.path)
        }
        if let site = OutputLocation.builtSite(containing: output.deletingLastPathComponent().path) {
            return ToolFailure(.exportOutputInsideSite, output.path, site)
        }
        return nil
    }
}
