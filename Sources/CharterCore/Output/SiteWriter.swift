import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a rendered site so that the output folder always holds either the previous complete site or the new one.
///
/// Files go to a fresh temporary folder beside the output; when all are written the two folders are exchanged in one
/// `renameat2(RENAME_EXCHANGE)` call (or renamed, when there was no previous site), and the old one is removed: at once,
/// or (`Removal.detached`, what `charter build` does) by a process of its own after the build has ended.
package enum SiteWriter {
    /// An error writing the output (disk full, no permission), with the path concerned.
    package struct WriteError: Error, Sendable, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String { "\(path): error: cannot write output: \(reason)" }
    }

    /// Writes `files` into `output` atomically. `beforeSwap` runs on the complete staging folder (to add files made
    /// from the written ones, such as PDFs); if it throws, nothing is swapped in.
    package static func write(_ files: [RenderedFile], to output: String, removal: Removal = .now,
                             beforeSwap: (String) throws -> Void = { _ in }) throws {
        let staging = try Staging(output: output)
        staging.write(files)
        try staging.commit(removal: removal, beforeSwap: beforeSwap)
    }

    /// A fresh staging folder beside the output, filled file by file (from any thread, while the rest of the site is
    /// still rendering), then swapped in whole by `commit` or removed by `discard`.
    ///
    /// ```swift
    /// let staging = try SiteWriter.Staging(output: "site")
    /// staging.write(RenderedFile(path: "index.html", text: html))   // from any thread
    /// try staging.commit()
    /// ```
    final class Staging: @unchecked Sendable {  // safe: the mutable fields are guarded by `lock`
        /// The staging folder's path.
        let path: String
        private let target: URL
        private let lock = NSLock()
        /// Folders made so far, relative to the staging folder (guarded by `lock`).
        private var folders: Set<Substring> = []
        /// The first write that failed (guarded by `lock`); later writes are skipped.
        private var failure: WriteError?
        private var finished = false

        /// Makes the staging folder for `output`, removing (as `removal` says) the staging folders and previous sites
        /// that killed or finished builds left behind.
        init(output: String, removal: Removal = .now) throws {
            target = URL(fileURLWithPath: output).standardizedFileURL
            let parent = target.deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            } catch {
                throw WriteError(path: parent.path, reason: error.localizedDescription)
            }
            removeAbandonedStaging(in: parent, for: target.lastPathComponent, removal)
            path = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(getpid())").path
            try? FileManager.default.removeItem(atPath: path)
            guard mkdir(path, 0o755) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        }

        deinit {
            if !finished { try? FileManager.default.removeItem(atPath: path) }
        }

        /// Writes one file, making its folders first. Safe to call from several threads at once; a failure is kept
        /// and thrown by `commit`.
        func write(_ file: RenderedFile) {
            let folder = file.path.lastIndex(of: "/").map { file.path[..<$0] }
            lock.lock()
            if failure == nil, let folder { makeFolder(folder) }
            let failed = failure != nil
            lock.unlock()
            guard !failed else { return }
            if let error = SiteWriter.write(file.data, to: path + "/" + file.path) { record(error) }
        }

        /// Writes `files` on all cores.
        func write(_ files: [RenderedFile]) {
            _ = files.concurrentMap { file -> Bool in
                write(file)
                return true
            }
        }

        /// Runs `beforeSwap` on the complete staging folder, then swaps it in as the output and removes the previous
        /// site as `removal` says. Throws the first failed write, or what `beforeSwap` threw, after removing the staging
        /// folder.
        func commit(removal: Removal = .now, beforeSwap: (String) throws -> Void = { _ in }) throws {
            defer { finished = true }
            do {
                lock.lock()
                let failed = failure
                lock.unlock()
                if let failed { throw failed }
                try beforeSwap(path)
                if let previous = try swap(URL(fileURLWithPath: path), into: target) { SiteWriter.remove(previous, removal) }
            } catch {
                try? FileManager.default.removeItem(atPath: path)
                throw error
            }
        }

        /// Removes the staging folder; the output stays as it was.
        func discard() {
            finished = true
            try? FileManager.default.removeItem(atPath: path)
        }

        /// Makes `folder` and its missing ancestors (called with `lock` held, so one thread makes each folder).
        private func makeFolder(_ folder: Substring) {
            guard !folders.contains(folder) else { return }
            if let slash = folder.lastIndex(of: "/") { makeFolder(folder[..<slash]) }
            guard failure == nil else { return }
            let full = path + "/" + folder
            if mkdir(full, 0o755) != 0 && errno != EEXIST {
                failure = WriteError(path: full, reason: String(cString: strerror(errno)))
                return
            }
            folders.insert(folder)
        }

        private func record(_ error: WriteError) {
            lock.lock()
            if failure == nil { failure = error }
            lock.unlock()
        }
    }

    /// Removes staging folders and previous sites left by builds whose process no longer exists: killed, or ended while
    /// their detached removal was still going (then removed a second time, which does no harm).
    static func removeAbandonedStaging(in parent: URL, for name: String, _ removal: Removal = .now) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(".\(name).new-") || entry.hasPrefix(".\(name).old-") {
            guard let pid = Int32(entry.split(separator: "-").last ?? ""), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                remove(parent.appendingPathComponent(entry).path, removal)
            }
        }
    }

    /// Writes `data` to a new file at `path`, with plain POSIX calls: the staging folder is what makes the whole output
    /// atomic, so no file needs its own temporary copy or fsync.
    static func write(_ data: Data, to path: String) -> WriteError? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard let failure = SystemCalls.writeAll(data, to: descriptor) else { return nil }
        return WriteError(path: path, reason: String(cString: strerror(failure)))
    }

    /// How the previous site is removed once the new one is in place.
    package enum Removal: Sendable {
        /// Before `commit` returns.
        case now
        /// By an `rm -rf` in a session of its own, which goes on after the build has returned and its process has
        /// ended: a large site's old files are deleted off the build's critical path. The folder was renamed to
        /// `.<output>.old-<pid>` first, so a deletion that is cut short leaves nothing in the output, and the next build
        /// removes the rest (`removeAbandonedStaging`).
        case detached
    }

    /// Removes the folder `path`, now or in a process of its own (falling back to now if that cannot start).
    static func remove(_ path: String, _ removal: Removal) {
        if removal == .detached, SystemCalls.spawnDetached(["/bin/rm", "-rf", "--", path]) { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Puts the staging folder in place of `target`; returns the previous site's folder, renamed out of the way, for
    /// the caller to remove, or nil when there was none.
    static func swap(_ staging: URL, into target: URL) throws -> String? {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw WriteError(path: target.path, reason: "exists and is not a folder")
        }
        if !exists {
            guard rename(staging.path, target.path) == 0 else {
                throw WriteError(path: target.path, reason: String(cString: strerror(errno)))
            }
            return nil
        }
        // Where the previous site goes: a name of this process's, which no other build uses while it runs.
        let old = staging.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())").path
        if FileManager.default.fileExists(atPath: old) { try? FileManager.default.removeItem(atPath: old) }
        if SystemCalls.renameExchange(staging.path, target.path) {
            // The staging folder now holds the previous site; if it cannot be renamed, it is removed under its own name.
            return rename(staging.path, old) == 0 ? old : staging.path
        }
        // Fallback where RENAME_EXCHANGE is missing: two renames with a short window between them.
        guard rename(target.path, old) == 0 else { throw WriteError(path: target.path, reason: String(cString: strerror(errno))) }
        guard rename(staging.path, target.path) == 0 else {
            _ = rename(old, target.path)
            throw WriteError(path: target.path, reason: String(cString: strerror(errno)))
        }
        return old
    }
}
