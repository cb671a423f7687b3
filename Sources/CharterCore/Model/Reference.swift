/// A reference by id from one entity to another, remembered with where it was written.
public struct Reference: Sendable, Hashable {
    /// The id referred to.
    public internal(set) var id: String
    /// Where the reference stands in the source.
    public internal(set) var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

/// One member of a body: a reference, an optional label for the seat ("as: Mødeleder"), and when the seat is held
/// (`from`, `until`; open when not given).
public struct Member: Sendable, Hashable {
    public internal(set) var reference: Reference
    public internal(set) var label: String?
    public internal(set) var period = Period()

    public init(reference: Reference, label: String? = nil, period: Period = Period()) {
        self.reference = reference
        self.label = label
        self.period = period
    }
}

/// A phase of a project: its status for a period (`phases: [{status: idea, until: …}, {status: running, from: …}]`).
public struct Phase: Sendable, Hashable {
    public internal(set) var status: String
    public internal(set) var period: Period
}

/// An item a body puts on its agenda again and again: what, how often in the content's words ("fx en gang i
/// kvartalet"), and, for the calendar, how often as a rule (`every`: week, month, quarter, year) from a first date.
public struct AgendaItem: Sendable, Hashable {
    public internal(set) var title: String
    public internal(set) var cadence: String?
    public internal(set) var every: String?
    public internal(set) var from: Day?
    public internal(set) var location: SourceLocation

    /// The values `every` allows, with the iCalendar rule of each.
    public static let rules: [String: String] = ["week": "FREQ=WEEKLY", "month": "FREQ=MONTHLY", "quarter": "FREQ=MONTHLY;INTERVAL=3",
                                                 "year": "FREQ=YEARLY"]
}

/// A decision a body took, for its page and the timeline (`decisions:` of a body): what was decided, and when — a date,
/// or the content's own words for a time it does not pin down.
public struct Decision: Sendable, Hashable {
    /// What was decided, as one line ("Ledelsesmodellen godkendt").
    public internal(set) var title: String
    /// When it was decided.
    public internal(set) var date: DateOrText
    /// Where the decision stands in its file.
    public internal(set) var location: SourceLocation
}

/// Markdown written inside front matter (a purpose, a task, a goal), kept with its position for link diagnostics and
/// parsed once, when it is read: the model checks its links and the page renders it.
public struct MarkdownText: Sendable, Hashable {
    public let text: String
    public internal(set) var location: SourceLocation
    /// `text` parsed.
    let document: MarkdownNode

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
        self.document = CommonMark.parse(text)
    }
}
