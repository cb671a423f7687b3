import Foundation
import Testing
@testable import CharterCore

/// The organisation through time, on the `time` fixture: two hospitals merge into one on 1 January 2026, a member leaves
/// and another joins on 1 March, the forum's chair changes hands on 1 April, and on 1 June a committee is replaced and
/// the forum's reporting line moves to its successor; a project goes from idea to running on 1 April. `as_of` is
/// 1 December 2025.
@Suite(.serialized)
struct ChronologyTests {
    static let output = Fixtures.temporaryFolder().appendingPathComponent("site")
    /// The fixture built once for the suite, "today" being 1 March 2026.
    static let result = Fixtures.build(Fixtures.content("time"), output: output.path)

    /// The text of a page of the built site; the first call builds it, so that any test of the suite runs alone.
    func page(_ path: String) throws -> String {
        _ = Self.result
        return try String(contentsOf: Self.output.appendingPathComponent(path), encoding: .utf8)
    }

    /// The text of each `<li>` in the first element with `class="<name>"` of a page, tags removed.
    func items(in html: String, section name: String) -> [String] {
        guard let start = html.range(of: "class=\"\(name)\""), let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)
        else { return [] }
        return ChartPage.matches(of: #"<li>(.*?)</li>"#, in: String(html[start.upperBound..<end.lowerBound])).map {
            $0.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
        }
    }

    var chronology: Chronology { Chronology(site: Self.result.site!) }

    @Test func theFixtureBuildsWithoutProblems() {
        #expect(Self.result.diagnostics.isEmpty, "\(Self.result.diagnostics.sorted)")
    }

    @Test func everyDateOnWhichTheModelChangesIsAMoment() {
        #expect(chronology.moments == ["2025-12-01", "2026-01-01", "2026-03-01", "2026-04-01", "2026-06-01"].map { .day(Day(iso: $0)!) })
    }

    @Test func aSnapshotHasTheStatusesLinesHoldersAndMembersOfItsMoment() throws {
        let before = chronology.snapshot(at: .day(Day(iso: "2025-12-01")!))
        #expect(before["harbour-hospital"]?.status == "planned")
        #expect(before["north-hospital"]?.status == "active")
        #expect(before["forum"]?.reportsTo?.id == "old-committee")
        #expect(before["forum"]?.members.map(\.reference.id) == ["anna-berg", "bo-lund"])
        #expect(before["forum-chair"]?.heldBy?.id == "anna-berg")
        #expect(before.relations.holders["forum-chair"] == ["anna-berg"])
        let after = chronology.snapshot(at: .day(Day(iso: "2026-06-01")!))
        #expect(after["harbour-hospital"]?.status == "active" && after["north-hospital"]?.status == "dissolved")
        #expect(after["old-committee"]?.status == "dissolved" && after["new-committee"]?.status == "active")
        #expect(after["forum"]?.reportsTo?.id == "new-committee")
        #expect(after.relations.reportingBodies["new-committee"] == ["forum"])
        #expect(after["forum"]?.members.map(\.reference.id) == ["carl-dahl", "bo-lund"])
        #expect(after["forum-chair"]?.heldBy?.id == "bo-lund")
    }

    @Test func eachMomentListsWhatBeginsEndsMovesIsReplacedAndChangesHands() {
        func changes(_ iso: String) -> [String] {
            chronology.changes(at: .day(Day(iso: iso)!)).map { "\($0.entity) \($0.kind.rawValue) \($0.other ?? "-")" }
        }
        #expect(changes("2025-12-01").isEmpty)
        #expect(changes("2026-01-01") == ["harbour-hospital begins -", "north-hospital replaced harbour-hospital",
                                          "south-hospital replaced harbour-hospital"])
        #expect(changes("2026-03-01") == ["forum joins carl-dahl", "forum leaves anna-berg"])
        #expect(changes("2026-04-01") == ["forum-chair holder bo-lund", "shared-records phase running"])
        #expect(changes("2026-06-01") == ["forum moves new-committee", "new-committee begins -", "old-committee replaced new-committee"])
    }

    @Test func thereIsAPagePerMomentWithItsChangesLinkedAndTheChartOfThatDay() throws {
        let merger = try page("organisation/2026-01-01/index.html")
        #expect(merger.contains("<h1>The organisation on 1 January 2026</h1>"))
        #expect(items(in: merger, section: "as-of-changes") == ["Harbour Hospital begins", "North Hospital is replaced by Harbour Hospital",
                                                                "South Hospital is replaced by Harbour Hospital"])
        #expect(merger.contains(#"<a href="../../harbour-hospital/index.html""#))
        let svg = try #require(ChartPage.svg(in: merger))
        #expect(svg.contains("North Hospital") && svg.contains("Dissolved"), "the merged hospitals are drawn as dissolved that day")
        let start = try page("organisation/2025-12-01/index.html")
        #expect(start.contains("The starting point: the organisation as the content describes it."))
        let startSVG = try #require(ChartPage.svg(in: start))
        #expect(startSVG.contains("Quality Committee") && !startSVG.contains("node body dissolved"))
    }

    @Test func theSwitcherLinksEveryMomentMarksTheOneShownAndTheOneThatHoldsToday() throws {
        let now = try page("organisation/index.html")
        let switcher = try #require(now.range(of: #"<nav class="as-of-switcher"[\s\S]*?</nav>"#, options: .regularExpression).map { String(now[$0]) })
        #expect(ChartPage.hrefs(in: switcher) == ["index.html", "2025-12-01/index.html", "2026-01-01/index.html", "2026-03-01/index.html",
                                                   "2026-04-01/index.html", "2026-06-01/index.html"].map { "../organisation/" + $0 })
        #expect(switcher.contains(#"<a href="../organisation/index.html" aria-current="page">Now</a>"#))
        // "Today" is 1 March 2026 in the test build.
        #expect(switcher.contains(#"<time datetime="2026-03-01">1 March 2026</time></a> <span class="badge as-of-today">today</span>"#))
        // The page for now is the organisation on the build day: Anna Berg has left the forum, Carl Dahl has joined.
        let forum = try page("forum/index.html")
        #expect(items(in: forum, section: "entity-list").contains { $0.contains("Carl Dahl") })
        #expect(!items(in: forum, section: "entity-list").contains { $0.contains("Anna Berg") })
    }

    @Test func theSitemapListsThePageOfEveryDate() throws {
        let sitemap = try page("sitemap.xml")
        for date in ["2025-12-01", "2026-01-01", "2026-03-01", "2026-04-01", "2026-06-01"] {
            #expect(sitemap.contains("<loc>https://governance.example.org/organisation/\(date)/</loc>"), "\(date)")
        }
    }

    @Test func anEntityPageHasItsHistoryWithLinksToTheDaysItChanges() throws {
        let forum = try page("forum/index.html")
        #expect(items(in: forum, section: "history") == [
            "Reports to: Quality Committee (until 1 June 2026)", "Reports to: Quality and Safety Committee (from 1 June 2026)",
            "Member: Anna Berg (until 1 March 2026)", "Member: Carl Dahl (from 1 March 2026)",
            "See the organisation on 1 March 2026, 1 June 2026",
        ])
        let merged = try page("harbour-hospital/index.html")
        #expect(items(in: merged, section: "history") == ["1 January 2026: Established", "Replaces: North Hospital", "Replaces: South Hospital",
                                                           "See the organisation on 1 January 2026"])
        let chair = try page("forum-chair/index.html")
        #expect(items(in: chair, section: "history").prefix(2) == ["Held by: Anna Berg (until 1 April 2026)", "Held by: Bo Lund (from 1 April 2026)"])
        let project = try page("shared-records/index.html")
        #expect(items(in: project, section: "history") == ["Idea (until 1 April 2026)", "Running (from 1 April 2026)",
                                                            "See the organisation on 1 April 2026"])
        #expect(try page("organisation/2026-04-01/index.html").contains("Shared patient records</a> moves into the phase: Running"))
        let board = try page("board/index.html")
        #expect(!board.contains(#"class="history""#), "nothing about the board is dated")
    }

    @Test func theCalendarHoldsEveryDatedEventWithStableUIDsAndTheForumHasItsOwnFeed() throws {
        let feed = try page("calendar.ics")
        let uids = ChartPage.matches(of: #"UID:([^\r]+)\r\n"#, in: feed)
        let expected = ["harbour-hospital-established-2026-01-01", "north-hospital-ends-2026-01-01", "south-hospital-ends-2026-01-01",
                        "forum-agenda-1-2026-01-15", "forum-joins-carl-dahl-2026-03-01", "forum-leaves-anna-berg-2026-03-01",
                        "forum-chair-held-by-bo-lund-2026-04-01", "shared-records-phase-running-2026-04-01",
                        "forum-reports-to-new-committee-2026-06-01",
                        "new-committee-established-2026-06-01", "old-committee-ends-2026-06-01"]
        #expect(uids == expected.map { $0 + "@governance.example.org" }, "in date order, then by UID")
        #expect(feed.contains("RRULE:FREQ=MONTHLY;INTERVAL=3\r\n"))
        #expect(feed.contains("URL:https://governance.example.org/forum/\r\n"))
        let forumFeed = try page("forum/calendar.ics")
        #expect(ChartPage.matches(of: #"UID:([^\r]+)\r\n"#, in: forumFeed).count == 4, "the agenda item, the member joining and leaving, the new line")
        let forum = try page("forum/index.html")
        #expect(forum.contains(#"<a href="../forum/calendar.ics" type="text/calendar">Calendar (iCalendar)</a>"#))
        #expect(items(in: forum, section: "agenda") == ["Patient safety report – Every quarter (from 15 January 2026)",
                                                        "Joint care pathways – Now and then"])
        #expect(!feed.contains("Joint care pathways"), "an agenda item without a first date is not in the calendar")
    }
}

/// Every bad range of dates is an error at the file, line and column where it is written, all of them in one run.
struct ChronologyErrorTests {
    static func diagnostics(_ files: [String: String]) -> [String] {
        let folder = Fixtures.write(files.merging(["site.yml": "title: T\nlanguage: en\n" + Fixtures.kinds]) { $1 })
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Fixtures.build(folder.path, output: folder.appendingPathComponent("out").path, dryRun: true)
        return result.diagnostics.sorted.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }

    @Test func untilBeforeFromOverlappingHoldersAndMembersOutsideTheBodysLifeAreLocatedErrors() {
        let lines = Self.diagnostics([
            "p.md": "---\ntype: person\ntitle: P\n---\n",
            "q.md": "---\ntype: person\ntitle: Q\n---\n",
            "role.md": "---\ntype: role\ntitle: R\nheld_by:\n  - ref: p\n    from: 2026-01-01\n  - ref: q\n    from: 2026-06-01\n---\n",
            "body.md": "---\ntype: body\ntitle: B\nkind: forum\nestablished: 2026-01-01\nends: 2027-01-01\nmembers:\n"
                + "  - ref: p\n    from: 2025-06-01\n  - ref: q\n    from: 2026-05-01\n    until: 2026-02-01\n"
                + "  - ref: role\n    until: 2027-06-01\n---\n",
            "late.md": "---\ntype: body\ntitle: L\nkind: forum\nestablished: 2026-01-01\nends: 2025-01-01\n---\n",
            "u.md": "---\ntype: unit\ntitle: U\nreplaced_by: body\n---\n",
        ])
        #expect(lines == [
            "body.md:9:11: error: 'p' is a member from 2025-06-01, before the body is established (2026-01-01)",
            "body.md:11:11: error: a member's 'until' (2026-02-01) must come after its 'from' (2026-05-01)",
            "body.md:14:12: error: 'role' is a member until 2027-06-01, after the body ends (2027-01-01)",
            "late.md:1:1: error: 'ends' (2025-01-01) must come after 'established' (2026-01-01)",
            "role.md:8:11: error: 'p' and 'q' hold the role at the same time; give one an 'until' on or before the other's 'from'",
            "u.md:4:14: error: a unit is replaced by a unit, not by 'body', a body",
        ])
    }

    @Test func overlappingPhasesAnUnknownPhaseAndAnUnknownCadenceAreLocatedErrors() {
        let lines = Self.diagnostics([
            "p.md": "---\ntype: project\ntitle: P\nphases:\n  - status: idea\n    until: 2026-05-01\n  - status: running\n    from: 2026-04-01\n"
                + "  - status: flying\n---\n",
            "b.md": "---\ntype: body\ntitle: B\nkind: forum\nagenda:\n  - title: X\n    every: fortnight\n---\n",
        ])
        #expect(lines == [
            "b.md:7:12: error: unknown 'every' value 'fortnight'; use one of month, quarter, week, year",
            "p.md:8:11: error: the phases 'idea' and 'running' overlap; give one an 'until' on or before the other's 'from'",
            "p.md:9:13: error: unknown status 'flying' for a project; use one of idea, planned, running, done",
        ])
    }

    @Test func aDescribedEventSortsAfterEveryDateAndTwoCannotBeOrdered() {
        #expect(Self.diagnostics([
            "a.md": "---\ntype: body\ntitle: A\nkind: forum\nestablished: 2026-01-01\nends: \"When the region is formed\"\n---\n",
            "b.md": "---\ntype: body\ntitle: B\nkind: forum\nestablished: \"Later\"\nends: \"Later still\"\n---\n",
        ]).isEmpty)
        #expect(Self.diagnostics([
            "a.md": "---\ntype: body\ntitle: A\nkind: forum\nestablished: \"When the region is formed\"\nends: 2026-01-01\n---\n",
        ]) == ["a.md:1:1: error: 'ends' (2026-01-01) must come after 'established' ('When the region is formed')"])
    }
}
