import Foundation
import Testing
@testable import CharterCore

/// Builds the merger fixture — a council with a chair called "Formand" that replaces two older bodies (one ended by its
/// date, one dissolved by its status), and a project that is only an idea — and reads its pages.
@Suite(.serialized)
final class MergerFixtureTests {
    let output: URL
    let result: Build.Result

    init() {
        output = Fixtures.temporaryFolder().appendingPathComponent("site")
        result = Fixtures.build(Fixtures.content("merger"), output: output.path)
    }

    deinit {
        try? FileManager.default.removeItem(at: output.deletingLastPathComponent())
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// The items of the "Deltager i" list of a page, as lines of text without tags.
    func seats(on path: String) throws -> [String] {
        let html = try page(path)
        guard let start = html.range(of: "<h2 id=\"seats\">"), let end = html.range(of: "</ul>", range: start.upperBound..<html.endIndex) else {
            return []
        }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<li>").dropFirst().map { item in
            item.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        }
    }

    @Test func mergerFixtureBuildsWithoutDiagnostics() {
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.sorted)")
        #expect(result.wrote)
    }

    @Test func chairTitleNamesTheChairWhereTheBodyLabelsIt() throws {
        let body = try page("sundhedsraad/index.html")
        #expect(body.contains("<dt>Formand</dt>"), "facts")
        #expect(body.contains("<h3 id=\"moedeleder\">Formand</h3>"), "terms section")
        #expect(!body.contains("Mødeleder"), "the translation's label is not used where the body names its chair")
        #expect(try seats(on: "direktoer/index.html").contains { $0.hasPrefix("Sundhedsrådet – Formand") })
    }

    @Test func backlinkFromTheChairedBodyUsesItsChairTitle() throws {
        let role = try page("direktoer/index.html")
        guard let backlinks = role.range(of: "class=\"backlinks\"") else {
            Issue.record("no backlinks on the role's page")
            return
        }
        let list = String(role[backlinks.upperBound...])
        #expect(list.contains("· formand"), "the relation in the body's own word, lower case mid-sentence")
        #expect(!list.contains("· mødeleder"))
    }

    @Test func chairTitleIsInTheOpenData() throws {
        #expect(try page("data/model.json").contains("\"chair_title\" : \"Formand\""))
    }

    @Test func bodyWithoutChairTitleKeepsTheTranslationsLabel() throws {
        #expect(try seats(on: "anne-jensen/index.html").contains { $0.hasPrefix("Forebyggelsesudvalget Nedlagt – Mødeleder") })
    }

    @Test func chairWhoIsAlsoAMemberHasOneLineNamingBothCapacities() throws {
        let role = try seats(on: "direktoer/index.html")
        #expect(role.filter { $0.hasPrefix("Sundhedsrådet") } == ["Sundhedsrådet – Formand, medlem"])
        let person = try seats(on: "anne-jensen/index.html")
        #expect(person.filter { $0.hasPrefix("Forebyggelsesudvalget") } == ["Forebyggelsesudvalget Nedlagt – Mødeleder, medlem"])
        #expect(person.filter { $0.hasPrefix("Sundhedsrådet") }
                == ["Sundhedsrådet – Medlem (borgerrepræsentant); formand, medlem, som direktør for Sundhed"])
    }

    @Test func bodiesThatAreNoLongerActiveShowTheirStatusOnPersonAndRolePages() throws {
        // One dissolved by its status, one by its end date before the site's day.
        #expect(try seats(on: "anne-jensen/index.html").contains { $0.hasPrefix("Forebyggelsesudvalget Nedlagt") })
        #expect(try seats(on: "direktoer/index.html").contains { $0.hasPrefix("Det gamle sundhedsråd Nedlagt") })
        #expect(try page("direktoer/index.html").contains("<span class=\"badge status-dissolved\">Nedlagt</span>"))
        #expect(try seats(on: "direktoer/index.html").contains { $0.hasPrefix("Sundhedsrådet –") }, "an active body has no badge")
    }

    @Test func bodyReplacingSeveralShowsEveryPredecessor() throws {
        let body = try page("sundhedsraad/index.html")
        #expect(body.contains("<dt>Afløser</dt><dd><a href=\"../gammelt-raad/index.html\" title=\"Rådet før sammenlægningen.\">Det gamle sundhedsråd</a>, "
                              + "<a href=\"../gammelt-udvalg/index.html\""))
        let site = try #require(result.site)
        #expect(site.predecessors(of: try #require(site["sundhedsraad"])) == ["gammelt-raad", "gammelt-udvalg"])
    }

    @Test func eachPredecessorOfAMergerHasTheSuccessor() throws {
        let site = try #require(result.site)
        for id in ["gammelt-raad", "gammelt-udvalg"] {
            #expect(site.successor(of: try #require(site[id])) == "sundhedsraad", "\(id)")
            #expect(try page("\(id)/index.html").contains("Afløst af: <a href=\"../sundhedsraad/index.html\""), "\(id)")
        }
    }

    /// The event lines of a page's list, as text without tags.
    func events(on path: String) throws -> [String] {
        try page(path).components(separatedBy: "<li class=\"event\">").dropFirst().map { item in
            String(item.prefix { $0 != "\n" }).components(separatedBy: "</li>")[0]
                .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        }
    }

    @Test func ideaProjectIsACandidateOnTheTimelineNotAFact() throws {
        let timeline = try events(on: "tidslinje/index.html")
        #expect(timeline.contains("1. juni 2026 Kan starte: Ny klinik Idé Projekt"))
        #expect(timeline.contains("1. januar 2027 Kan være i drift: Ny klinik Idé Projekt"))
        #expect(!timeline.contains { $0.contains("Starter: Ny klinik") })
        #expect(timeline.contains("1. april 2026 Starter: Tryg overgang Projekt"), "a decided project's start stays a fact")
    }

    @Test func bodysDecisionsAreOnItsPageTheTimelineAndInTheOpenData() throws {
        let body = try page("sundhedsraad/index.html")
        #expect(body.contains("<time datetime=\"2025-09-01\">1. september 2025</time>: Sammenlægningen af de to gamle udvalg vedtaget"))
        #expect(body.contains("Ved rådets første møde: Forretningsorden vedtaget"), "a time without a date is written as the content says")
        let timeline = try events(on: "tidslinje/index.html")
        #expect(timeline.contains("1. september 2025 Besluttet: Sammenlægningen af de to gamle udvalg vedtaget – Sundhedsrådet Organ"))
        #expect(timeline.contains("Ved rådets første møde Besluttet: Forretningsorden vedtaget – Sundhedsrådet Organ"))
        #expect(try page("data/model.json").contains("\"decisions\" : ["))
        // Unfolded (RFC 5545 folds lines at 75 octets with CRLF and a space).
        let calendar = try page("sundhedsraad/kalender.ics").replacingOccurrences(of: "\r\n ", with: "")
        #expect(calendar.contains("SUMMARY;LANGUAGE=da:Sundhedsrådet: Besluttet: Sammenlægningen af de to gamle udvalg vedtaget"))
    }

    @Test func ideaProjectIsACandidateInItsCalendar() throws {
        let calendar = try page("ny-klinik/kalender.ics")
        #expect(calendar.contains("SUMMARY;LANGUAGE=da:Ny klinik: Kan starte"))
        #expect(!calendar.contains("Ny klinik: Starter"))
    }

    @Test func ideaProjectIsACandidateOnTheHomePage() throws {
        let upcoming = try events(on: "index.html")
        #expect(upcoming.contains("1. juni 2026 Kan starte: Ny klinik Idé Projekt"))
        #expect(try page("index.html").contains("<span class=\"badge status-idea\">Idé</span>"))
    }

    @Test func ideaProjectCarriesItsStatusWhereBodiesAndUnitsListProjects() throws {
        for path in ["sundhedsraad/index.html", "sundhed/index.html", "projekter/index.html"] {
            let html = try page(path)
            let item = try #require(html.range(of: ">Ny klinik</a>"), "\(path)")
            #expect(html[item.upperBound...].prefix(200).contains("status-idea\">Idé</span>"), "\(path)")
        }
    }

    @Test func chartSentencesWriteSmallCountsAsWordsAndRoleTitlesInLowerCase() throws {
        let body = try page("sundhedsraad/index.html")
        #expect(body.contains("Formand er direktør for Sundhed. Organet har tre medlemmer."))
        #expect(try page("sundhed/index.html").contains("Leder: direktør for Sundhed."))
        #expect(try page("anne-jensen/index.html").contains(", som <a href=\"../direktoer/index.html\" title=\"Leder sundhedsområdet.\">direktør for Sundhed</a>"))
    }
}
