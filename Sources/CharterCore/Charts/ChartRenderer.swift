import Foundation

/// Draws charts as SVG ready to inline in a page, through a layout engine (Graphviz in process), remembering each
/// drawing by the chart model it was made from (`ChartFingerprint`), so that a rebuild lays out only the charts that
/// changed, and writes DOT only for those. The drawings can be saved to a file and loaded by the next build (`load(from:)`, `save(to:)`).
///
/// One renderer serves a whole build (pages render concurrently; the engine serialises its own calls) and can be kept
/// across builds, as the preview server does. The cache is guarded by a lock; a lookup waits for a layout only when the
/// same chart is being laid out for another page (the organisation page and the printed collection share theirs), so
/// that no chart is laid out twice.
///
/// ```swift
/// let charts = ChartRenderer()
/// switch charts.svg(for: chart) {
/// case .success(let svg): html += svg
/// case .failure(let error): diagnostics.warning("chart could not be drawn: \(error)", at: entity.location)
/// }
/// ```
public final class ChartRenderer: @unchecked Sendable {  // safe: the cache and statistics are guarded by `lock`
    /// How much work the cache saved.
    struct Statistics: Sendable, Hashable {
        /// Drawings made by the engine.
        var layouts = 0
        /// Drawings taken from the cache.
        var reused = 0
    }

    /// A drawing's key (a chart's fingerprint, or the DOT of a layout) as bytes: hashing and comparing long non-ASCII
    /// text as `String` checks Unicode normalisation.
    private struct Key: Hashable {
        var bytes: [UInt8]
        init(_ text: String) { bytes = Array(text.utf8) }
        init(bytes: [UInt8]) { self.bytes = bytes }

        /// The length and the first and last bytes: keys are texts of several kilobytes that differ from the start (the
        /// chart's name), so hashing them whole only costs time; equal hashes still compare every byte.
        func hash(into hasher: inout Hasher) {
            hasher.combine(bytes.count)
            ByteHash.combineEdges(of: bytes, edge: 256, into: &hasher)
        }
    }

    private struct Entry {
        var result: Result<String, ChartLayoutError>
        var used: Bool
    }

    private let engine: any ChartLayoutEngine
    private let lock = NSCondition()
    // Guarded by `lock`.
    private var cache: [Key: Entry] = [:]
    /// Drawings being made, by key; waiters are woken by `lock.broadcast()` when one is done.
    private var inProgress: Set<Key> = []
    /// Whether the cache holds other drawings than the file it was last loaded from or saved to.
    private var changed = true
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
    func svg(for chart: Chart) -> Result<String, ChartLayoutError> {
        // The cleaned drawing is what is remembered, under the chart model it was made from: a chart found in the
        // cache is not written as DOT at all.
        drawing(key: Key(bytes: ChartFingerprint.bytes(of: chart))) {
            let graph = DOTWriter.write(chart)
            return engine.svg(fromDOT: graph.text).map { SVGCleaner(chart: chart, links: graph.links).clean($0) }
        }
    }

    /// The chart as an SVG file of its own: drawn at its natural size, with the default theme's chart styles embedded.
    func standaloneSVG(for chart: Chart) -> Result<String, ChartLayoutError> {
        let graph = DOTWriter.write(chart)
        return layout(graph.text).map {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + SVGCleaner(chart: chart, links: graph.links, standaloneStyle: ChartStyle.standalone).clean($0)
        }
    }

    /// The chart as DOT, as Graphviz is given it.
    func dot(for chart: Chart) -> String {
        DOTWriter.write(chart).text
    }

    /// Graphviz's own SVG for `dot`, from the cache when the same text was drawn before.
    func layout(_ dot: String) -> Result<String, ChartLayoutError> {
        drawing(key: Key(dot)) { engine.svg(fromDOT: dot) }
    }

    /// The drawing remembered under `key`, or the one `draw` makes (then remembered).
    private func drawing(key: Key, _ draw: () -> Result<String, ChartLayoutError>) -> Result<String, ChartLayoutError> {
        if let cached = lock.withLock({ () -> Result<String, ChartLayoutError>? in
            while inProgress.contains(key) { lock.wait() }
            guard let entry = cache[key] else {
                inProgress.insert(key)
                return nil
            }
            cache[key]?.used = true
            counts.reused += 1
            return entry.result
        }) {
            return cached
        }
        let result = draw()
        lock.withLock {
            cache[key] = Entry(result: result, used: true)
            counts.layouts += 1
            changed = true
            inProgress.remove(key)
            lock.broadcast()
        }
        return result
    }

    /// How many layouts were made and reused so far.
    var statistics: Statistics {
        lock.withLock { counts }
    }

    /// Names the layout engine and its version (drawings from another engine are not reused).
    var engineIdentity: String { engine.identity }

    /// Takes the drawings saved in the file at `path` by an earlier build into the cache (as not yet used). A missing,
    /// damaged or foreign file adds nothing.
    public func load(from path: String) {
        let drawings = ChartCacheFile.read(path, engine: engine.identity)
        lock.withLock {
            let before = cache.count
            for (key, svg) in drawings where cache[Key(bytes: key)] == nil {
                cache[Key(bytes: key)] = Entry(result: .success(svg), used: false)
            }
            changed = before > 0 || drawings.isEmpty
        }
    }

    /// Saves the drawings in the cache to the file at `path`; after a build's render (which forgets the drawings it did
    /// not use) those are the build's own. Nothing is written when they are those of the file loaded. False if the file
    /// could not be written.
    @discardableResult
    package func save(to path: String) -> Bool {
        guard lock.withLock({ changed }) || !FileManager.default.fileExists(atPath: path) else { return true }
        let drawings = lock.withLock {
            cache.compactMap { key, entry -> (key: [UInt8], svg: String)? in
                guard case .success(let svg) = entry.result else { return nil }
                return (key.bytes, svg)
            }
        }
        let written = ChartCacheFile.write(drawings, to: path, engine: engine.identity)
        if written { lock.withLock { changed = false } }
        return written
    }

    /// Forgets the drawings not asked for since the last call, so that a long-running preview does not keep every
    /// version of every chart it ever drew.
    func forgetUnused() {
        lock.withLock {
            let before = cache.count
            cache = cache.filter(\.value.used).mapValues { Entry(result: $0.result, used: false) }
            if cache.count != before { changed = true }
        }
    }
}
