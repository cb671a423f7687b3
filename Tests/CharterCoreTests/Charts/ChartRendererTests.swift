import Foundation
import Testing
@testable import CharterCore

/// The same content gives the same bytes; a rebuild reuses every chart that did not change; a chart that cannot be drawn
/// is reported for its entity and never stops or breaks the build.
struct ChartRendererTests {
    /// Every chart of a built site, by page.
    static func charts(in output: URL, of site: Site) throws -> [String: String] {
        var charts: [String: String] = [:]
        for path in site.entities.filter({ $0.type == .body || $0.type == .unit }).map({ "\($0.id)/index.html" })
            + ["organisation/index.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            charts[path] = ChartPage.svg(in: html)
        }
        return charts
    }

    @Test func theSameContentGivesByteIdenticalChartsFromSeparateRenderers() throws {
        let (first, firstOutput) = Fixtures.build(Fixtures.content("good"), charts: ChartRenderer())
        let (second, secondOutput) = Fixtures.build(Fixtures.content("good"), charts: ChartRenderer())
        let site = try #require(first.site)
        let a = try Self.charts(in: firstOutput, of: site)
        let b = try Self.charts(in: secondOutput, of: try #require(second.site))
        #expect(a.count == 7)
        #expect(a.values.allSatisfy { !$0.isEmpty })
        #expect(a == b)
    }

    @Test func aRebuildWithTheSameRendererReusesEveryUnchangedChart() throws {
        let charts = ChartRenderer()
        _ = Fixtures.build(Fixtures.content("good"), charts: charts)
        let first = charts.statistics
        // Seven charts, the organisation once more at the home page's depth (its links start there) and at each of the
        // fixture's four moments in time; the printed collection, at the organisation page's depth, shares that page's drawing.
        #expect(first == ChartRenderer.Statistics(layouts: 12, reused: 1))
        _ = Fixtures.build(Fixtures.content("good"), charts: charts)
        #expect(charts.statistics == ChartRenderer.Statistics(layouts: 12, reused: 14))
    }

    @Test func aChangedEntityRedrawsOnlyTheChartsItAppearsIn() throws {
        let content = Fixtures.write([
            "site.yml": Fixtures.kinds,
            "a.md": "---\ntype: unit\ntitle: A\nkind: region\n---\n",
            "b.md": "---\ntype: unit\ntitle: B\nparent: a\n---\n",
            "c.md": "---\ntype: body\ntitle: C\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: content) }
        let charts = ChartRenderer()
        _ = Fixtures.build(content.path, charts: charts)
        #expect(charts.statistics.layouts == 5)  // a, b, c, the organisation and the organisation on the home page
        try Data("---\ntype: body\ntitle: C, renamed\n---\n".utf8).write(to: content.appendingPathComponent("c.md"))
        _ = Fixtures.build(content.path, charts: charts)
        #expect(charts.statistics == ChartRenderer.Statistics(layouts: 8, reused: 2))  // c and both organisations again
    }

    @Test func aChartThatCannotBeDrawnIsAWarningForItsEntityAndThePageKeepsTheList() throws {
        let engine = StubEngine(failingFor: "digraph \"forum\"")
        let (result, output) = Fixtures.build(Fixtures.content("good"), charts: ChartRenderer(engine: engine))
        let lines = result.diagnostics.sorted.map(\.description)
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.hasPrefix(Fixtures.content("good") + "/organer/forum.md:1:1: warning: the chart of 'forum' could not be drawn"), "\(line)")
        #expect(line.hasSuffix(": syntax error in line 3 near 'x'"))
        #expect(result.wrote)
        let html = try String(contentsOf: output.appendingPathComponent("forum/index.html"), encoding: .utf8)
        #expect(ChartPage.svg(in: html) == nil)
        #expect(html.contains("Diagrammet kunne ikke tegnes"))
        #expect(html.contains(#"<details class="chart-list" open>"#))
        #expect(ChartPage.hrefs(in: try #require(ChartPage.list(in: html))).contains("../stab/index.html"))
    }

    @Test func aBuildWithContentErrorsDrawsNoCharts() {
        let engine = StubEngine(failingFor: "never")
        let (result, _) = Fixtures.build(Fixtures.content("broken/cycle-reports-to"), charts: ChartRenderer(engine: engine))
        #expect(result.diagnostics.hasErrors)
        #expect(engine.calls == 0)
    }
}
