import Foundation
import Testing
@testable import CharterCore

/// Chart drawings saved by one build are reused by the next, in a new process (a new renderer), and give the same
/// pages; a damaged cache file, or one from another layout engine, is ignored.
struct ChartCacheFileTests {
    @Test func drawingsSavedByOneBuildAreReusedByTheNextWithIdenticalCharts() throws {
        let cache = Fixtures.temporaryFolder().appendingPathComponent("charts.cache").path
        let first = ChartRenderer()
        let (firstResult, firstOutput) = Self.build(charts: first, cache: cache)
        #expect(first.statistics.layouts == 12)
        #expect(FileManager.default.fileExists(atPath: cache))

        let second = ChartRenderer()
        let (secondResult, secondOutput) = Self.build(charts: second, cache: cache)
        #expect(second.statistics == ChartRenderer.Statistics(layouts: 0, reused: 13), "twelve charts, one of them also in the printed collection")
        let site = try #require(firstResult.site)
        #expect(try ChartRendererTests.charts(in: firstOutput, of: site)
                == ChartRendererTests.charts(in: secondOutput, of: try #require(secondResult.site)))
    }

    @Test func aDamagedOrForeignCacheFileIsIgnoredAndReplaced() throws {
        let folder = Fixtures.temporaryFolder()
        let damaged = folder.appendingPathComponent("damaged.cache").path
        try Data("charter-charts 2 graphviz\n99999 3\nabc".utf8).write(to: URL(fileURLWithPath: damaged))
        #expect(ChartCacheFile.read(damaged, engine: "graphviz").isEmpty)
        let charts = ChartRenderer()
        let (result, _) = Self.build(charts: charts, cache: damaged)
        #expect(!result.diagnostics.hasErrors)
        #expect(charts.statistics.layouts == 12)
        #expect(ChartCacheFile.read(damaged, engine: ChartRenderer().engineIdentity).count == 12)

        let written = ChartCacheFile.read(damaged, engine: ChartRenderer().engineIdentity)
        #expect(ChartCacheFile.write(written, to: damaged, engine: "another engine"))
        #expect(ChartCacheFile.read(damaged, engine: ChartRenderer().engineIdentity).isEmpty)
    }

    @Test func aCacheFileRoundTripsKeysAndDrawingsExactly() throws {
        let path = Fixtures.temporaryFolder().appendingPathComponent("round.cache").path
        let drawings: [[UInt8]: String] = [Array("{key=7\"a æøå}".utf8): "<svg>1</svg>", Array("digraph b {\n}\n".utf8): "<svg>\n2 – ü\n</svg>\n",
                                           [0xFF, 0x00, 0x0A]: "<svg/>", []: ""]
        #expect(ChartCacheFile.write(drawings.map { ($0.key, $0.value) }, to: path, engine: "test 1"))
        let read = ChartCacheFile.read(path, engine: "test 1")
        #expect(Dictionary(uniqueKeysWithValues: read.map { ($0.key, $0.svg) }) == drawings)
        #expect(ChartCacheFile.read(path, engine: "test 2").isEmpty)
    }

    /// The keys are chart models, so what is drawn from them is pinned here: when this fails, `DOTWriter`, `SVGCleaner`
    /// or the chart styles write something new, and drawings cached by the last version must not be reused. Change
    /// `ChartCacheFile.format`, then the checksums. (The SVG is only checked with the Graphviz it was recorded with.)
    @Test func whatTheChartsAreDrawnWithIsPinnedToTheCacheFormat() throws {
        let recorder = RecordingEngine()
        let charts = ChartRenderer(engine: recorder)
        let (result, output) = Fixtures.build(Fixtures.content("good"), charts: charts)
        let site = try #require(result.site)
        let dots = recorder.dots.sorted().joined(separator: "\u{0}")
        let svgs = try ChartRendererTests.charts(in: output, of: site).sorted { $0.key < $1.key }.map(\.value).joined(separator: "\u{0}")
        let pinned = (format: "charter-charts 4", dot: "48a0e367e27ed624", graphviz: "graphviz 2.43.0", svg: "80fb97fca0a9ea25")
        #expect(ChartCacheFile.format == pinned.format)
        #expect(Self.checksum(dots) == pinned.dot, "DOTWriter writes something new: change ChartCacheFile.format")
        if charts.engineIdentity == pinned.graphviz {
            #expect(Self.checksum(svgs) == pinned.svg, "SVGCleaner writes something new: change ChartCacheFile.format")
        }
    }

    /// FNV-1a, 64 bits, in hexadecimal: the same in every process (Swift's `Hasher` is seeded per process).
    static func checksum(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }

    static func build(charts: ChartRenderer, cache: String) -> (Build.Result, URL) {
        let output = Fixtures.temporaryFolder().appendingPathComponent("site")
        var options = Build.Options(content: Fixtures.content("good"), templates: Fixtures.templates, output: output.path,
                                    today: Day(year: 2026, month: 3, day: 1))
        options.chartCache = cache
        return (Build(options: options, charts: charts).run(), output)
    }
}

/// Lays charts out with Graphviz and keeps the DOT it was given.
final class RecordingEngine: ChartLayoutEngine, @unchecked Sendable {
    private let graphviz = Graphviz()
    private let lock = NSLock()
    private var given: [String] = []

    var dots: [String] { lock.withLock { given } }
    var identity: String { graphviz.identity }

    func svg(fromDOT dot: String) -> Result<String, ChartLayoutError> {
        lock.withLock { given.append(dot) }
        return graphviz.svg(fromDOT: dot)
    }
}
