import Foundation
import Testing
@testable import CharterCore

/// The good fixture's pages, open data, calendars and sitemap, byte for byte as kept in `golden/good/`, so that every change
/// of output is seen and reviewed in the diff. After a change meant to alter the output, write the files again with
/// `make golden` (`CHARTER_UPDATE_GOLDEN=1 swift test --filter GoldenTests`) and review `git diff`.
///
/// Not compared: `assets/` (copied unchanged from the templates), and the geometry of the charts Graphviz lays out
/// (coordinates and sizes differ between Graphviz versions), which `GoldenFiles.stable` masks; the charts' structure,
/// links and text are compared.
struct GoldenTests {
    @Test func theGoodFixtureIsBuiltExactlyAsKept() throws {
        #expect(GoodFixture.result.diagnostics.isEmpty, "\(GoodFixture.result.diagnostics.sorted)")
        let golden = GoldenFiles(folder: Fixtures.repository.appendingPathComponent("Tests/CharterCoreTests/golden/good"))
        let actual = GoldenFiles.compared(GoodFixture.files)
        #expect(actual.count > 40, "\(actual.keys.sorted())")
        if ProcessInfo.processInfo.environment["CHARTER_UPDATE_GOLDEN"] == "1" {
            try golden.write(actual)
            return
        }
        let kept = try golden.read()
        for path in Set(kept.keys).union(actual.keys).sorted() {
            if let difference = GoldenFiles.difference(path: path, kept: kept[path], actual: actual[path]) {
                Issue.record("\(difference)\n(if the change is meant: make golden, then review git diff)")
            }
        }
    }

    @Test func chartGeometryIsMaskedAndEverythingElseKept() {
        let page = """
            <p>x="1"</p><svg class="chart-key" viewBox="0 0 40 16"></svg>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 262.14 110.64" class="chart-svg" style="max-width: 393px">
            <title>Diagram</title><g class="graph" transform="scale(1 1)"><a href="x.html" aria-label="X (2026)">
            <polygon points="110,-36 0,-36" class="shape"/><text x="7" y="-20.9" font-size="6.84">X</text>
            <path d="M103.22,-61.86C93.85,-53.54"/></a></g>
            </svg>
            """
        let expected = """
            <p>x="1"</p><svg class="chart-key" viewBox="0 0 40 16"></svg>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="…" class="chart-svg" style="…">
            <title>Diagram</title><g class="graph" transform="…"><a href="x.html" aria-label="X (2026)">
            <polygon points="…" class="shape"/><text x="…" y="…" font-size="6.84">X</text>
            <path d="…"/></a></g>
            </svg>
            """
        #expect(GoldenFiles.stable(page) == expected)
    }

    @Test func aDifferenceNamesTheFileAndItsFirstDifferentLine() {
        #expect(GoldenFiles.difference(path: "a.html", kept: "x\ny\nz", actual: "x\ny\nz") == nil)
        #expect(GoldenFiles.difference(path: "a.html", kept: "x\n<p>y</p>\nz", actual: "x\n<p>Y</p>\nz")
                == "a.html differs from its golden file at line 2, column 4:\n  kept:   <p>y</p>\n  actual: <p>Y</p>")
        #expect(GoldenFiles.difference(path: "a.html", kept: "x\n", actual: "x\ny\n")
                == "a.html differs from its golden file at line 2, column 1:\n  kept:   \n  actual: y")
        #expect(GoldenFiles.difference(path: "a.html", kept: "x", actual: "x\n")
                == "a.html differs from its golden file at line 2, column 1:\n  kept:   (end of file)\n  actual: ")
        let long = String(repeating: "a", count: 200)
        #expect(GoldenFiles.difference(path: "a.html", kept: long + "b" + long, actual: long + "c" + long)
                == "a.html differs from its golden file at line 1, column 201:\n"
                + "  kept:   …\(String(repeating: "a", count: 40))b\(String(repeating: "a", count: 79))…\n"
                + "  actual: …\(String(repeating: "a", count: 40))c\(String(repeating: "a", count: 79))…")
        #expect(GoldenFiles.difference(path: "b.html", kept: nil, actual: "x") == "b.html is new: it has no golden file")
        #expect(GoldenFiles.difference(path: "c.html", kept: "x", actual: nil) == "c.html was not written, but has a golden file")
    }
}
