import Foundation
import Testing
@testable import CharterCore

/// The default content through time: a page for each date the sources give (the model's approval on 21 November 2025,
/// the Integrationsforum from 1 January 2026, the SFR councils merged by 1 March 2026) and one for the described events
/// (the formation of Region Østdanmark, the steering group's dissolution); the steering group dissolved and replaced on
/// that last page and only there.
@Suite(.serialized)
struct DefaultContentTimeTests {
    static let output = Fixtures.temporaryFolder().appendingPathComponent("site")
    static let result = Fixtures.build(Fixtures.repository.appendingPathComponent("content").path, output: output.path)

    /// The text of a page of the built site; the first call builds it, so that any test of the suite runs alone.
    func page(_ path: String) throws -> String {
        _ = Self.result
        return try String(contentsOf: Self.output.appendingPathComponent(path), encoding: .utf8)
    }

    static let steeringGroup = "Styregruppen for reformdelprogram 4 (Organ, Styregruppe"

    @Test func theSourcesDatesAndTheDescribedEventsEachHaveAPage() throws {
        #expect(!Self.result.diagnostics.hasErrors, "\(Self.result.diagnostics.sorted)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.output.appendingPathComponent("organisation").path).sorted()
        #expect(folders == ["2025-11-21", "2026-01-01", "2026-03-01", "index.html", "senere"])
        #expect(try page("organisation/2026-01-01/index.html").contains("Integrationsforum for psykiatri og somatik</a> begynder"))
        let later = try page("organisation/senere/index.html")
        #expect(later.contains("Uden dato i kilderne: Ved dannelsen af Region Østdanmark; I forlængelse af, at opgaverne overgår til Driftsmødet for sygehusområdet."))
        #expect(later.contains("Region Østdanmark</a> begynder"))
        #expect(later.contains("Integrationsforum for psykiatri og somatik</a> ophører"))
    }

    @Test func theSteeringGroupIsDissolvedAndReplacedOnTheLaterPageOnly() throws {
        for date in ["2025-11-21", "2026-01-01", "2026-03-01"] {
            let html = try page("organisation/\(date)/index.html")
            #expect(html.contains("aria-label=\"\(Self.steeringGroup))\""), "\(date)")
            #expect(!html.contains("afløses af <a href=\"../../driftsmoedet-for-sygehusomraadet/index.html\""), "\(date)")
        }
        let later = try page("organisation/senere/index.html")
        #expect(later.contains("aria-label=\"\(Self.steeringGroup), Nedlagt)\""))
        #expect(later.contains("Styregruppen for reformdelprogram 4</a> afløses af <a href=\"../../driftsmoedet-for-sygehusomraadet/index.html\""))
        // Now (the test builds on 1 March 2026), its end has not come: the pages show it as the sources do, to be dissolved.
        #expect(try page("organisation/index.html").contains("aria-label=\"\(Self.steeringGroup))\""))
        let own = try page("styregruppe-reformdelprogram-4/index.html")
        #expect(own.contains("I forlængelse af, at opgaverne overgår til Driftsmødet for sygehusområdet: Ophører"))
    }

    @Test func theCalendarHasTheSourcesDatesOnly() throws {
        let feed = try page("kalender.ics")
        // The approval of the leadership model, Integrationsforum's start and the merger of the SFR by 1 March 2026.
        #expect(ChartPage.matches(of: #"DTSTART;VALUE=DATE:(\d+)\r\n"#, in: feed) == ["20251121", "20260101", "20260301", "20260301", "20260301"])
        let unfolded = feed.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("Styregruppen for reformdelprogram 4: Besluttet: Ledelsesmodellen"))
        #expect(!unfolded.contains("Styregruppen for reformdelprogram 4: Ophører"), "the steering group's dissolution has no date")
    }
}
