import Foundation

/// Remembers each content file as it was last read, with the `FileStamp` it had then, so that `ContentTree.load` reads
/// again only the files whose stamp changed. `EntityCache` holds one for the preview's rebuilds.
///
/// The cache is guarded by a lock, so the concurrent readers of one build can share it.
final class SourceCache: @unchecked Sendable {  // safe: `files` is read and written holding `lock`
    private let lock = NSLock()
    // Guarded by `lock`: each file's last read, by path, with the stamp it had then.
    private var files: [String: (stamp: FileStamp, file: SourceFile)] = [:]

    /// The file at `path` as last read, if it still has the same stamp.
    func source(at path: String, stamp: FileStamp) -> SourceFile? {
        lock.withLock { files[path].flatMap { $0.stamp == stamp ? $0.file : nil } }
    }

    /// Remembers how the file at `file.path` read with `stamp`.
    func remember(_ file: SourceFile, stamp: FileStamp) {
        lock.withLock { files[file.path] = (stamp, file) }
    }

    /// Drops the files that are no longer in the content (`paths`); a `site.yml` is kept.
    func keep(only paths: Set<String>) {
        lock.withLock { files = files.filter { paths.contains($0.key) || $0.key.hasSuffix("/site.yml") } }
    }
}
