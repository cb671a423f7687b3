/// The organisation through time: the moments at which the model changes, the organisation as it stands at each
/// (`snapshot(at:)`), and what changes at each (`changes(at:)`).
///
/// Dated facts move the organisation: a body's or unit's `established` and `ends`, the `from`/`until` of a member, a
/// reporting line, a parent and a role's holder. An entity's `status` says how the content describes it; where its own
/// dates say otherwise for a moment (not yet established, already ended), the dates win for that moment. A described
/// event without a date ("Ved dannelsen af Region Østdanmark") comes after every date: all of them are one moment,
/// `Moment.later`.
struct Chronology: Sendable {
    let site: Site
    /// The month names of the site's language, lower case, for dates written in text.
    let months: [String]
    /// Every moment at which something changes, in order; the site's `as_of` day is always one.
    let moments: [Moment]
    /// The described events (texts without a date) that make up `Moment.later`, in site order, without repeats.
    let laterEvents: [String]
    /// How the content gives each day: a day only texts give is a deadline ("Senest 1. marts 2026") or approximate,
    /// and is shown so; a day an ISO date or `as_of` gives is exact.
    let readings: [Moment: Reading]

    /// How certain a day of the model is.
    enum Reading: Sendable, Hashable {
        case exact, deadline, approximate
    }

    init(site: Site) {
        self.site = site
        let months = site.translation.months.map { $0.lowercased() }
        self.months = months
        var points = Set<Moment>()
        var described: [String] = []
        var readings: [Moment: Reading] = [:]
        let deadlineWords = site.translation.deadlineWords
        func add(_ value: DateOrText?) {
            guard let value else { return }
            let moment = value.moment(months: months)
            points.insert(moment)
            if let text = value.describedEvent(months: months), !described.contains(text) { described.append(text) }
            switch value {
            case .date: readings[moment] = .exact
            case .text(let text) where moment != .later:
                let reading: Reading = DateInText.givesDeadline(text, months: months, deadlineWords: deadlineWords) ? .deadline : .approximate
                if readings[moment] == nil { readings[moment] = reading } else if readings[moment] != reading, readings[moment] != .exact {
                    readings[moment] = .approximate
                }
            case .text: break
            }
        }
        for entity in site.entities where entity.type == .body || entity.type == .unit || entity.type == .role || entity.type == .project {
            for phase in entity.phases {
                add(phase.period.from)
                add(phase.period.until)
            }
            add(entity.established)
            add(entity.ends)
            for member in entity.memberHistory {
                add(member.period.from)
                add(member.period.until)
            }
            for values in entity.dated.values {
                for value in values {
                    add(value.period.from)
                    add(value.period.until)
                }
            }
        }
        if let asOf = site.config.asOf {
            points.insert(.day(asOf))
            readings[.day(asOf)] = .exact
        }
        moments = points.sorted()
        laterEvents = described
        self.readings = readings
    }

    /// Whether the site has any moment besides the content's own view (a date or a described event).
    var isDated: Bool { !moments.isEmpty }

    /// Where `entity` is in its life at `moment`: before its `established` (planned), at or after its `ends`
    /// (dissolved), or in between (active, when its status says planned or dissolved but its dates say it exists).
    func status(of entity: Entity, at moment: Moment) -> String? {
        if !entity.phases.isEmpty {
            return entity.phases.last { $0.period.contains(moment, months: months) }?.status ?? entity.status
        }
        let dated = entity.established != nil || entity.ends != nil
        if let established = entity.established, moment < established.moment(months: months) { return "planned" }
        if let ends = entity.ends, moment >= ends.moment(months: months) { return "dissolved" }
        if dated, entity.status == nil || entity.status == "planned" || entity.status == "dissolved" { return "active" }
        return entity.status
    }

    /// The organisation as it stands at `moment`: every entity with its status at that moment, and the reporting lines,
    /// parents, holders and members that hold then; the relations derived again.
    func snapshot(at moment: Moment) -> Site {
        var snapshot = site
        snapshot.entities = site.entities.map { entity in
            var entity = entity
            // Entities are shared until changed: only what differs at the moment is set (and copied).
            let status = status(of: entity, at: moment)
            if entity.type == .project {
                if status != entity.status { entity.status = status }
                return entity
            }
            guard entity.type == .body || entity.type == .unit || entity.type == .role else { return entity }
            if status != entity.status { entity.status = status }
            for (field, values) in entity.dated {
                guard let current = EntityFields.field(field)?.current else { continue }
                entity[dynamicMember: current] = values.last { $0.period.contains(moment, months: months) }?.reference
            }
            if entity.memberHistory.contains(where: { !$0.period.isOpen }) {
                entity.members = entity.memberHistory.filter { $0.period.contains(moment, months: months) }
            }
            return entity
        }
        snapshot.relations = Relations(of: snapshot)
        return snapshot
    }

    /// The moment before `moment` in `moments` (for the first, the day before it).
    func moment(before moment: Moment) -> Moment? {
        if let index = moments.firstIndex(of: moment), index > 0 { return moments[index - 1] }
        if case .day(let day) = moment { return .day(day.previous) }
        return moments.last { $0 < moment }
    }

    /// The moment whose organisation holds on `day`: the last one on or before it, if any.
    func moment(on day: Day) -> Moment? {
        moments.last { $0 <= .day(day) }
    }

    /// What changes at `moment` compared with the moment before it, in site order of the entities.
    func changes(at moment: Moment) -> [Change] {
        guard let earlier = self.moment(before: moment) else { return [] }
        return changes(from: snapshot(at: earlier), to: snapshot(at: moment))
    }

    /// What changes between two snapshots of the site (`snapshot(at:)`), in site order of the entities.
    func changes(from before: Site, to after: Site) -> [Change] {
        var changes: [Change] = []
        for (old, new) in zip(before.entities, after.entities) where new.type == .body || new.type == .unit || new.type == .role || new.type == .project {
            let id = new.id
            if new.type == .project {
                if old.status != new.status, let status = new.status { changes.append(Change(entity: id, kind: .phase, other: status)) }
                continue
            }
            if old.status != new.status {
                switch new.status {
                case _ where old.status == "planned": changes.append(Change(entity: id, kind: .begins))
                case "dissolved":
                    if let successor = after.successor(of: new) { changes.append(Change(entity: id, kind: .replaced, other: successor)) }
                    else { changes.append(Change(entity: id, kind: .ends)) }
                default: break
                }
            }
            // A closure, not a key path: a key path through `Entity`'s dynamic member lookup is made anew each time.
            let line: (Entity) -> Reference? = new.type == .unit ? { $0.parent } : { $0.reportsTo }
            if line(old)?.id != line(new)?.id {
                changes.append(Change(entity: id, kind: .moves, other: line(new)?.id, previous: line(old)?.id))
            }
            if old.heldBy?.id != new.heldBy?.id {
                changes.append(Change(entity: id, kind: .holder, other: new.heldBy?.id, previous: old.heldBy?.id))
            }
            let oldMembers = old.members.map(\.reference.id), newMembers = new.members.map(\.reference.id)
            for joined in newMembers where !oldMembers.contains(joined) { changes.append(Change(entity: id, kind: .joins, other: joined)) }
            for left in oldMembers where !newMembers.contains(left) { changes.append(Change(entity: id, kind: .leaves, other: left)) }
        }
        return changes
    }

    /// One change at a moment.
    struct Change: Sendable, Hashable {
        package enum Kind: String, Sendable, Hashable {
            /// The entity comes into being.
            case begins
            /// The entity ends without a successor.
            case ends
            /// The entity ends and `other` takes over.
            case replaced
            /// The entity reports to (or lies under) `other` instead of `previous`.
            case moves
            /// The role is held by `other` instead of `previous`.
            case holder
            /// `other` becomes a member of the body.
            case joins
            /// `other` leaves the body.
            case leaves
            /// The project enters the phase (status) `other`.
            case phase
        }

        var entity: String
        var kind: Kind
        var other: String? = nil
        var previous: String? = nil
    }
}

extension Site {
    /// The site as it stands on `day` (`Chronology.snapshot(at:)`): itself when the content dates nothing.
    func asOf(_ day: Day) -> Site {
        // A site already made as of `day` is returned as it is: the site and print renderers both ask for it.
        if snapshotDay == day { return self }
        let chronology = Chronology(site: self)
        var snapshot = chronology.isDated ? chronology.snapshot(at: .day(day)) : self
        snapshot.snapshotDay = day
        return snapshot
    }
}

extension Day {
    /// The day before.
    public var previous: Day {
        if day > 1 { return Day(year: year, month: month, day: day - 1) }
        if month > 1 { return Day(year: year, month: month - 1, day: Day.daysIn(month: month - 1, year: year)) }
        return Day(year: year - 1, month: 12, day: 31)
    }
}
