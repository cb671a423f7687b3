import Foundation

/// A value that threads share, read and changed only while holding a lock.
///
/// ```swift
/// let failure = Locked<(any Error)?>(nil)
/// failure.withLock { $0 = error }
/// let error = failure.value
/// ```
///
/// (`Synchronization.Mutex` does the same, but needs macOS 15.)
package final class Locked<Value>: @unchecked Sendable {  // safe: `value` is only touched while holding `lock`
    private let lock = NSLock()
    private var stored: Value

    package init(_ value: Value) {
        stored = value
    }

    /// Runs `body` on the value while holding the lock.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try lock.withLock { try body(&stored) }
    }

    /// The value now (a copy).
    package var value: Value {
        get { withLock { $0 } }
        set { withLock { $0 = newValue } }
    }
}
