import Foundation
import KenshuCheck
import KenshuCore
import KenshuRender

/// Writes a rendered site into a new folder beside the output and swaps it in only when every
/// file is written, so a failed or killed build leaves the previous output as it was.
///
/// Writing into a new folder is also the fast path: rewriting existing files costs 15–30× more on
/// this kind of disk. The replaced folder is deleted afterwards, off the user's wait.
enum OutputWriter {
    /// Returns the number of files written.
    /// Files Kenshu writes into the output root itself; an old output's copies are not carried over.
    static let ownFiles: Set<String> = [OutputLocation.marker, ".kenshu-sources.json", OutputAdditions.listName]

    /// - Parameters:
    ///   - checkPages: check each HTML page's links as it is rendered, from memory (not read back from disk).
    ///   - siteID: the course's storage id, noted in the marker so that `kenshu check` knows which course a site came from.
    ///   - verify: looks at the finished folder (and the pages' check results, when asked for) before it is
    ///     swapped in; returning `false` keeps the old output.
    static func write(
        _ site: RenderedSite, to output: URL, removeOldInBackground: Bool, checkPages: Bool = false, siteID: String? = nil,
        verify: (URL, [PageResult]?) throws -> Bool = { _, _ in true }
    ) throws -> Int? {
        // A symlinked output folder is written through: its target is replaced, the link stays.
        let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: output.path)) != nil
        let output = isLink ? output.resolvingSymlinksInPath() : output
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).kenshu-new-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).kenshu-old-\(pid)")
        let fm = FileManager.default
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let lock = try BuildLock(parent.appendingPathComponent(".\(name).kenshu-lock"), output: output.path)
        defer { lock.release() }
        removeLeftovers(in: parent, name: name, output: output, background: removeOldInBackground)
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            let (count, checked) = try writeFiles(site, into: staging, shownAs: output.path, checkPages: checkPages)
            try Data(OutputLocation.markerText(siteID: siteID).utf8).write(to: staging.appendingPathComponent(OutputLocation.marker))
            // What this build wrote: anything else found here by the next build was put in by someone.
            try Data(OutputAdditions.list((site.pagePaths + site.copies.map(\.path)).map(\.value)).utf8)
                .write(to: staging.appendingPathComponent(OutputAdditions.listName))
            guard try verify(staging, checked) else {
                try? fm.removeItem(at: staging)
                return nil
            }
            // Looked for again just before the swap: a file dropped in while this build ran (the first look
            // was at its start) would otherwise go with the old output.
            try OutputAdditions.refuseIfAny(in: output)
            keepModeAndGroup(of: output, on: staging)
            try swap(staging: staging, output: output, retired: retired)
            remove(retired, background: removeOldInBackground)
            return count
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    /// Pages rendered, written and (optionally) checked per batch of one folder: pages of a folder
    /// share most links, so a batch resolves each URL once. A failure names the file as it would have
    /// been in the output folder (`shownAs`), not in the staging folder the author never sees.
    private static func writeFiles(_ site: RenderedSite, into root: URL, shownAs: String, checkPages: Bool) throws -> (Int, [PageResult]?) {
        let folders = Set((site.pagePaths + site.copies.map(\.path)).map(\.directory)).filter { !$0.isEmpty }
        for folder in folders.sorted() {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let rootPath = root.path
        let render = site.renderPage
        let files = checkPages ? SiteFiles(paths: site.pagePaths.map(\.value) + site.copies.map(\.path.value)) : nil
        var seen: Set<Int> = []
        let alone = site.renderAlone.filter { site.pagePaths.indices.contains($0) && seen.insert($0).inserted }
        let first = site.renderFirst.filter { site.pagePaths.indices.contains($0) && seen.insert($0).inserted }
        let ordered = Set(alone + first)
        // The folders of the files made alone come first, even before the files asked for first: their
        // other files (search/*.js) are ready then, and are started before print.html and the pages so
        // that what they are made from (the search documents) is let go early while those render.
        let aloneFolders = Set(alone.map { site.pagePaths[$0].directory })
        let grouped = Dictionary(grouping: site.pagePaths.indices.filter { !ordered.contains($0) }) { site.pagePaths[$0].directory }
            .sorted { $0.key < $1.key }
        func batched(_ folders: some Sequence<(key: String, value: [Int])>) -> [[Int]] {
            folders.flatMap { _, indices in stride(from: 0, to: indices.count, by: 64).map { Array(indices[$0..<min($0 + 64, indices.count)]) } }
        }
        let batches = batched(grouped.filter { aloneFolders.contains($0.key) }) + first.map { [$0] }
            + batched(grouped.filter { !aloneFolders.contains($0.key) })
        @Sendable func writeAndCheck(_ batch: [Int]) -> (failures: [(path: String, reason: String)], checked: [PageResult]) {
            var checker = files.map { FolderChecker(files: $0) }
            var failures: [(path: String, reason: String)] = [], checked: [PageResult] = []
            for index in batch {
                let page = render(index)
                let checks = checker != nil && page.path.value.hasSuffix(".html")
                // Written (and read for the check) a part at a time: print.html is never held whole.
                var parts = PageInParts()
                let failure = FileBytes.write(to: rootPath + "/" + page.path.value) { write in
                    page.emitParts { part in
                        write(part)
                        if checks { parts.add(part) }
                    }
                }
                if let failure {
                    failures.append((page.path.value, SystemErrorReason.argument(errno: failure)))
                }
                if checks, let result = checker?.check(page.path.value, parts: parts) { checked.append(result) }
            }
            return (failures, checked)
        }
        // Outside `Parallel.map`, so that their own parallel work gets every core.
        let written = alone.map { writeAndCheck([$0]) } + Parallel.map(batches, writeAndCheck)
        let pageFailures = written.flatMap(\.failures)
        let copyFailures = Parallel.map(site.copies) { copy -> (path: String, reason: String)? in
            do {
                switch copy.source {
                case .file(let path): try FileManager.default.copyItem(atPath: path, toPath: rootPath + "/" + copy.path.value)
                case .bytes(let data): try data.write(to: URL(fileURLWithPath: rootPath + "/" + copy.path.value))
                }
                return nil
            } catch {
                return (copy.path.value, SystemErrorReason.argument(for: error))
            }
        }
        // The first file that could not be written, and why (a full disk fails them all alike).
        if let first = (pageFailures + copyFailures.compactMap { $0 }).first {
            throw ToolFailure(.outputWriteFailed, shownAs + "/" + first.path, first.reason)
        }
        return (site.pagePaths.count + site.copies.count, checkPages ? written.flatMap(\.checked) : nil)
    }

    /// Puts `staging` in place of `output`, keeping dot files of the old output's root (`.git`, `.gitignore`).
    /// One atomic exchange where the system has it (the old tree ends up at `staging`'s path, to be
    /// removed); otherwise two renames, which ``recoverHalfDoneSwap(of:)`` repairs if a kill falls between them.
    static func swap(
        staging: URL, output: URL, retired: URL,
        exchange: (String, String) throws -> PathExchange.Outcome = PathExchange.exchange
    ) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        var old = retired
        if try exchange(staging.path, output.path) == .exchanged {
            // The old tree is at `staging` now; if it cannot be renamed, the next build removes it from there.
            if (try? fm.moveItem(at: staging, to: retired)) == nil { old = staging }
        } else {
            try fm.moveItem(at: output, to: retired)
            do {
                try fm.moveItem(at: staging, to: output)
            } catch {
                try? fm.moveItem(at: retired, to: output)
                throw error
            }
        }
        let kept = ((try? fm.contentsOfDirectory(atPath: old.path)) ?? []).filter { $0.hasPrefix(".") && !ownFiles.contains($0) }
        for name in kept {
            try? fm.moveItem(at: old.appendingPathComponent(name), to: output.appendingPathComponent(name))
        }
    }

    /// A build killed between the two renames of a fallback swap left no output, only its hidden old copy:
    /// put the copy back. Every build does this first, whether or not it gets to write.
    static func recoverHalfDoneSwap(of output: URL) {
        let fm = FileManager.default
        let isLink = (try? fm.destinationOfSymbolicLink(atPath: output.path)) != nil
        let output = isLink ? output.resolvingSymlinksInPath() : output
        guard !fm.fileExists(atPath: output.path) else { return }
        let parent = output.deletingLastPathComponent(), name = output.lastPathComponent
        let entries = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        let prefix = ".\(name).kenshu-old-"
        // Not a copy whose build is still running (between its two renames right now).
        guard let old = entries.last(where: { entry in
            guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)) else { return false }
            return pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) != 0
        }) else { return }
        try? fm.moveItem(at: parent.appendingPathComponent(old), to: output)
    }

    /// Folders left by builds that were killed half way (after ``recoverHalfDoneSwap(of:)``).
    private static func removeLeftovers(in parent: URL, name: String, output: URL, background: Bool) {
        recoverHalfDoneSwap(of: output)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(".\(name).kenshu-new-") || entry.hasPrefix(".\(name).kenshu-old-") {
            remove(parent.appendingPathComponent(entry), background: background)
        }
    }

    /// The new folder gets the old one's permissions and group, so a shared folder stays shared.
    private static func keepModeAndGroup(of output: URL, on staging: URL) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: output.path) else { return }
        var kept: [FileAttributeKey: Any] = [:]
        if let mode = attributes[.posixPermissions] { kept[.posixPermissions] = mode }
        if let group = attributes[.groupOwnerAccountID] { kept[.groupOwnerAccountID] = group }
        try? FileManager.default.setAttributes(kept, ofItemAtPath: staging.path)
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
