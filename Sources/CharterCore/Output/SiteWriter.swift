import CLinux
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a rendered site so that the output folder always holds either the previous complete site or the new one.
///
/// Files go to a fresh temporary folder beside the output; when all are written the two folders are exchanged in one
/// `renameat2(RENAME_EXCHANGE)` call (or renamed, when there was no previous site), and the old one is removed.
public enum SiteWriter {
    /// An error writing the output (disk full, no permission), with the path concerned.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): error: cannot write output: \(reason)" }
    }

    /// Writes `files` into `output` atomically. `beforeSwap` runs on the complete staging folder (to add files made
    /// from the written ones, such as PDFs); if it throws, nothing is swapped in.
    public static func write(_ files: [RenderedFile], to output: String, beforeSwap: (String) throws -> Void = { _ in }) throws {
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeAbandonedStaging(in: parent, for: target.lastPathComponent)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try writeAll(files, into: staging)
            try beforeSwap(staging.path)
            try swap(staging, into: target)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    /// Removes staging folders left by builds that were killed (their process no longer exists).
    static func removeAbandonedStaging(in parent: URL, for name: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(".\(name).new-") || entry.hasPrefix(".\(name).old-") {
            guard let pid = Int32(entry.split(separator: "-").last ?? ""), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
            }
        }
    }

    /// Writes every file with plain POSIX calls: folders first (parents before children), then the files spread over
    /// all cores, each written once in place (the staging folder is what makes the whole output atomic, so no file needs
    /// its own temporary copy or fsync).
    static func writeAll(_ files: [RenderedFile], into folder: URL) throws {
        let base = folder.path
        let folders = Set(files.compactMap { file -> Substring? in
            guard let slash = file.path.lastIndex(of: "/") else { return nil }
            return file.path[..<slash]
        })
        var made = Set<Substring>()
        for sub in folders.sorted() {
            // Every ancestor of a folder comes before it in sorted order only when it is itself in the set; make the rest.
            var ancestors: [Substring] = []
            var current = sub
            while !made.contains(current) {
                ancestors.append(current)
                guard let slash = current.lastIndex(of: "/") else { break }
                current = current[..<slash]
            }
            for folder in ancestors.reversed() {
                let path = base + "/" + folder
                if mkdir(path, 0o755) != 0 && errno != EEXIST {
                    throw WriteError(path: path, reason: String(cString: strerror(errno)))
                }
                made.insert(folder)
            }
        }
        let failures = files.concurrentMap { file -> WriteError? in
            let path = base + "/" + file.path
            return write(file.data, to: path)
        }
        if let failed = failures.lazy.compactMap({ $0 }).first { throw failed }
    }

    /// Writes `data` to a new file at `path`.
    private static func write(_ data: Data, to path: String) -> WriteError? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer -> WriteError? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return WriteError(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
            return nil
        }
    }

    static func swap(_ staging: URL, into target: URL) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw WriteError(path: target.path, reason: "exists and is not a folder")
        }
        if !exists {
            guard rename(staging.path, target.path) == 0 else {
                throw WriteError(path: target.path, reason: String(cString: strerror(errno)))
            }
            return
        }
        let exchanged = charter_rename_exchange(staging.path, target.path) == 0
        if exchanged {
            try? FileManager.default.removeItem(at: staging)  // now holds the previous site
            return
        }
        // Fallback where RENAME_EXCHANGE is missing: two renames with a short window between them.
        let old = staging.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
        guard rename(target.path, old.path) == 0 else { throw WriteError(path: target.path, reason: String(cString: strerror(errno))) }
        guard rename(staging.path, target.path) == 0 else {
            _ = rename(old.path, target.path)
            throw WriteError(path: target.path, reason: String(cString: strerror(errno)))
        }
        try? FileManager.default.removeItem(at: old)
    }
}
