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
        #expect(first.statistics.layouts == 8)
        #expect(FileManager.default.fileExists(atPath: cache))

        let second = ChartRenderer()
        let (secondResult, secondOutput) = Self.build(charts: second, cache: cache)
        #expect(second.statistics == ChartRenderer.Statistics(layouts: 0, reused: 8))
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
        #expect(charts.statistics.layouts == 8)
        #expect(ChartCacheFile.read(damaged, engine: ChartRenderer().engineIdentity).count == 8)

        let written = ChartCacheFile.read(damaged, engine: ChartRenderer().engineIdentity)
        #expect(ChartCacheFile.write(written, to: damaged, engine: "another engine"))
        #expect(ChartCacheFile.read(damaged, engine: ChartRenderer().engineIdentity).isEmpty)
    }

    @Test func aCacheFileRoundTripsKeysAndDrawingsExactly() throws {
        let path = Fixtures.temporaryFolder().appendingPathComponent("round.cache").path
        let drawings = ["digraph a {}\u{0}title\u{0}æøå": "<svg>1</svg>", "digraph b {\n}\n": "<svg>\n2 – ü\n</svg>\n", "": ""]
        #expect(ChartCacheFile.write(drawings.map { ($0.key, $0.value) }, to: path, engine: "test 1"))
        let read = ChartCacheFile.read(path, engine: "test 1")
        #expect(Dictionary(uniqueKeysWithValues: read.map { ($0.key, $0.svg) }) == drawings)
        #expect(ChartCacheFile.read(path, engine: "test 2").isEmpty)
    }

    static func build(charts: ChartRenderer, cache: String) -> (Build.Result, URL) {
        let output = Fixtures.temporaryFolder().appendingPathComponent("site")
        var options = Build.Options(content: Fixtures.content("good"), templates: Fixtures.templates, output: output.path,
                                    today: Day(year: 2026, month: 3, day: 1))
        options.chartCache = cache
        return (Build(options: options, charts: charts).run(), output)
    }
}
