import Foundation
@testable import CharterCore

/// Helpers for the chart tests: pulling the chart out of a page, its links, and layout engines that stand in for Graphviz.
enum ChartPage {
    /// The inline `<svg>…</svg>` of a page, if any.
    static func svg(in html: String) -> String? {
        guard let start = html.range(of: "<svg xmlns="), let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The `<details class="chart-list">…</details>` of a page, if any.
    static func list(in html: String) -> String? {
        guard let start = html.range(of: "<details class=\"chart-list\""),
              let end = html.range(of: "</details>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The values of every `href="…"` in `text`, in order.
    static func hrefs(in text: String) -> [String] {
        matches(of: #"href="([^"]*)""#, in: text)
    }

    /// The first capture group of every match of `pattern`.
    static func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }
}

/// A layout engine that fails for every graph whose DOT contains `failing`, and counts what it is asked.
final class StubEngine: ChartLayoutEngine, @unchecked Sendable {
    let failing: String
    let real = ChartRenderer()
    private let lock = NSLock()
    private var asked = 0

    init(failingFor failing: String) {
        self.failing = failing
    }

    var calls: Int { lock.withLock { asked } }

    func svg(fromDOT dot: String) -> Result<String, ChartLayoutError> {
        lock.withLock { asked += 1 }
        if dot.contains(failing) { return .failure(ChartLayoutError("syntax error in line 3 near 'x'")) }
        return real.layout(dot)
    }
}

extension Fixtures {
    /// A build of `content` into a fresh folder with the given chart renderer; returns the result and the output folder.
    static func build(_ content: String, charts: ChartRenderer) -> (Build.Result, URL) {
        let output = temporaryFolder().appendingPathComponent("site")
        let result = Build(options: .init(content: content, templates: templates, output: output.path,
                                          today: Day(year: 2026, month: 3, day: 1)), charts: charts).run()
        return (result, output)
    }

    /// The folder of the chart fixtures and expected output.
    static let charts = root.appendingPathComponent("charts")

    /// Compares `actual` with the checked-in file `name` under fixtures/charts/expected; with CHARTER_UPDATE_EXPECTED=1
    /// in the environment, writes it instead.
    static func expected(_ name: String) -> String? {
        try? String(contentsOf: charts.appendingPathComponent("expected/\(name)"), encoding: .utf8)
    }

    static func updateExpected(_ name: String, _ text: String) {
        guard ProcessInfo.processInfo.environment["CHARTER_UPDATE_EXPECTED"] == "1" else { return }
        let url = charts.appendingPathComponent("expected/\(name)")
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: url)
    }
}
