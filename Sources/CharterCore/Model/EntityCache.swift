import Foundation

/// Remembers what each content file read as (its entity and its diagnostics), so a rebuild in the same process reads
/// again only the files whose text changed. The preview server keeps one across rebuilds; a one-shot build needs none.
///
/// The cache is guarded by a lock, so the concurrent readers of one build can share it.
public final class EntityCache: @unchecked Sendable {
    private struct Entry {
        var text: String
        var entity: Entity?
        var diagnostics: Diagnostics
    }

    private let lock = NSLock()
    // Guarded by `lock`.
    private var entries: [String: Entry] = [:]

    public init() {}

    /// The entity and diagnostics of `file`, read now or taken from the last read of the same text.
    func read(_ file: SourceFile) -> (Entity?, Diagnostics) {
        if let entry = lock.withLock({ entries[file.path] }), entry.text == file.text {
            return (entry.entity, entry.diagnostics)
        }
        var diagnostics = Diagnostics()
        let entity = EntityReader.read(file, into: &diagnostics)
        lock.withLock { entries[file.path] = Entry(text: file.text, entity: entity, diagnostics: diagnostics) }
        return (entity, diagnostics)
    }

    /// Drops the files that are no longer in the content.
    func keep(only paths: Set<String>) {
        lock.withLock { entries = entries.filter { paths.contains($0.key) } }
    }

    /// How many files are remembered.
    public var count: Int { lock.withLock { entries.count } }
}
