import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CharterCore

/// Names with quotes, angle brackets, ampersands and Danish letters come out right in the SVG, its links and the list.
@Suite(.serialized)
struct ChartEscapingTests {
    let result: Build.Result
    let output: URL

    init() {
        (result, output) = Fixtures.build(Fixtures.charts.appendingPathComponent("special/content").path, charts: ChartRenderer())
    }

    func chart(_ id: String) throws -> String {
        let html = try String(contentsOf: output.appendingPathComponent("\(id)/index.html"), encoding: .utf8)
        return try #require(ChartPage.svg(in: html), "\(id) has no chart")
    }

    @Test func specialCharactersAreEscapedOnceAndDanishLettersKept() throws {
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.sorted)")
        let svg = try chart("raad")
        #expect(svg.contains(#"font-weight="bold" font-size="9.12">Rådet for &#39;X&#39; &amp; &lt;Y&gt;</text>"#))
        #expect(svg.contains(#">Kontoret &lt;for&gt; æøå ÆØÅ</text>"#))
        #expect(svg.contains(#"class="caption">Sæde &quot;A&quot; &lt;1&gt;</text>"#))
        #expect(svg.contains(#"aria-label="Mødeleder: Leder af &quot;kontoret&quot;"><title>Står for \N og \\ alt</title>"#))
        #expect(svg.contains(#"<title id="chart-raad-title">Diagram over Rådet for &#39;X&#39; &amp; &lt;Y&gt;</title>"#))
        let organisation = try chart("organisation")
        #expect(organisation.contains(#"<title id="chart-organisation-title">Organisationsdiagram for Øst &amp; Syd</title>"#))
        #expect(organisation.contains(#"aria-label="Region &quot;Øst&quot; &amp; Syd (Enhed, Region)"><title>Regionen med &quot;citater&quot; &amp; &lt;vinkler&gt;.</title>"#))
    }

    @Test func everyChartIsWellFormedXMLWithBalancedLinks() throws {
        for id in ["raad", "gammelt", "region", "kontor", "organisation"] {
            let svg = try chart(id)
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "\(id): \(String(describing: parser.parserError))")
            #expect(svg.occurrences(of: "<a ") == svg.occurrences(of: "</a>"), "\(id)")
        }
    }
}
