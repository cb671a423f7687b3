import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Brings an output folder from one version of the site to the next by writing only the files whose bytes changed and
/// removing those no longer made. Each file is written beside its place and renamed over it, so a request never reads half
/// of a file.
enum OutputUpdater {
    /// A file that could not be written, and why.
    struct WriteFailure: Error {
        var path: String
        var reason: String
    }

    /// Updates `output` from `old` to `new` (paths relative to it); returns the paths written and removed.
    static func update(_ output: String, from old: [String: Data], to new: [String: Data]) throws -> (written: [String], removed: [String]) {
        let root = URL(fileURLWithPath: output).standardizedFileURL.path
        let changed = new.filter { old[$0.key] != $0.value }.map { (path: $0.key, data: $0.value) }.sorted { $0.path < $1.path }
        let removed = old.keys.filter { new[$0] == nil }.sorted()

        let folders = Set(changed.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
        for folder in folders.sorted() {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        let failures = changed.concurrentMap { file -> WriteFailure? in
            replace(root + "/" + file.path, with: file.data)
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }

        for path in removed {
            unlink(root + "/" + path)
            removeEmptyFolders(above: path, in: root)
        }
        return (changed.map(\.path), removed)
    }

    /// Writes `data` to a temporary file in the same folder and renames it over `path`.
    static func replace(_ path: String, with data: Data) -> WriteFailure? {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).charter-\(getpid()).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            return WriteFailure(path: path, reason: String(cString: strerror(errno)))
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return WriteFailure(path: path, reason: reason)
        }
        return nil
    }

    /// Removes the folders of `path` that became empty, up to (not including) the root.
    static func removeEmptyFolders(above path: String, in root: String) {
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty, rmdir(root + "/" + folder) == 0 {
            folder = (folder as NSString).deletingLastPathComponent
        }
    }
}
