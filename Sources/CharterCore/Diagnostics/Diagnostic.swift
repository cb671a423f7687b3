/// One problem found in the input: where, how bad, and what to do about it.
///
/// ```swift
/// let d = Diagnostic.error("unknown reference 'x'", at: SourceLocation(path: "a.md", line: 3, column: 9))
/// print(d) // a.md:3:9: error: unknown reference 'x'
/// ```
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is. Errors fail the build; warnings do not.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// Error or warning.
    public internal(set) var severity: Severity
    /// Where the problem is.
    public internal(set) var location: SourceLocation
    /// What is wrong, naming the key or id at fault.
    public internal(set) var message: String
    /// A warning that only `charter check --strict` shows: advice the default content is allowed to leave open.
    public internal(set) var isStrict = false
    /// The stage of the build that found it; nil for a diagnostic made outside a build. Not part of its identity: the
    /// same problem found by two stages is one problem.
    public internal(set) var stage: Stage?

    /// The stages of a build, in order, as `Build` runs them.
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        /// Reading the content folder: its files and their encoding.
        case content
        /// Building and checking the model: front matter, Markdown, ids, references, relations, charts' inputs, the
        /// words of the site's language (translations), dates through time.
        case model
        /// Loading the templates and checking them against the site: the templates its pages need, the words they use.
        case templates
        /// Choosing the files to make: the page jobs of the whole site, of its print pages or of what a change touched.
        case plan
        /// Rendering the pages, charts and print pages.
        case render
        /// Writing the site: the staging folder, PDFs, the search index, the swap.
        case write
    }

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    /// A warning at `location`.
    package static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// A warning shown only under `--strict`.
    static func strictWarning(_ message: String, at location: SourceLocation) -> Diagnostic {
        var diagnostic = Diagnostic(.warning, message, at: location)
        diagnostic.isStrict = true
        return diagnostic
    }

    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.severity, lhs.location, lhs.message, lhs.isStrict) == (rhs.severity, rhs.location, rhs.message, rhs.isStrict)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(location)
        hasher.combine(message)
        hasher.combine(isStrict)
    }

    /// The gcc-style line: `path:line:column: error: message`.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}

extension Diagnostic.Stage: Comparable {
    /// Stages compare in the order a build runs them.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
