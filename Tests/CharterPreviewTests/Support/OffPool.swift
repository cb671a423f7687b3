import Foundation

/// Runs blocking socket reads on a thread of their own, so that a test waiting for the server never holds one of the few
/// threads the server itself runs on.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
