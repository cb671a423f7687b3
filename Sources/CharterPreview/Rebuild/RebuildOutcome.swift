import CharterCore

/// What one preview build did, for the terminal and the browser.
public struct RebuildOutcome: Sendable {
    /// How much was rendered.
    public enum Scope: Sendable, Equatable {
        /// Everything, and why.
        case full(reason: String)
        /// Only the pages whose inputs changed.
        case partial
        /// Nothing: the build failed and the last good site stays served.
        case none
    }

    /// Every problem found; when one is an error, nothing was written.
    public var diagnostics: Diagnostics
    public var scope: Scope
    /// The number of files rendered.
    public var rendered: Int
    /// The output files written because their bytes changed, and those removed, relative to the output folder.
    public var written: [String]
    public var removed: [String]
    /// From the start of reading to the last file written.
    public var seconds: Double
    /// Time per stage, in order.
    public var timings: [(stage: String, seconds: Double)]

    /// True when the site was built (it may not have changed).
    public var succeeded: Bool { !diagnostics.hasErrors }
    /// True when a file of the site changed.
    public var changedSite: Bool { !written.isEmpty || !removed.isEmpty }
}
