/// Every dated governance event in the model — bodies established and ending, their decisions, projects starting and due
/// in operation, terms of reference approved — in time order, for the timeline page and the home page's "what is next".
///
/// A date given as text ("Senest 1. marts 2026, ved sammenlægningen …") is placed at the Danish date it contains, else in
/// the year it names ("Årsskiftet 2026/2027" in 2026), else among the events without a fixed date.
struct Timeline {
    /// Whether the content has any event for the timeline (and so a timeline page), without collecting the events.
    static func hasEvents(in site: Site) -> Bool {
        site.entities.contains {
            $0.established != nil || $0.ends != nil || $0.start != nil || $0.inOperationBy != nil || $0.terms?.approved != nil
                || !$0.decisions.isEmpty
        }
    }

    /// When an event happens, as precisely as the content says.
    enum When: Hashable, Comparable {
        case day(Day)
        case year(Int)
        case undated

        /// Events of a year without a day come after the dated ones of that year; undated events last.
        var sortKey: (Int, Int, Int) {
            switch self {
            case .day(let day): (day.year, day.month, day.day)
            case .year(let year): (year, 13, 0)
            case .undated: (Int.max, 0, 0)
            }
        }

        var year: Int? {
            switch self {
            case .day(let day): day.year
            case .year(let year): year
            case .undated: nil
            }
        }

        static func < (lhs: When, rhs: When) -> Bool { lhs.sortKey < rhs.sortKey }
    }

    struct Event {
        var when: When
        /// The date as shown: the date in the site's language, or the content's own words.
        var label: String
        /// What happens, in the site's language ("Etableres").
        var what: String
        var entityID: String
        /// The ISO date for `<time datetime>`, when the content gives an exact date.
        var iso: String? {
            if case .day(let day) = when, !isApproximate { return day.description }
            return nil
        }
        /// True when the date was found inside a text ("Senest 1. marts 2026").
        var isApproximate = false
        /// What the event is about beyond its entity: the decision taken, for a body's decision.
        var detail: String? = nil
        /// True when the event belongs to a candidate (a project that is only an idea): possible, not decided.
        var isCandidate = false
    }

    var events: [Event]

    init(site: Site) {
        var events: [Event] = []
        let t = site.translation
        let months = t.months.map { $0.lowercased() }
        func add(_ value: DateOrText?, _ what: Phrase, _ entity: Entity, candidate: Bool = false, detail: String? = nil) {
            guard let value else { return }
            var event: Event
            switch value {
            case .date(let day):
                event = Event(when: .day(day), label: site.date(day), what: t[what], entityID: entity.id)
            case .text(let text):
                event = Event(when: Self.when(inText: text, months: months), label: text, what: t[what], entityID: entity.id,
                              isApproximate: true)
            }
            event.isCandidate = candidate
            event.detail = detail
            events.append(event)
        }
        for entity in site.entities {
            switch entity.type {
            case .body:
                add(entity.established, .eventEstablished, entity)
                if let approved = entity.terms?.approved { add(.date(approved), .eventTermsApproved, entity) }
                for decision in entity.decisions { add(decision.date, .eventDecision, entity, detail: decision.title) }
                add(entity.ends, .eventEnds, entity)
            case .project:
                // An idea's dates are what it would take, not what is decided: said so, and marked as a candidate.
                let candidate = entity.isCandidate
                add(entity.start, candidate ? .eventStartCandidate : .eventStart, entity, candidate: candidate)
                add(entity.inOperationBy, candidate ? .eventInOperationCandidate : .eventInOperation, entity, candidate: candidate)
            default: break
            }
        }
        // Stable: equal times keep site order (type, then title), and an entity's events keep their own order.
        self.events = events.enumerated().sorted { ($0.element.when, $0.offset) < ($1.element.when, $1.offset) }.map(\.element)
    }

    /// The events from `day` on (events of `day`'s year without a day count as coming), at most `limit`.
    func upcoming(from day: Day, limit: Int) -> [Event] {
        Array(events.filter { event in
            switch event.when {
            case .day(let date): date >= day
            case .year(let year): year >= day.year
            case .undated: false
            }
        }.prefix(limit))
    }

    /// Where a date written as text belongs: at the first date in it written with one of `months` (lower case), else its
    /// first year, else undated.
    static func when(inText text: String, months: [String]) -> When {
        if let day = DateInText.firstDate(in: text, months: months) { return .day(day) }
        if let year = DateInText.firstYear(in: text) { return .year(year) }
        return .undated
    }

    /// Whether `text` gives its first date as the latest day (`DateInText.givesDeadline`), for the calendar.
    static func givesDeadline(_ text: String, months: [String], deadlineWords: [String]) -> Bool {
        DateInText.givesDeadline(text, months: months, deadlineWords: deadlineWords)
    }
}
