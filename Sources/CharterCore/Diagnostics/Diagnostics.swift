/// The problems of one run, collected rather than thrown one at a time.
public struct Diagnostics: Sendable, Sequence {
    private var items: [Diagnostic] = []

    /// An empty collection.
    public init(_ items: [Diagnostic] = []) {
        self.items = items
    }

    /// Adds one diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
    }

    /// Adds an error at `location`.
    public mutating func error(_ message: String, at location: SourceLocation) {
        items.append(.error(message, at: location))
    }

    /// Adds a warning at `location`.
    package mutating func warning(_ message: String, at location: SourceLocation) {
        items.append(.warning(message, at: location))
    }

    /// Adds a warning at `location` that only a strict check shows.
    mutating func strictWarning(_ message: String, at location: SourceLocation) {
        items.append(.strictWarning(message, at: location))
    }

    /// The same diagnostics without the strict warnings (what a run shows unless it is strict).
    var withoutStrict: Diagnostics { Diagnostics(items.filter { !$0.isStrict }) }

    /// Adds every diagnostic of `other`.
    public mutating func append(contentsOf other: Diagnostics) {
        items.append(contentsOf: other.items)
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
