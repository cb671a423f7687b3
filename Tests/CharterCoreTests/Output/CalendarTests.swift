import Testing
@testable import CharterCore

struct CalendarTests {
    private let stamp = Day(year: 2026, month: 12, day: 4)

    private func event(_ day: Day = Day(year: 2026, month: 1, day: 1), summary: String = "Integrationsforum oprettes",
                       description: String? = nil, url: String? = nil, recurrence: String? = nil) -> CalendarEvent {
        CalendarEvent(uid: "integrationsforum-established-\(day)@charter", day: day, summary: summary,
                      description: description, url: url, recurrence: recurrence)
    }

    private func write(_ events: [CalendarEvent]) -> String {
        ICalendar.write(name: "Region Østdanmark", language: "da", stamp: stamp, events: events)
    }

    /// The physical lines as bytes, split at CRLF, without the empty piece after the last CRLF.
    private func physicalLines(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                lines.append([])
                index += 2
            } else {
                lines[lines.count - 1].append(bytes[index])
                index += 1
            }
        }
        if lines.last == [] { lines.removeLast() }
        return lines
    }

    /// The content lines: folds undone, split at CRLF.
    private func contentLines(_ text: String) -> [String] {
        text.replacing("\r\n ", with: "").split(separator: "\r\n").map(String.init)
    }

    @Test func wholeCalendarIsWrittenAsRFC5545() {
        let output = write([event(description: "Første møde", url: "https://example.dk/integrationsforum/")])
        #expect(output == [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Charter//Charter//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Region Østdanmark",
            "NAME:Region Østdanmark",
            "BEGIN:VEVENT",
            "UID:integrationsforum-established-2026-01-01@charter",
            "DTSTAMP:20261204T000000Z",
            "DTSTART;VALUE=DATE:20260101",
            "DTEND;VALUE=DATE:20260102",
            "SUMMARY;LANGUAGE=da:Integrationsforum oprettes",
            "DESCRIPTION;LANGUAGE=da:Første møde",
            "URL:https://example.dk/integrationsforum/",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "END:VCALENDAR",
        ].map { $0 + "\r\n" }.joined())
    }

    @Test func longDanishSummaryIsFoldedAt75OctetsWithoutSplittingACharacter() {
        // Two runs of two-byte letters an odd number of bytes apart: folds 74 octets apart cannot all fall between letters.
        let letters = String(repeating: "æøå", count: 30)
        let summary = String(repeating: "Første årsmøde i udvalget for ældre- og sundhedsområdet på Ærø, Fanø og Læsø ", count: 3)
            + letters + "." + letters
        let output = write([event(summary: summary)])
        let lines = physicalLines(output)

        #expect(lines.count(where: { $0.first == 0x20 }) >= 6, "the summary is folded onto several lines")
        #expect(lines.contains { $0.count == 74 }, "a fold stepped back from 75 octets so as not to split æ, ø or å")
        for line in lines {
            #expect(line.count <= 75, "\(String(decoding: line, as: UTF8.self))")
            // A line that starts or ends inside a multi-byte character does not survive decoding unchanged.
            #expect(Array(String(decoding: line, as: UTF8.self).utf8) == line)
        }
        #expect(contentLines(output).contains("SUMMARY;LANGUAGE=da:" + ICalendar.text(summary)))
        #expect(ICalendar.text(summary) == summary.replacing(",", with: "\\,"))
    }

    @Test func foldStepsBackToTheStartOfACharacter() {
        // 74 ASCII bytes then "ø" (2 bytes): a cut at 75 octets would fall inside "ø".
        let line = String(repeating: "a", count: 74) + "øb"
        #expect(ICalendar.fold(line) == String(repeating: "a", count: 74) + "\r\n øb\r\n")
    }

    @Test func textIsEscapedInSummaryAndDescriptionButTheURLIsNot() {
        let text = #"C:\mapper; æbler, pærer"# + "\nnæste linje"
        let escaped = #"C:\\mapper\; æbler\, pærer\nnæste linje"#
        let url = "https://example.dk/søg?a=1,2;b=3"
        let lines = contentLines(write([event(summary: text, description: text, url: url)]))

        #expect(lines.contains("SUMMARY;LANGUAGE=da:" + escaped))
        #expect(lines.contains("DESCRIPTION;LANGUAGE=da:" + escaped))
        #expect(lines.contains("URL:" + url))
    }

    @Test(arguments: [
        (Day(year: 2026, month: 1, day: 31), "20260201"),
        (Day(year: 2026, month: 2, day: 28), "20260301"),
        (Day(year: 2028, month: 2, day: 28), "20280229"),
        (Day(year: 2028, month: 2, day: 29), "20280301"),
        (Day(year: 2026, month: 12, day: 31), "20270101"),
    ])
    func allDayEventEndsOnTheNextDay(day: Day, end: String) {
        let lines = contentLines(write([event(day)]))
        #expect(lines.contains("DTSTART;VALUE=DATE:" + day.description.replacing("-", with: "")))
        #expect(lines.contains("DTEND;VALUE=DATE:" + end))
    }

    @Test func everyLineEndsInCRLFAndThereIsNoBareLineFeed() {
        let output = write([event(summary: "To\nlinjer\r\nog\rtre", description: String(repeating: "ø", count: 100))])
        let bytes = Array(output.utf8)
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at byte \(index)") }
            if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "bare CR at byte \(index)") }
        }
    }

    @Test func sameInputGivesByteIdenticalOutput() {
        let events = [
            event(summary: "Bestyrelsesmøde", recurrence: "FREQ=MONTHLY;INTERVAL=3"),
            event(Day(year: 2026, month: 3, day: 1), summary: String(repeating: "Årsmøde ", count: 20), url: "/aarsmoede/"),
        ]
        #expect(Array(write(events).utf8) == Array(write(events).utf8))
        #expect(write(events) != write(events.reversed()), "events keep the given order")
    }

    @Test func emptyEventListStillGivesAValidCalendarWithNoEvent() {
        let output = write([])
        #expect(output.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(output.hasSuffix("NAME:Region Østdanmark\r\nEND:VCALENDAR\r\n"))
        #expect(!output.contains("VEVENT"))
    }

    @Test func recurrenceIsWrittenOnlyWhenGiven() {
        let once = contentLines(write([event()]))
        let quarterly = contentLines(write([event(recurrence: "FREQ=MONTHLY;INTERVAL=3")]))
        #expect(!once.contains { $0.hasPrefix("RRULE") })
        #expect(quarterly.filter { $0.hasPrefix("RRULE") } == ["RRULE:FREQ=MONTHLY;INTERVAL=3"])
    }
}
