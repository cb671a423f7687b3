import Dispatch

/// The time each stage of a build took, in order, for `charter build --verbose` and the preview's `--verbose`.
package struct StageClock: Sendable {
    package private(set) var timings: [(stage: String, seconds: Double)] = []

    package init() {}

    /// Runs `work`, adding the time it took under `stage`.
    package mutating func time<T>(_ stage: String, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try work()
        timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return value
    }
}
