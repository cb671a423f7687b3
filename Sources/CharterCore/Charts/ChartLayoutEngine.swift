/// Something that lays a graph written in DOT out and draws it as SVG: Graphviz in a build, a stand-in in tests.
public protocol ChartLayoutEngine: Sendable {
    /// The SVG of `dot`, or why it could not be drawn.
    func svg(fromDOT dot: String) -> Result<String, ChartLayoutError>
    /// Names the engine and its version: drawings saved by one engine are not reused by another.
    var identity: String { get }
}

extension ChartLayoutEngine {
    public var identity: String { String(describing: Self.self) }
}

/// Why a chart could not be drawn, in the layout engine's words.
public struct ChartLayoutError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
