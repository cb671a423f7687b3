import Testing
@testable import CharterCore

/// A large organisation's chart draws its top levels only; the list beside it keeps everything.
struct OrganisationChartLimitTests {
    func site(units: Int) -> Site {
        var files: [SourceFile] = [SourceFile(path: "top.md", relativePath: "top.md", text: "---\ntype: unit\ntitle: Top\nkind: region\n---\n")]
        for index in 0..<units {
            let parent = index < 10 ? "top" : "u\(index % 10)"
            files.append(SourceFile(path: "u\(index).md", relativePath: "u\(index).md",
                                    text: "---\ntype: unit\ntitle: U\(index)\nparent: \(parent)\n---\n"))
        }
        var diagnostics = Diagnostics()
        var site = SiteBuilder.build(ContentTree(files: files, config: Fixtures.kindsConfig), into: &diagnostics)
        site.translation = Fixtures.danish
        #expect(!diagnostics.hasErrors)
        return site
    }

    @Test func smallOrganisationsAreDrawnWhole() {
        #expect(OrganisationChart.shownIDs(of: site(units: 50)).count == 51)
    }

    @Test func largeOrganisationsAreDrawnFromTheTopDownWithinTheLimit() {
        let large = site(units: 1000)
        let shown = OrganisationChart.shownIDs(of: large)
        #expect(shown == Set(["top"] + (0..<10).map { "u\($0)" }), "the top and the next level fit; the third level does not")
        let chart = OrganisationChart.make(site: large) { $0 }
        #expect(chart.nodes.count == 11)
        #expect(chart.summary.hasPrefix("Diagrammet viser de øverste 11 af 1001 enheder og organer"))
        #expect(chart.edges.allSatisfy { shown.contains($0.from) && shown.contains($0.to) })
    }
}
