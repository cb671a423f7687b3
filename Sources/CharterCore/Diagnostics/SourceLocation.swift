/// A place in a source file: the path as the user gave it, a 1-based line and a 1-based column.
///
/// Prints as `path:line:column`, the form editors and CI logs turn into links.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path, relative to the working directory where possible.
    public internal(set) var path: String
    /// The line, counted from 1; 0 when the problem concerns the whole file.
    public internal(set) var line: Int
    /// The column, counted from 1 in Unicode scalars; 0 when unknown.
    public internal(set) var column: Int

    /// Creates a location.
    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String {
        guard line > 0 else { return path }
        return column > 0 ? "\(path):\(line):\(column)" : "\(path):\(line)"
    }

    /// The same file, moved down by `lines` (used to map positions inside a fragment to the whole file).
    package func offset(lines: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + lines, column: column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
