import CharterCore
import Foundation

/// What every request needs to know about the builds: which one pages are served from, and the diagnostics of the last
/// build while it failed. Written by the rebuild loop, read by requests.
final class PreviewState: @unchecked Sendable {  // safe: mutable fields guarded by `lock`
    private let lock = NSLock()
    // Guarded by `lock`.
    private var number = 0
    private var diagnostics: [Diagnostic] = []
    private let session = String(UInt32.random(in: .min ... .max), radix: 16)

    /// The current build, as the live-reload script compares it; it differs across restarts of the server.
    var generation: String { lock.withLock { "\(session)-\(number)" } }

    /// The diagnostics of the last build when it failed; empty when it succeeded.
    var failure: [Diagnostic] { lock.withLock { diagnostics } }

    /// Records a build; returns the new generation when pages must reload (the site or the diagnostics shown changed).
    func record(_ outcome: RebuildOutcome) -> String? {
        lock.withLock {
            let shown = outcome.succeeded ? [] : outcome.diagnostics.sorted
            guard outcome.changedSite || shown != diagnostics else { return nil }
            diagnostics = shown
            number += 1
            return "\(session)-\(number)"
        }
    }
}
