import Foundation
import Testing
@testable import CharterCore

/// The charts in the built good fixture: the organisation page and a local chart on every body and unit page, each
/// with one link per box or row, its title and description, and the same links in the list beside it.
@Suite(.serialized)
struct ChartPagesTests {
    let result: Build.Result
    let output: URL

    init() {
        (result, output) = Fixtures.build(Fixtures.content("good"), charts: ChartRenderer())
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theOrganisationPageIsInTheNavigationOfEveryPage() throws {
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.sorted)")
        #expect(try page("index.html").contains(#"<li><a href="organisation/index.html">Organisation</a></li>"#))
        #expect(try page("organisation/index.html").contains(#"<a href="../organisation/index.html" aria-current="page">Organisation</a>"#))
    }

    @Test func theOrganisationChartHasOneLinkPerUnitAndBodyToItsPage() throws {
        let svg = try #require(ChartPage.svg(in: try page("organisation/index.html")))
        let expected = ["kommune", "plejecenter", "stab", "styregruppe", "forum", "gammelt-udvalg"].map { "../\($0)/index.html" }
        #expect(ChartPage.hrefs(in: svg).sorted() == expected.sorted())
        #expect(svg.contains(#"aria-label="Det gamle udvalg (Organ, Udvalg, Nedlagt)""#))
        #expect(svg.contains(#"<title>Den øverste styregruppe for ældreområdet.</title>"#), "the summary is the tooltip")
        #expect(svg.contains(#"<g class="node body dissolved">"#))
        #expect(svg.contains(#"<g class="node body draft">"#))
        for kind in ["reports", "secretariat", "replaced"] {
            #expect(svg.contains(#"<g class="edge \#(kind)" aria-hidden="true">"#), "\(kind)")
        }
    }

    @Test func chartsAreCleanInlineSVGWithATitleAndADescription() throws {
        for path in ["organisation/index.html", "forum/index.html", "kommune/index.html"] {
            let svg = try #require(ChartPage.svg(in: try page(path)), "\(path)")
            let key = path == "organisation/index.html" ? "organisation" : String(path.split(separator: "/")[0])
            #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 "#))
            #expect(svg.contains(#"role="group" aria-labelledby="chart-\#(key)-title" aria-describedby="chart-\#(key)-desc""#))
            #expect(svg.contains(#"<title id="chart-\#(key)-title">"#) && svg.contains(#"<desc id="chart-\#(key)-desc">"#))
            for leftover in ["<?xml", "<!DOCTYPE", "<!--", "xlink:", " width=\"", " height=\"", "font-family", "fill=\"#", "stroke=\"#",
                             "fill=\"white\"", "&#45;", "<title>\(key)</title>"] {
                #expect(!svg.contains(leftover), "\(path) still has \(leftover)")
            }
        }
    }

    @Test func theLocalChartLinksTheBodyItsLineItsSecretariatItsPredecessorAndEverySeat() throws {
        let html = try page("forum/index.html")
        let svg = try #require(ChartPage.svg(in: html))
        let expected = ["forum", "styregruppe", "stab", "gammelt-udvalg", "direktoer", "chefsygeplejerske", "plejecenter"]
        #expect(ChartPage.hrefs(in: svg).sorted() == expected.map { "../\($0)/index.html" }.sorted())
        #expect(svg.contains(#"<a href="../forum/index.html" aria-label="Forum for ældre og sundhed (Organ, Forum, Udkast)" aria-current="page">"#))
        #expect(svg.contains(#"aria-label="Mødeleder: Direktør for Sundhed""#))
        #expect(svg.contains(#"aria-label="Medlem: Plejecenter Solhøj""#))
        #expect(html.contains(#"<h2 id="placering">Placering i organisationen</h2>"#))
    }

    @Test func everyBodyAndUnitPageHasAChartAndTheSameLinksAsAListBehindDetails() throws {
        let site = try #require(result.site)
        for entity in site.entities where entity.type == .body || entity.type == .unit {
            let html = try page("\(entity.id)/index.html")
            let svg = try #require(ChartPage.svg(in: html), "\(entity.id) has no chart")
            let list = try #require(ChartPage.list(in: html), "\(entity.id) has no list")
            #expect(list.contains("<summary>Vis som liste</summary>"))
            #expect(Set(ChartPage.hrefs(in: svg)) == Set(ChartPage.hrefs(in: list)), "\(entity.id): nothing only in the picture")
        }
        let organisation = try page("organisation/index.html")
        let svg = try #require(ChartPage.svg(in: organisation))
        let list = try #require(ChartPage.list(in: organisation))
        #expect(Set(ChartPage.hrefs(in: svg)) == Set(ChartPage.hrefs(in: list)))
    }

    @Test func theListNestsTheStructureOfTheChart() throws {
        let list = try #require(ChartPage.list(in: try page("forum/index.html")))
        #expect(list.contains(#"<li><span class="chart-relation">Refererer til:</span> <a href="../styregruppe/index.html">Styregruppen for ældreområdet</a> <span class="muted">Organ · Styregruppe</span><ul><li><a href="../forum/index.html" aria-current="page">Forum for ældre og sundhed</a>"#))
        #expect(list.contains(#"<li><span class="chart-relation">Mødeleder:</span> <a href="../direktoer/index.html">Direktør for Sundhed</a>"#))
        #expect(list.contains(#"<li><span class="chart-relation">Afløser:</span> <a href="../gammelt-udvalg/index.html">Det gamle udvalg</a> <span class="muted">Organ · Udvalg · Nedlagt</span></li>"#))
    }

    @Test func theLegendNamesTheLinesAndMarksTheChartUses() throws {
        let html = try page("organisation/index.html")
        for label in ["Refererer til / hører under", "Sekretariat for", "Afløst af", "Udkast", "Nedlagt", "Enhed", "Organ"] {
            #expect(html.contains("</svg>\(label)</li>"), "\(label)")
        }
    }

    @Test func theChartsMatchTheCheckedInExpectedSVG() throws {
        for (path, name) in [("organisation/index.html", "organisation.svg"), ("forum/index.html", "forum.svg"), ("kommune/index.html", "kommune.svg")] {
            let svg = try #require(ChartPage.svg(in: try page(path))) + "\n"
            Fixtures.updateExpected(name, svg)
            let expected = try #require(Fixtures.expected(name), "missing fixtures/charts/expected/\(name); run with CHARTER_UPDATE_EXPECTED=1")
            #expect(svg == expected, "\(name) differs from the checked-in SVG")
        }
    }
}
