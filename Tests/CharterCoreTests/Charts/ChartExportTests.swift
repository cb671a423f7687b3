import Foundation
import Testing
@testable import CharterCore

/// `charter graph`: a chart as DOT or as an SVG file of its own, with links that work outside the site.
struct ChartExportTests {
    @Test func theDOTOfABodyMatchesTheCheckedInFileAndLinksAbsolutelyUnderTheBaseURL() throws {
        let export = ChartExport.run(content: Fixtures.content("good"), templates: Fixtures.templates, id: "forum", format: .dot)
        #expect(export.diagnostics.isEmpty)
        let dot = try #require(export.text)
        #expect(dot.hasPrefix("digraph \"forum\" {\n"))
        #expect(dot.contains(#"href="https://intra.example.org/styring/styregruppe/""#))
        #expect(dot.contains(#"HREF="https://intra.example.org/styring/direktoer/""#))
        Fixtures.updateExpected("forum.dot", dot)
        #expect(dot == Fixtures.expected("forum.dot"), "forum.dot differs from the checked-in DOT")
    }

    @Test func withoutABaseURLLinksPointFromTheSiteRoot() throws {
        let export = ChartExport.run(content: Fixtures.charts.appendingPathComponent("special/content").path, templates: Fixtures.templates, id: nil, format: .dot)
        let dot = try #require(export.text, "\(export.diagnostics.sorted)")
        #expect(dot.hasPrefix("digraph \"organisation\" {\n"))
        #expect(dot.contains(#"href="raad/index.html""#))
        #expect(dot.contains("rankdir=TB"))
    }

    @Test func theSVGIsAFileOfItsOwnWithItsStylesAndNaturalSize() throws {
        let export = ChartExport.run(content: Fixtures.content("good"), templates: Fixtures.templates, id: nil, format: .svg, baseURL: "https://example.org/x")
        let svg = try #require(export.text)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "))
        #expect(ChartPage.matches(of: #"<svg [^>]* width="(\d+)" height="\d+">"#, in: svg).count == 1)
        #expect(svg.contains("<style>\n.chart-svg {"))
        #expect(svg.contains(#"<a href="https://example.org/x/forum/""#))
    }

    @Test func anUnknownIDIsAnErrorWithASuggestion() {
        let export = ChartExport.run(content: Fixtures.content("good"), templates: Fixtures.templates, id: "forumm", format: .svg)
        #expect(export.text == nil)
        #expect(export.diagnostics.sorted.map(\.message) == ["no body or unit has the id 'forumm' (did you mean 'forum'?)"])
    }

    @Test func aRoleHasNoChart() {
        let export = ChartExport.run(content: Fixtures.content("good"), templates: Fixtures.templates, id: "direktoer", format: .dot)
        #expect(export.diagnostics.sorted.map(\.message) == ["'direktoer' is a role; charts are drawn for bodies and units"])
    }
}
