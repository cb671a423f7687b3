import Foundation

/// Draws charts as SVG ready to inline in a page, through a layout engine (Graphviz in process), remembering each
/// drawing by the DOT text it was made from, so that a rebuild lays out only the charts that changed.
///
/// One renderer serves a whole build (pages render concurrently; the engine serialises its own calls) and can be kept
/// across builds, as the preview server does. The cache is guarded by a lock; a lookup never waits for a layout.
///
/// ```swift
/// let charts = ChartRenderer()
/// switch charts.svg(for: chart) {
/// case .success(let svg): html += svg
/// case .failure(let error): diagnostics.warning("chart could not be drawn: \(error)", at: entity.location)
/// }
/// ```
public final class ChartRenderer: @unchecked Sendable {
    /// How much work the cache saved.
    public struct Statistics: Sendable, Hashable {
        /// Drawings made by the engine.
        public var layouts = 0
        /// Drawings taken from the cache.
        public var reused = 0
    }

    private struct Entry {
        var result: Result<String, ChartLayoutError>
        var used: Bool
    }

    private let engine: any ChartLayoutEngine
    private let lock = NSLock()
    // Guarded by `lock`.
    private var cache: [String: Entry] = [:]
    private var counts = Statistics()

    /// A renderer that lays charts out with Graphviz.
    public convenience init() {
        self.init(engine: Graphviz())
    }

    /// A renderer that lays charts out with `engine`.
    public init(engine: any ChartLayoutEngine) {
        self.engine = engine
    }

    /// The chart's SVG, cleaned for inlining, or why it could not be drawn.
    public func svg(for chart: Chart) -> Result<String, ChartLayoutError> {
        let graph = DOTWriter.write(chart)
        return layout(graph.text).map { SVGCleaner(chart: chart, links: graph.links).clean($0) }
    }

    /// The chart as an SVG file of its own: drawn at its natural size, with the default theme's chart styles embedded.
    public func standaloneSVG(for chart: Chart) -> Result<String, ChartLayoutError> {
        let graph = DOTWriter.write(chart)
        return layout(graph.text).map {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + SVGCleaner(chart: chart, links: graph.links, standaloneStyle: ChartStyle.standalone).clean($0)
        }
    }

    /// The chart as DOT, as Graphviz is given it.
    public func dot(for chart: Chart) -> String {
        DOTWriter.write(chart).text
    }

    /// Graphviz's own SVG for `dot`, from the cache when the same text was drawn before.
    func layout(_ dot: String) -> Result<String, ChartLayoutError> {
        if let cached = lock.withLock({ () -> Result<String, ChartLayoutError>? in
            guard let entry = cache[dot] else { return nil }
            cache[dot]?.used = true
            counts.reused += 1
            return entry.result
        }) {
            return cached
        }
        let result = engine.svg(fromDOT: dot)
        lock.withLock {
            cache[dot] = Entry(result: result, used: true)
            counts.layouts += 1
        }
        return result
    }

    /// How many layouts were made and reused so far.
    public var statistics: Statistics {
        lock.withLock { counts }
    }

    /// Forgets the drawings not asked for since the last call, so that a long-running preview does not keep every
    /// version of every chart it ever drew.
    public func forgetUnused() {
        lock.withLock {
            cache = cache.filter(\.value.used).mapValues { Entry(result: $0.result, used: false) }
        }
    }
}
