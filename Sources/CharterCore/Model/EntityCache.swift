import Foundation

/// Remembers what each content file read as (its entity and its diagnostics), so a rebuild in the same process reads
/// again only the files whose text changed. The preview server keeps one across rebuilds; a one-shot build needs none.
///
/// The cache is guarded by a lock, so the concurrent readers of one build can share it.
public final class EntityCache: @unchecked Sendable {  // safe: every mutable field is read and written holding `lock`
    private struct Entry {
        var text: String
        var entity: Entity?
        var diagnostics: Diagnostics
    }

    private let lock = NSLock()
    // Guarded by `lock`.
    private var entries: [String: Entry] = [:]
    // Guarded by `lock`: how each entity's links resolved in the last build, and the fingerprint of what they resolved
    // against then.
    private var links: (environment: Int, byID: [String: ResolvedLinks])?
    /// Each file's last read, with its stamp, for `ContentTree.load` (guarded by its own lock).
    let sources = SourceCache()

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

    /// How links resolved in the last build, by entity id, if they resolved against the same `environment`.
    func resolvedLinks(environment: Int) -> [String: ResolvedLinks]? {
        lock.withLock { links.flatMap { $0.environment == environment ? $0.byID : nil } }
    }

    /// Remembers how links resolved in this build.
    func remember(_ resolved: [ResolvedLinks], environment: Int) {
        let byID = Dictionary(resolved.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        lock.withLock { links = (environment, byID) }
    }

    /// Drops the files that are no longer in the content.
    func keep(only paths: Set<String>) {
        lock.withLock { entries = entries.filter { paths.contains($0.key) } }
        sources.keep(only: paths)
    }

    /// How many files are remembered.
    package var count: Int { lock.withLock { entries.count } }
}
