/// The problems of one run, collected rather than thrown one at a time.
public struct Diagnostics: Sendable, Sequence {
    private var items: [Diagnostic] = []
    /// The stage now running: every diagnostic added without a stage of its own takes it. `Build` sets it before each
    /// stage, so the code that finds a problem need not know which stage it runs in.
    public package(set) var stage: Diagnostic.Stage?

    /// An empty collection.
    public init(_ items: [Diagnostic] = []) {
        self.items = items
    }

    /// Adds one diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) {
        items.append(staged(diagnostic))
    }

    /// Adds an error at `location`.
    public mutating func error(_ message: String, at location: SourceLocation) {
        items.append(staged(.error(message, at: location)))
    }

    /// Adds a warning at `location`.
    package mutating func warning(_ message: String, at location: SourceLocation) {
        items.append(staged(.warning(message, at: location)))
    }

    /// Adds a warning at `location` that only a strict check shows.
    mutating func strictWarning(_ message: String, at location: SourceLocation) {
        items.append(staged(.strictWarning(message, at: location)))
    }

    /// The same diagnostics without the strict warnings (what a run shows unless it is strict).
    var withoutStrict: Diagnostics {
        var kept = Diagnostics(items.filter { !$0.isStrict })
        kept.stage = stage
        return kept
    }

    /// Adds every diagnostic of `other`.
    public mutating func append(contentsOf other: Diagnostics) {
        items.append(contentsOf: other.items.map(staged))
    }

    /// `diagnostic`, with the current stage unless it has one.
    private func staged(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.stage == nil, let stage else { return diagnostic }
        var diagnostic = diagnostic
        diagnostic.stage = stage
        return diagnostic
    }

    /// True when at least one error was found.
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// The number of errors.
    package var errorCount: Int { items.filter { $0.severity == .error }.count }

    /// The number of warnings.
    package var warningCount: Int { items.filter { $0.severity == .warning }.count }

    /// True when nothing was found.
    public var isEmpty: Bool { items.isEmpty }

    /// All diagnostics, ordered by file, line and column, without repeats.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return items
            .filter { seen.insert($0).inserted }
            .sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    public func makeIterator() -> IndexingIterator<[Diagnostic]> {
        sorted.makeIterator()
    }
}
