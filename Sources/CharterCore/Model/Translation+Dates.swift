/// The model's days in the words of the site's language: the formats are the translation's (`date_format`,
/// `week_format`), the days are the model's, so these live with the model.
extension Translation {
    /// A date the way the language writes it (`date_format`): "1. marts 2026", "1 March 2026"; `{weekday}` is the
    /// day's name ("søndag 1. marts 2026" with `"{weekday} {day}. {month} {year}"`).
    func date(_ day: Day) -> String {
        Self.fill(text(Phrase.dateFormat.rawValue), ["day": String(day.day), "month": months[day.month - 1], "year": String(day.year),
                                                      "weekday": weekdays[day.weekday - 1]])
    }

    /// The ISO week of `day` the way the language writes it (`week_format`): "uge 10", "week 10".
    func week(_ day: Day) -> String {
        let week = day.isoWeek
        return Self.fill(text(Phrase.weekFormat.rawValue), ["week": String(week.week), "year": String(week.year)])
    }

    /// A date or a described point in time, as shown on a page.
    func display(_ value: DateOrText) -> String {
        switch value {
        case .date(let day): date(day)
        case .text(let text): text
        }
    }
}
