import Foundation
import Testing
@testable import CharterCore

/// Dates, times, weeks and numbers as the language writes them, from the translation files, and days that texts give
/// only as the latest shown so.
@Suite struct DateWordsTests {
    static func translation(_ language: String) -> Translation {
        var diagnostics = Diagnostics()
        var config = SiteConfig()
        config.language = language
        return TranslationLoader.load(config: config, templates: Fixtures.templates, content: "/nonexistent", into: &diagnostics)
    }

    @Test func danishWritesDatesTimesWeeksAndDecimalsItsOwnWay() {
        let da = Self.translation("da")
        #expect(da.date(Day(year: 2026, month: 3, day: 1)) == "1. marts 2026")
        #expect(da.time(hour: 14, minute: 30) == "kl. 14.30")
        #expect(da.time(hour: 9, minute: 5) == "kl. 9.05")
        #expect(da.week(Day(year: 2026, month: 3, day: 2)) == "uge 10")
        #expect(da.number(2.5, decimals: 1) == "2,5")
        #expect(da.number(-0.125, decimals: 2) == "-0,13")
        #expect(da.weekdays[Day(year: 2026, month: 3, day: 1).weekday - 1] == "søndag")
        #expect((da.months + da.weekdays).allSatisfy { $0 == $0.lowercased() }, "Danish month and weekday names are lower case")
    }

    @Test func englishWritesDayMonthYear() {
        let en = Self.translation("en")
        #expect(en.date(Day(year: 2026, month: 3, day: 1)) == "1 March 2026")
        #expect(en.time(hour: 9, minute: 5) == "09:05")
        #expect(en.week(Day(year: 2026, month: 3, day: 2)) == "week 10")
        #expect(en.number(2.5, decimals: 1) == "2.5")
    }

    @Test func isoWeeksBelongToTheYearOfTheirThursday() {
        #expect(Day(year: 2026, month: 1, day: 1).weekday == 4)
        #expect(Day(year: 2026, month: 1, day: 1).isoWeek == (2026, 1))
        #expect(Day(year: 2025, month: 12, day: 29).isoWeek == (2026, 1))
        #expect(Day(year: 2027, month: 1, day: 1).isoWeek == (2026, 53))
        #expect(Day(year: 2024, month: 12, day: 30).isoWeek == (2025, 1))
        #expect(Day(ordinal: Day(year: 2028, month: 2, day: 29).ordinal) == Day(year: 2028, month: 2, day: 29))
    }

    @Test func aTextsDayIsADeadlineOnlyWhenTheWordStandsBeforeIt() {
        let months = Self.translation("da").months.map { $0.lowercased() }
        let words = ["senest"]
        #expect(DateInText.givesDeadline("Senest 1. marts 2026, ved sammenlægningen", months: months, deadlineWords: words))
        #expect(DateInText.givesDeadline("senest pr. 1. marts 2026", months: months, deadlineWords: words))
        #expect(!DateInText.givesDeadline("I forbindelse med mødet 1. marts 2026", months: months, deadlineWords: words))
        #expect(!DateInText.givesDeadline("Ved dannelsen af Region Østdanmark", months: months, deadlineWords: words))
        #expect(DateInText.givesDeadline("No later than 1 march 2026", months: ["january", "february", "march"] + months.suffix(9),
                                       deadlineWords: ["by", "no later than"]))
    }

    @Test func aDayGivenOnlyAsTheLatestIsShownWithSenestOnItsPageTheSwitcherAndTheCalendar() throws {
        let folder = Fixtures.write([
            "content/site.yml": "title: Styring\nas_of: 2026-01-01\n" + Fixtures.kinds,
            "content/index.md": "---\ntype: page\ntitle: Forside\n---\nVelkommen.\n",
            "content/organer/raad.md": "---\ntype: body\ntitle: Rådet\nkind: råd\nestablished: 2026-01-01\nends: \"Senest 1. marts 2026, ved sammenlægningen\"\n---\nRådet.\n",
            "content/organer/nyt.md": "---\ntype: body\ntitle: Det nye råd\nkind: råd\nestablished: \"Ved dannelsen af regionen\"\n---\nNyt.\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Fixtures.build(folder.appendingPathComponent("content").path, output: folder.appendingPathComponent("site").path, dryRun: true)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.sorted)")
        func page(_ path: String) -> String { String(decoding: result.files.first { $0.path == path }?.data ?? Data(), as: UTF8.self) }
        let asOf = page("organisation/2026-03-01/index.html")
        #expect(asOf.contains("<title>Organisationen senest pr. 1. marts 2026 – Styring</title>"))
        #expect(asOf.contains("aria-current=\"page\"><time datetime=\"2026-03-01\">senest 1. marts 2026</time>"),
                "the switcher says 'senest', with the ISO date for machines")
        #expect(page("organisation/2026-01-01/index.html").contains("<title>Organisationen pr. 1. januar 2026 – Styring</title>"))
        let own = page("raad/index.html")
        #expect(own.contains("Senest 1. marts 2026, ved sammenlægningen"), "the text as written")
        #expect(page("nyt/index.html").contains("Ved dannelsen af regionen"))
        let timeline = page("tidslinje/index.html")
        #expect(timeline.contains("Senest 1. marts 2026, ved sammenlægningen"))
        #expect(timeline.contains("Ved dannelsen af regionen"))
        let feed = page("kalender.ics")
        #expect(feed.contains("DTSTART;VALUE=DATE:20260301"), "machine-readable dates stay ISO")
        #expect(feed.contains("SUMMARY;LANGUAGE=da:Rådet: Ophører (senest 1. marts 2026)"))
    }
}
