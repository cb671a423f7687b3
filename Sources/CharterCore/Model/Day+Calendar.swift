/// The day of the week and the ISO 8601 week number, for dates and weeks written as the language writes them.
extension Day {
    /// 1 for Monday … 7 for Sunday (ISO 8601).
    public var weekday: Int {
        // Days since 0001-01-01 (a Monday) in the proleptic Gregorian calendar.
        ((ordinal - 1) % 7 + 7) % 7 + 1
    }

    /// The ISO 8601 week: the week with the year's first Thursday is week 1; a week belongs to the year of its Thursday.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = ordinal - weekday + 4
        let year = Day(ordinal: thursday).year
        return (year, (thursday - Day(year: year, month: 1, day: 1).ordinal) / 7 + 1)
    }

    /// Days since 0001-01-01, which is day 1.
    var ordinal: Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += Day.daysIn(month: m, year: year) }
        return days + day
    }

    /// The day with `ordinal` (see `ordinal`).
    init(ordinal: Int) {
        var year = max(1, ordinal / 366)
        while Day(year: year + 1, month: 1, day: 1).ordinal <= ordinal { year += 1 }
        var rest = ordinal - Day(year: year, month: 1, day: 1).ordinal + 1
        var month = 1
        while rest > Day.daysIn(month: month, year: year) {
            rest -= Day.daysIn(month: month, year: year)
            month += 1
        }
        self.init(year: year, month: month, day: rest)
    }
}
