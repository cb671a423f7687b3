import Foundation

/// Hands the watcher's bursts of changes to the rebuild loop. Bursts that arrive while a build runs are merged, so the loop
/// builds once more with all of them rather than once per burst.
final class ChangeQueue: @unchecked Sendable {  // safe: `pending` guarded by `lock`; the stream is Sendable
    private let lock = NSLock()
    // Guarded by `lock`.
    private var pending = Set<String>()
    private let continuation: AsyncStream<Void>.Continuation
    private let signals: AsyncStream<Void>

    init() {
        (signals, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Adds changed paths; the loop wakes up if it is waiting.
    func add(_ paths: Set<String>) {
        lock.withLock { pending.formUnion(paths) }
        continuation.yield()
    }

    /// Ends `batches`.
    func finish() {
        continuation.finish()
    }

    /// Every path changed since the last batch, each time there is one.
    var batches: AsyncCompactMapSequence<AsyncStream<Void>, Set<String>> {
        signals.compactMap { [self] in
            let paths = lock.withLock { () -> Set<String> in
                defer { pending = [] }
                return pending
            }
            return paths.isEmpty ? nil : paths
        }
    }
}
