/// A calendar date without time, written `2026-01-01` in files and in the site's language on pages (`Translation.date`).
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public internal(set) var year: Int
    public internal(set) var month: Int
    public internal(set) var day: Int

    /// Parses an ISO date (`YYYY-MM-DD`), checking that the day exists.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date from its parts (not checked).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        pad(year, to: 4) + "-" + pad(month, to: 2) + "-" + pad(day, to: 2)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

private func pad(_ value: Int, to width: Int) -> String {
    let digits = "\(value)"
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// A point in time as governance documents give it: a date, or a described event ("Ved dannelsen af Region Østdanmark").
public enum DateOrText: Sendable, Hashable {
    case date(Day)
    case text(String)

    /// Reads an ISO date if the text is one, else keeps the text.
    public init(_ text: String) {
        if let day = Day(iso: text) { self = .date(day) } else { self = .text(text) }
    }

    /// The date, if it is one.
    public var day: Day? {
        if case .date(let day) = self { return day }
        return nil
    }
}
