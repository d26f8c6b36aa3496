import Foundation
import Glibc
import KenshuCore

/// Reports changed files under some folders, through inotify on Linux (with a polling fallback).
///
/// Editors save by writing a temporary file and renaming it, so folders are watched, not files;
/// new folders are watched as they appear. Changes are gathered for a short quiet time so that one
/// save reports once.
///
/// `@unchecked Sendable`: `descriptor` is written by `start()` before the watching thread starts;
/// `folders`, `roots`, `files`, `fileFolders` and `stopped` are read and written only while holding
/// `lock` (``watch(_:)`` and ``watch(files:)`` add from another thread); the stream's continuation is
/// itself thread-safe.
public final class FileWatcher: @unchecked Sendable {
    private var roots: [String]
    private let quiet: Int32
    private let continuation: AsyncStream<[String]>.Continuation
    /// Batches of changed absolute paths.
    public let changes: AsyncStream<[String]>
    private var descriptor: Int32 = -1
    private var folders: [Int32: String] = [:]
    /// Single files watched through their folder (a `base:` zip): only they are reported from those folders.
    private var files: Set<String> = []
    /// Folders watched only for ``files``, not as trees.
    private var fileFolders: Set<Int32> = []
    private let lock = NSLock()
    private var stopped = false

    /// - Parameter quietMilliseconds: how long to wait for more events before reporting a batch.
    public init(folders roots: [String], quietMilliseconds: Int32 = 15) {
        self.roots = roots
        self.quiet = quietMilliseconds
        (changes, continuation) = AsyncStream.makeStream(of: [String].self)
    }

    /// Starts watching on its own thread; returns `false` when inotify is unavailable and polling is used.
    @discardableResult
    public func start() -> Bool {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else {
            Thread { self.poll() }.start()
            return false
        }
        lock.lock()
        for root in roots { watchTree(root) }
        // Each folder is also watched from the folder around it, as a file: one made, renamed or removed while the
        // preview runs (the content folder copied in after a start without it, `Themes/` made later) is reported.
        files.formUnion(roots)
        for path in files { watchFolder(of: path) }
        lock.unlock()
        Thread { self.run() }.start()
        return true
    }

    /// Also watches `folders` (and what is below them) from now on, before it returns, so that a
    /// save right after a course names a new `base:` is seen; folders already watched are skipped.
    public func watch(_ folders: [String]) {
        lock.lock()
        defer { lock.unlock() }
        let new = folders.filter { !roots.contains($0) }
        roots += new
        files.formUnion(new)
        if descriptor >= 0 {
            for root in new {
                watchTree(root)
                watchFolder(of: root)
            }
        }
    }

    /// Also reports changes to these single files (a `base:` zip replaced by a newer one), watching
    /// their folders without what is below them and reporting nothing else from there.
    public func watch(files paths: [String]) {
        lock.lock()
        defer { lock.unlock() }
        for path in paths where files.insert(path).inserted && descriptor >= 0 {
            watchFolder(of: path)
        }
    }

    /// Call with `lock` held. A folder already watched as part of a tree reports the file anyway.
    private func watchFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folders.values.contains(folder) else { return }
        let wd = inotify_add_watch(descriptor, folder, Self.events)
        // A folder already watched as a tree keeps its tree watch (the same descriptor): it reports every name.
        if wd >= 0, folders[wd] == nil {
            folders[wd] = folder
            fileFolders.insert(wd)
        }
    }

    public func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        continuation.finish()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Call with `lock` held.
    private func watchTree(_ folder: String) {
        let wd = inotify_add_watch(descriptor, folder, Self.events)
        if wd >= 0 {
            folders[wd] = folder
            // The same folder may have been watched for a zip alone: now everything in it counts.
            fileFolders.remove(wd)
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for entry in entries where !entry.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + entry
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { watchTree(path) }
        }
    }

    private func run() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending: [String] = []
        while !isStopped {
            var pollfd = Glibc.pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = Glibc.poll(&pollfd, 1, pending.isEmpty ? 200 : quiet)
            if ready <= 0 {
                if !pending.isEmpty {
                    continuation.yield(Array(Set(pending)).sorted())
                    pending = []
                }
                continue
            }
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { continue }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(count, nameStart + Int(event.len))].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + Int(event.len)
                lock.lock()
                let watched = folders[event.wd]
                let onlyFiles = fileFolders.contains(event.wd)
                let wanted = files
                lock.unlock()
                guard let folder = watched, !name.isEmpty, !Self.isEditorNoise(name) else { continue }
                let path = folder + "/" + name
                if onlyFiles, !wanted.contains(path) { continue }
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    lock.lock()
                    watchTree(path)
                    lock.unlock()
                }
                pending.append(path)
            }
        }
        close(descriptor)
    }

    /// What a folder is watched for, as a tree or for single files in it (a file or folder made, written, removed,
    /// renamed or given other rights).
    private static let events = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_ONLYDIR)

    /// Swap files, backups, hidden files and the system's own files beside the real ones: the content walk
    /// skips them, so a change to one needs no rebuild.
    static func isEditorNoise(_ name: String) -> Bool { LeftoverFiles.isLeftover(name) }

    /// The fallback: compares modification times twice a second.
    private func poll() {
        var previous = snapshot()
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.5)
            let now = snapshot()
            let changed = Set(now.keys).symmetricDifference(previous.keys).union(now.keys.filter { previous[$0] != nil && previous[$0] != now[$0] })
            if !changed.isEmpty { continuation.yield(changed.sorted()) }
            previous = now
        }
    }

    private func snapshot() -> [String: Date] {
        var result: [String: Date] = [:]
        lock.lock()
        let roots = self.roots
        let files = self.files
        lock.unlock()
        for path in files {
            if let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date { result[path] = date }
        }
        for root in roots {
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                if Self.isEditorNoise((relative as NSString).lastPathComponent) {
                    enumerator.skipDescendants()
                    continue
                }
                let path = root + "/" + relative
                if let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date { result[path] = date }
            }
        }
        return result
    }
}
