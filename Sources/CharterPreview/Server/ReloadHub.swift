import Foundation

/// The browsers listening for builds: each open page holds one server-sent event stream, and every build is announced on
/// all of them as `event: build` with the new generation.
final class ReloadHub: @unchecked Sendable {  // safe: mutable fields guarded by `lock`
    private let lock = NSLock()
    // Guarded by `lock`.
    private var listeners: [UUID: AsyncStream<Data>.Continuation] = [:]
    private var closed = false

    /// A new listener's stream: it starts with the current generation, so that a page built before a build it missed
    /// reloads at once.
    func subscribe(current generation: String) -> AsyncStream<Data> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.yield(Data("retry: 500\n\n".utf8) + Self.event(generation))
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        let added = lock.withLock { () -> Bool in
            guard !closed else { return false }
            listeners[id] = continuation
            return true
        }
        if !added { continuation.finish() }
        return stream
    }

    /// Tells every listener about the build `generation`.
    func announce(_ generation: String) {
        send(Self.event(generation))
    }

    /// A comment line, so that streams of pages that were closed fail to write and are let go.
    func keepAlive() {
        send(Data(": keep-alive\n\n".utf8))
    }

    /// Ends every stream and accepts no more (the server is stopping).
    func close() {
        let all = lock.withLock { () -> [AsyncStream<Data>.Continuation] in
            closed = true
            defer { listeners = [:] }
            return Array(listeners.values)
        }
        all.forEach { $0.finish() }
    }

    /// The number of open streams.
    var count: Int { lock.withLock { listeners.count } }

    private func send(_ data: Data) {
        let all = lock.withLock { Array(listeners.values) }
        for listener in all { listener.yield(data) }
    }

    private func remove(_ id: UUID) {
        _ = lock.withLock { listeners.removeValue(forKey: id) }
    }

    static func event(_ generation: String) -> Data {
        Data("event: build\ndata: \(generation)\n\n".utf8)
    }
}
