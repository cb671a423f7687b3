import FlyingSocks
import Foundation

/// The bytes of a server-sent event stream as FlyingFox sends a response body: each event is written as soon as it is
/// announced (as one chunk of a chunked response), and the body ends when the stream ends.
struct EventStreamBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let events: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<Data>.Iterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            while pending.isEmpty {
                guard let data = await events.next() else { return nil }
                pending = [UInt8](data)
            }
            let size = Swift.min(Swift.max(count, 1), pending.count)
            defer { pending.removeFirst(size) }
            return Array(pending.prefix(size))
        }
    }
}
