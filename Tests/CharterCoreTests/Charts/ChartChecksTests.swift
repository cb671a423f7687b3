import Testing
@testable import CharterCore

/// What the charts need from the content: every unit below a region placed under a parent, and successions that end.
struct ChartChecksTests {
    /// The model's and the charts' diagnostics for a content tree given in memory, as printed lines.
    static func diagnose(_ files: [String: String]) -> [String] {
        let tree = ContentTree(files: files.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, relativePath: $0.key, text: $0.value) },
                               config: Fixtures.kindsConfig)
        var diagnostics = Diagnostics()
        let site = SiteBuilder.build(tree, into: &diagnostics)
        ChartChecks.check(site, into: &diagnostics)
        return diagnostics.sorted.map(\.description)
    }

    @Test func aUnitWithoutAParentIsAnErrorOnceTheSiteHasARegion() {
        let lines = Self.diagnose([
            "region.md": "---\ntype: unit\ntitle: Regionen\nkind: region\n---\n",
            "afdeling.md": "---\ntype: unit\ntitle: Afdelingen\nkind: afdeling\n---\n",
            "stab.md": "---\ntype: unit\ntitle: Staben\nkind: stab\nparent: region\n---\n",
        ])
        #expect(lines == [
            "afdeling.md:1:1: error: unit 'afdeling' has no 'parent': as a unit of kind 'afdeling' it must belong under another unit "
                + "for the organisation chart to place it (add 'parent: region', or set 'kind: region' if it is the top)",
        ])
    }

    @Test func unitsNeedNoParentWhenTheSiteHasNoRegion() {
        #expect(Self.diagnose([
            "a.md": "---\ntype: unit\ntitle: A\nkind: afdeling\n---\n",
            "b.md": "---\ntype: unit\ntitle: B\n---\n",
        ]).isEmpty)
    }

    @Test func aCycleOfSuccessionsIsReportedOnceAtTheReferenceThatClosesIt() {
        let lines = Self.diagnose([
            "a.md": "---\ntype: body\ntitle: A\nreplaced_by: b\n---\n",
            "b.md": "---\ntype: body\ntitle: B\nreplaced_by: c\n---\n",
            "c.md": "---\ntype: body\ntitle: C\nreplaces: b\nreplaced_by: a\n---\n",
        ])
        #expect(lines == [
            "c.md:5:14: error: cycle in successions ('replaced_by' and 'replaces'): a → b → c → a; a body cannot be replaced by "
                + "one it replaced, and the organisation chart cannot draw it",
        ])
    }

    @Test func aSuccessionStatedFromBothSidesIsNoCycle() {
        #expect(Self.diagnose([
            "a.md": "---\ntype: body\ntitle: A\nstatus: dissolved\nreplaced_by: b\n---\n",
            "b.md": "---\ntype: body\ntitle: B\nreplaces: a\n---\n",
        ]).isEmpty)
    }

    @Test func aReportingCycleIsTheModelsErrorAndTheChartsStillTerminate() throws {
        var diagnostics = Diagnostics()
        let tree = ContentTree(files: [
            SourceFile(path: "a.md", relativePath: "a.md", text: "---\ntype: body\ntitle: A\nreports_to: b\n---\n"),
            SourceFile(path: "b.md", relativePath: "b.md", text: "---\ntype: body\ntitle: B\nreports_to: a\n---\n"),
        ], config: nil)
        let site = SiteBuilder.build(tree, into: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == ["b.md:4:13: error: cycle in 'reports_to': a → b → a"])
        let chart = OrganisationChart.make(site: site) { $0 }
        #expect(chart.edges.count == 2)
        #expect(LocalChart.make(for: try #require(site["a"]), site: site) { $0 }?.nodes.count == 2)
    }
}
