/// A point on the organisation's time line: a day, or after every dated change — where a described event that the
/// content gives no date for ("Ved dannelsen af Region Østdanmark") belongs.
public enum Moment: Sendable, Hashable, Comparable {
    case day(Day)
    /// After every date: the described events.
    case later

    public static func < (lhs: Moment, rhs: Moment) -> Bool {
        switch (lhs, rhs) {
        case (.day(let a), .day(let b)): a < b
        case (.day, .later): true
        case (.later, _): false
        }
    }

    /// The day, when it is one.
    public var day: Day? {
        if case .day(let day) = self { return day }
        return nil
    }
}

/// When something holds: from a moment (inclusive) until another (exclusive), either end open. Ends are written as an
/// ISO date or as text: a text that contains a date ("Senest 1. marts 2026") is placed at that date, any other text is
/// a described event, after every date.
public struct Period: Sendable, Hashable {
    public internal(set) var from: DateOrText?
    public internal(set) var until: DateOrText?
    /// Where the period is written (its `from`, else its `until`), for diagnostics.
    public internal(set) var location: SourceLocation?

    public init(from: DateOrText? = nil, until: DateOrText? = nil, location: SourceLocation? = nil) {
        self.from = from
        self.until = until
        self.location = location
    }

    /// Whether neither end is given.
    public var isOpen: Bool { from == nil && until == nil }

    /// Whether the period holds at `moment`, with the language's month names (lower case) for dates written in text.
    public func contains(_ moment: Moment, months: [String]) -> Bool {
        if let from, moment < from.moment(months: months) { return false }
        if let until, moment >= until.moment(months: months) { return false }
        return true
    }
}

extension DateOrText {
    /// Where the value stands on the time line: its date, the first date written in its text, or after every date.
    package func moment(months: [String]) -> Moment {
        switch self {
        case .date(let day): return .day(day)
        case .text(let text): return DateInText.firstDate(in: text, months: months).map(Moment.day) ?? .later
        }
    }

    /// The text of a described event (no date in it), if it is one.
    func describedEvent(months: [String]) -> String? {
        if case .text(let text) = self, DateInText.firstDate(in: text, months: months) == nil { return text }
        return nil
    }
}

/// A reference that holds for a period: a reporting line, a parent, a role's holder, written with `from`/`until`.
public struct DatedReference: Sendable, Hashable {
    public internal(set) var reference: Reference
    public internal(set) var period: Period

    public init(reference: Reference, period: Period) {
        self.reference = reference
        self.period = period
    }
}
