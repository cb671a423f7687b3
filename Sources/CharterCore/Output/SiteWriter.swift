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
    public struct WriteError: Error, CustomStringConvertible {
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

    static func writeAll(_ files: [RenderedFile], into folder: URL) throws {
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }.sorted()
        for sub in folders {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let base = folder.path
        let failures = files.concurrentMap { file -> String? in
            let path = base + "/" + file.path
            return FileManager.default.createFile(atPath: path, contents: file.data) ? nil : path
        }
        if let failed = failures.compactMap({ $0 }).first {
            throw WriteError(path: failed, reason: String(cString: strerror(errno)))
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
