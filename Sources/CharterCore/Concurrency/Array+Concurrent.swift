import Dispatch

extension Array {
    /// Maps over the elements on all cores, keeping the order. For CPU- or I/O-bound work on independent items.
    ///
    /// Invariants of the unsafe code: `results` has one slot per element, allocated and initialised before the
    /// `concurrentPerform` and freed after it returns; iteration `index` writes slot `index` only, so no two threads
    /// touch the same slot, and nothing reads a slot before every iteration has ended.
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] where Element: Sendable {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let output = results  // safe: each iteration writes its own slot (see above)
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input  // safe: only read, and alive until concurrentPerform returns
            DispatchQueue.concurrentPerform(iterations: count) { index in
                output[index] = transform(input[index])
            }
        }
        return results.map { $0! }
    }
}
