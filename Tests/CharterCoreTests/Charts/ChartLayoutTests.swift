import Testing
@testable import CharterCore

/// Charts read from the top down: the top of each hierarchy above what reports to it, wide levels wrapped in rows,
/// bodies with no line grouped under a heading, and a page's chart showing its chain up to the top and its siblings.
struct ChartLayoutTests {
    /// A site from `files` (name → front matter), checked without errors.
    static func site(_ files: [String: String]) -> Site {
        let sources = files.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key + ".md", relativePath: $0.key + ".md", text: "---\n\($0.value)\n---\n") }
        var diagnostics = Diagnostics()
        var site = SiteBuilder.build(ContentTree(files: sources, config: Fixtures.kindsConfig), into: &diagnostics)
        site.translation = Fixtures.danish
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        return site
    }

    /// A steering committee over `groups` working groups, one of which has a sub-group, and a council with no line.
    static func committee(groups: Int) -> Site {
        var files = ["board": "type: body\ntitle: Board\nkind: forum", "council": "type: body\ntitle: Council\nkind: råd",
                     "steering": "type: body\ntitle: Steering committee\nkind: styregruppe\nreports_to: board"]
        for index in 0..<groups {
            files[String(format: "wg%02d", index)] = "type: body\ntitle: Working group \(String(format: "%02d", index))\nkind: udvalg\nreports_to: steering"
        }
        files["sub"] = "type: body\ntitle: Sub-group\nkind: udvalg\nreports_to: wg00"
        return site(files)
    }

    @Test func aLevelOfFortyChildrenIsWrappedInRowsOfFiveJoinedToItsParentByOneLine() throws {
        let chart = OrganisationChart.make(site: Self.committee(groups: 40)) { $0 }
        let group = try #require(chart.groups.first { $0.parent == "steering" })
        #expect(group.members.count == 39, "the group with a sub-group stays in the hierarchy")
        #expect(!group.members.contains("wg00"))
        #expect(group.rows.map(\.count) == [5, 5, 5, 5, 5, 5, 5, 4])
        let dot = DOTWriter.write(chart).text
        #expect(dot.contains("compound=true"))
        #expect(dot.components(separatedBy: "lhead=\"cluster_rows-steering\"").count == 2, "one line to the frame")
        #expect(!dot.contains("\"steering\" -> \"wg05\" [class=\"reports\""), "no line of its own to a wrapped box")
        let ranks = ChartLevels.ranks(of: chart)
        #expect(ranks["board"] == 0 && ranks["steering"] == 1 && ranks["wg01"] == 2)
        #expect(ranks["wg39"] == 9)
    }

    @Test func levelsOfEightOrFewerStayInOneRow() {
        let chart = OrganisationChart.make(site: Self.committee(groups: 8)) { $0 }
        #expect(chart.groups.allSatisfy { $0.parent == nil })
        #expect(ChartLevels.rows(Array(repeating: "x", count: 9), columns: 5).map(\.count) == [5, 4])
        #expect(ChartLevels.rows(Array(repeating: "x", count: 11), columns: 5).map(\.count) == [4, 4, 3])
    }

    @Test func bodiesWithNoLineAreGroupedUnderAHeadingBelowTheHierarchies() throws {
        let chart = OrganisationChart.make(site: Self.committee(groups: 3)) { $0 }
        let alone = try #require(chart.groups.first { $0.parent == nil })
        #expect(alone.title == "Øvrige organer")
        #expect(alone.members == ["council"])
        let ranks = ChartLevels.ranks(of: chart)
        #expect(ranks["council"]! > ranks["sub"]!, "below the deepest box of the hierarchy")
        #expect(DOTWriter.write(chart).text.contains("label=\"Øvrige organer\""))
    }

    @Test func theUnitHierarchyComesFirstWithBodiesUnderTheUnitTheyReportToAndBodyHierarchiesBelow() {
        let site = Self.site([
            "region": "type: unit\ntitle: Region\nkind: region",
            "hospital": "type: unit\ntitle: Hospital\nkind: sygehus\nparent: region",
            "meeting": "type: body\ntitle: Hospital meeting\nkind: møde\nreports_to: hospital",
            "forum": "type: body\ntitle: Forum\nkind: forum",
            "group": "type: body\ntitle: Group\nkind: udvalg\nreports_to: forum",
        ])
        let chart = OrganisationChart.make(site: site) { $0 }
        #expect(chart.edges.contains(Chart.Edge(from: "hospital", to: "meeting", kind: .reports)))
        let ranks = ChartLevels.ranks(of: chart)
        #expect(ranks["region"] == 0 && ranks["hospital"] == 1 && ranks["meeting"] == 2)
        #expect(ranks["forum"] == 3 && ranks["group"] == 4, "the bodies' hierarchy starts below the units'")
        #expect(DOTWriter.write(chart).text.contains("rankdir=TB"))
        let list = chart.outline.flatMap(\.children).map(\.title)
        #expect(list == ["Region", "Forum"], "the meeting is listed under its unit, not again at the top: \(list)")
    }

    @Test func aSuccessorIsDrawnBelowTheBodiesItReplacedInTheWholeOrganisation() {
        let site = Self.site([
            "old1": "type: body\ntitle: Old 1\nkind: råd\nstatus: dissolved\nreplaced_by: new",
            "old2": "type: body\ntitle: Old 2\nkind: råd\nstatus: dissolved\nreplaced_by: new",
            "new": "type: body\ntitle: New\nkind: råd",
        ])
        let chart = OrganisationChart.make(site: site) { $0 }
        let ranks = ChartLevels.ranks(of: chart)
        #expect(ranks["old1"] == 0 && ranks["old2"] == 0 && ranks["new"] == 1)
        #expect(chart.groups.isEmpty, "bodies joined by a succession have a line")
        #expect(DOTWriter.write(chart).text.contains("\"old1\" -> \"new\" [class=\"replaced\", style=dotted];"))
    }

    @Test func aBodysChartShowsItsChainToTheTopItsSiblingsInRowsAndWhatReportsToIt() throws {
        let site = Self.committee(groups: 12)
        let chart = try #require(LocalChart.make(for: site["wg00"]!, site: site) { $0 })
        let ids = Set(chart.nodes.map(\.id))
        #expect(ids.isSuperset(of: ["board", "steering", "wg00", "wg08", "sub"]))
        #expect(!ids.contains("council"))
        #expect(!ids.contains("wg09") && !ids.contains("wg11"), "the eight siblings nearest in site order, not all eleven")
        let siblings = try #require(chart.groups.first)
        #expect(siblings.parent == "steering" && siblings.members.count == 8 && siblings.rows.map(\.count) == [3, 3, 2])
        let ranks = ChartLevels.ranks(of: chart)
        #expect(ranks["board"] == 0 && ranks["steering"] == 1 && ranks["wg00"] == 2 && ranks["sub"] == 3)
        // The list has the same boxes, nested the same way.
        let top = try #require(chart.outline.first)
        #expect(top.title == "Board" && top.children.first?.title == "Steering committee")
        let level = top.children[0].children
        #expect(level.first?.isCurrent == true && level.count == 9)
        #expect(level.first?.children.map(\.title) == ["Sub-group"])
    }

    @Test func aUnitsChartShowsItsParentsItsSiblingsAndTheBodiesThatReportToIt() throws {
        let site = Self.site([
            "region": "type: unit\ntitle: Region\nkind: region",
            "a": "type: unit\ntitle: A\nkind: sygehus\nparent: region",
            "b": "type: unit\ntitle: B\nkind: sygehus\nparent: region",
            "ward": "type: unit\ntitle: Ward\nkind: afdeling\nparent: a",
            "meeting": "type: body\ntitle: Meeting\nkind: møde\nreports_to: a",
        ])
        let chart = try #require(LocalChart.make(for: site["a"]!, site: site) { $0 })
        #expect(chart.nodes.map(\.id) == ["a", "b", "meeting", "region", "ward"].sorted { site.index[$0]! < site.index[$1]! })
        #expect(chart.edges.contains(Chart.Edge(from: "region", to: "b", kind: .reports)))
        #expect(chart.edges.contains(Chart.Edge(from: "a", to: "meeting", kind: .reports)))
        #expect(chart.summary.contains("Ét organ refererer hertil"))
    }

    @Test func aBodyMayReportToAUnitButNotToARole() {
        var diagnostics = Diagnostics()
        let files = [SourceFile(path: "r.md", relativePath: "r.md", text: "---\ntype: role\ntitle: R\n---\n"),
                     SourceFile(path: "b.md", relativePath: "b.md", text: "---\ntype: body\ntitle: B\nreports_to: r\n---\n")]
        _ = SiteBuilder.build(ContentTree(files: files), into: &diagnostics)
        #expect(diagnostics.sorted.map(\.message) == ["'reports_to' must refer to a body or unit, but 'r' is a role"])
    }
}
