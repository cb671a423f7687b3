/// One all-day event of a calendar feed.
struct CalendarEvent: Sendable, Hashable {
    /// Stable across builds: the same event gets the same UID (e.g. "integrationsforum-established-2026-01-01@charter").
    var uid: String
    var day: Day
    var summary: String
    var description: String? = nil
    /// An absolute or relative URL of the page the event belongs to.
    var url: String? = nil
    /// An RFC 5545 recurrence rule without the "RRULE:" prefix, e.g. "FREQ=MONTHLY;INTERVAL=3".
    var recurrence: String? = nil
}

/// Writes calendar feeds (`.ics`) as RFC 5545 iCalendar text, with the calendar name properties of RFC 7986.
enum ICalendar {
    /// A VCALENDAR with one VEVENT per event, in the given order.
    ///
    /// - Parameters:
    ///   - name: the calendar's name (X-WR-CALNAME and NAME).
    ///   - language: a BCP 47 tag for the LANGUAGE parameter of SUMMARY and DESCRIPTION (e.g. "da").
    ///   - stamp: the DTSTAMP of every event, written as that day at 00:00:00Z, so that the same content gives
    ///     byte-identical output on every build of the same day.
    ///   - events: the all-day events.
    ///
    /// ```swift
    /// let ics = ICalendar.write(name: "Møder", language: "da", stamp: Day(year: 2026, month: 12, day: 4),
    ///                           events: [CalendarEvent(uid: "board-2026-01-01@charter", day: Day(year: 2026, month: 1, day: 1),
    ///                                                  summary: "Bestyrelsesmøde")])
    /// ```
    static func write(name: String, language: String, stamp: Day, events: [CalendarEvent]) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Charter//Charter//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + text(name),
            "NAME:" + text(name),
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + text(event.uid),
                "DTSTAMP:" + date(stamp) + "T000000Z",
                "DTSTART;VALUE=DATE:" + date(event.day),
                // DTEND is exclusive: an all-day event ends at the start of the next day.
                "DTEND;VALUE=DATE:" + date(nextDay(after: event.day)),
                "SUMMARY;LANGUAGE=\(language):" + text(event.summary),
            ]
            if let description = event.description { lines.append("DESCRIPTION;LANGUAGE=\(language):" + text(description)) }
            if let url = event.url { lines.append("URL:" + url) }
            if let recurrence = event.recurrence { lines.append("RRULE:" + recurrence) }
            lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped; other control characters,
    /// which TEXT cannot hold, dropped.
    static func text(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n", "\r": escaped += "\\n"
            case "\t": escaped.append(character)
            case _ where character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }): continue
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// One content line folded (RFC 5545 §3.1) so that no physical line passes 75 octets, ended by CRLF.
    static func fold(_ line: String) -> String {
        var rest = Array(line.utf8)[...]
        var pieces: [String] = []
        var limit = 75
        while rest.count > limit {
            var cut = rest.startIndex + limit
            // Step back over UTF-8 continuation bytes so that no character is split between two lines.
            while rest[cut] & 0xC0 == 0x80 { cut -= 1 }
            pieces.append(String(decoding: rest[..<cut], as: UTF8.self))
            rest = rest[cut...]
            limit = 74  // a continuation line starts with one space
        }
        pieces.append(String(decoding: rest, as: UTF8.self))
        return pieces.joined(separator: "\r\n ") + "\r\n"
    }

    /// A DATE value: `20260101`.
    private static func date(_ day: Day) -> String {
        day.description.filter { $0 != "-" }
    }

    private static func nextDay(after day: Day) -> Day {
        if day.day < Day.daysIn(month: day.month, year: day.year) {
            return Day(year: day.year, month: day.month, day: day.day + 1)
        }
        if day.month < 12 { return Day(year: day.year, month: day.month + 1, day: 1) }
        return Day(year: day.year + 1, month: 1, day: 1)
    }
}
