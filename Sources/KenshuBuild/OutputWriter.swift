import Foundation
import KenshuCore
import KenshuRender

/// Writes a rendered site into a new folder beside the output and swaps it in only when every
/// file is written, so a failed or killed build leaves the previous output as it was.
///
/// Writing into a new folder is also the fast path: rewriting existing files costs 15–30× more on
/// this kind of disk. The replaced folder is deleted afterwards, off the user's wait.
enum OutputWriter {
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    /// Returns the number of files written.
    /// Files Kenshu writes into the output root itself; an old output's copies are not carried over.
    static let ownFiles: Set<String> = [OutputLocation.marker, ".kenshu-sources.json"]

    /// - Parameter verify: looks at the finished folder before it is swapped in; returning `false` keeps the old output.
    static func write(
        _ site: RenderedSite, to output: URL, removeOldInBackground: Bool, verify: (URL) throws -> Bool = { _ in true }
    ) throws -> Int? {
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).kenshu-new-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).kenshu-old-\(pid)")
        let fm = FileManager.default
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(in: parent, name: name, background: removeOldInBackground)
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            let count = try writeFiles(site, into: staging)
            try Data("Built by Kenshu. This folder is replaced on every build.\n".utf8)
                .write(to: staging.appendingPathComponent(OutputLocation.marker))
            guard try verify(staging) else {
                try? fm.removeItem(at: staging)
                return nil
            }
            try swap(staging: staging, output: output, retired: retired)
            remove(retired, background: removeOldInBackground)
            return count
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    private static func writeFiles(_ site: RenderedSite, into root: URL) throws -> Int {
        let folders = Set((site.pagePaths + site.copies.map(\.path)).map(\.directory)).filter { !$0.isEmpty }
        for folder in folders.sorted() {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let rootPath = root.path
        let render = site.renderPage
        let pageFailures = Parallel.map(Array(site.pagePaths.indices)) { index -> String? in
            let page = render(index)
            return FileBytes.write(page.html, to: rootPath + "/" + page.path.value) ? nil : page.path.value
        }
        let copyFailures = Parallel.map(site.copies) { copy -> String? in
            do {
                switch copy.source {
                case .file(let path): try FileManager.default.copyItem(atPath: path, toPath: rootPath + "/" + copy.path.value)
                case .bytes(let data): try data.write(to: URL(fileURLWithPath: rootPath + "/" + copy.path.value))
                }
                return nil
            } catch {
                return copy.path.value
            }
        }
        let failures = (pageFailures + copyFailures).compactMap { $0 }
        if let first = failures.first {
            throw WriteError(description: "cannot write '\(first)' (and \(failures.count - 1) more) into '\(rootPath)'")
        }
        return site.pagePaths.count + site.copies.count
    }

    /// Puts `staging` in place of `output`, keeping dot files of the old output's root (`.git`, `.gitignore`).
    private static func swap(staging: URL, output: URL, retired: URL) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path) {
            try fm.moveItem(at: output, to: retired)
            do {
                try fm.moveItem(at: staging, to: output)
            } catch {
                try? fm.moveItem(at: retired, to: output)
                throw error
            }
            let kept = ((try? fm.contentsOfDirectory(atPath: retired.path)) ?? [])
                .filter { $0.hasPrefix(".") && !ownFiles.contains($0) }
            for name in kept {
                try? fm.moveItem(at: retired.appendingPathComponent(name), to: output.appendingPathComponent(name))
            }
        } else {
            try fm.moveItem(at: staging, to: output)
        }
    }

    /// Folders left by builds that were killed half way.
    private static func removeLeftovers(in parent: URL, name: String, background: Bool) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(".\(name).kenshu-new-") || entry.hasPrefix(".\(name).kenshu-old-") {
            remove(parent.appendingPathComponent(entry), background: background)
        }
    }

    private static func remove(_ folder: URL, background: Bool) {
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        if background {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/rm")
            process.arguments = ["-rf", "--", folder.path]
            if (try? process.run()) != nil { return }
        }
        try? FileManager.default.removeItem(at: folder)
    }
}
