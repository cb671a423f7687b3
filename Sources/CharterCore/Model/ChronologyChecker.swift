/// Checks the dated facts: every period ends after it begins, a role has one dated holder at a time, an entity has one
/// dated reporting line or parent at a time, a member sits only within the body's lifetime, and a successor is of the
/// same type as what it replaces. Runs once the site's language is known (dates may be written in its words).
enum ChronologyChecker {
    static func check(_ site: Site, into diagnostics: inout Diagnostics) {
        let months = site.translation.months.map { $0.lowercased() }
        func moment(_ value: DateOrText?) -> Moment? { value?.moment(months: months) }
        /// Whether a period is written backwards (described events on both ends cannot be ordered, so they pass).
        func backwards(_ from: DateOrText?, _ until: DateOrText?) -> (Moment, Moment)? {
            guard let start = moment(from), let end = moment(until), end <= start, !(start == .later && end == .later) else { return nil }
            return (start, end)
        }
        func words(_ value: DateOrText?) -> String {
            switch value {
            case .date(let day)?: day.description
            case .text(let text)?: "'\(text)'"
            case nil: "-"
            }
        }
        for entity in site.entities {
            if backwards(entity.established, entity.ends) != nil {
                diagnostics.error("'ends' (\(words(entity.ends))) must come after 'established' (\(words(entity.established)))",
                                  at: entity.location)
            }
            for member in entity.memberHistory {
                if backwards(member.period.from, member.period.until) != nil {
                    diagnostics.error("a member's 'until' (\(words(member.period.until))) must come after its 'from' (\(words(member.period.from)))",
                                      at: member.period.location ?? member.reference.location)
                }
                if let from = moment(member.period.from), let established = moment(entity.established), from < established {
                    diagnostics.error("'\(member.reference.id)' is a member from \(words(member.period.from)), before the body is established (\(words(entity.established)))",
                                      at: member.period.location ?? member.reference.location)
                }
                if let until = moment(member.period.until), let ends = moment(entity.ends), until > ends {
                    diagnostics.error("'\(member.reference.id)' is a member until \(words(member.period.until)), after the body ends (\(words(entity.ends)))",
                                      at: member.period.location ?? member.reference.location)
                }
            }
            for field in entity.dated.keys.sorted() {
                let values = entity.dated[field]!
                for value in values where backwards(value.period.from, value.period.until) != nil {
                    diagnostics.error("'until' (\(words(value.period.until))) must come after 'from' (\(words(value.period.from))) in '\(field)'",
                                      at: value.period.location ?? value.reference.location)
                }
                // Dated values of one field must not overlap: one holder, one line, one parent at a time.
                let datedValues = values.filter { !$0.period.isOpen }
                for (index, later) in datedValues.enumerated() {
                    for earlier in datedValues[..<index] where earlier.reference.id != later.reference.id && overlap(earlier.period, later.period, months) {
                        let what = field == "held_by" ? "hold the role" : "are its '\(field)'"
                        diagnostics.error("'\(earlier.reference.id)' and '\(later.reference.id)' \(what) at the same time; give one an 'until' on or before the other's 'from'",
                                          at: later.period.location ?? later.reference.location)
                    }
                }
            }
            for (index, phase) in entity.phases.enumerated() {
                if backwards(phase.period.from, phase.period.until) != nil {
                    diagnostics.error("a phase's 'until' (\(words(phase.period.until))) must come after its 'from' (\(words(phase.period.from)))",
                                      at: phase.period.location ?? entity.location)
                }
                for earlier in entity.phases[..<index] where overlap(earlier.period, phase.period, months) {
                    diagnostics.error("the phases '\(earlier.status)' and '\(phase.status)' overlap; give one an 'until' on or before the other's 'from'",
                                      at: phase.period.location ?? entity.location)
                }
            }
            for reference in [entity.replacedBy].compactMap({ $0 }) + entity.replaces {
                if let other = site[reference.id], other.type != entity.type, [.body, .unit].contains(other.type) {
                    diagnostics.error("a \(entity.type.rawValue) is replaced by a \(entity.type.rawValue), not by '\(reference.id)', a \(other.type.rawValue)",
                                      at: reference.location)
                }
            }
        }
    }

    /// Whether two periods share a moment (open ends reach as far as they go).
    static func overlap(_ a: Period, _ b: Period, _ months: [String]) -> Bool {
        func starts(_ p: Period) -> Moment? { p.from?.moment(months: months) }
        func ends(_ p: Period) -> Moment? { p.until?.moment(months: months) }
        let aBeforeB = ends(a).map { end in starts(b).map { end <= $0 } ?? false } ?? false
        let bBeforeA = ends(b).map { end in starts(a).map { end <= $0 } ?? false } ?? false
        return !aBeforeB && !bBeforeA
    }
}
