import Foundation

/// The calendar feeds (RFC 5545): the whole site's (`kalender.ics`) and one per body and project with dated events
/// (`<id>/kalender.ics`), linked from their pages. Every event is an all-day event on a date the content gives:
/// established, ends, terms approved, a decision, a project's start (an idea's as a possible start) and operation date, a member joining or leaving, a reporting
/// line, parent or holder from its `from`, an agenda item from its first date on. Dates written in text count where the text names a day ("Senest 1. marts 2026"); years and
/// described events do not. UIDs are made of the entity, the kind of event and the date, so they stay the same from
/// build to build.
extension SiteRenderer {
    /// The dated events of `entity` for a calendar, with links relative to `path` (absolute under an http base URL).
    func calendarEvents(of entity: Entity, from path: String) -> [CalendarEvent] {
        let t = site.translation
        let months = t.months.map { $0.lowercased() }
        let url = calendarURL(of: entity.id, from: path)
        let host = calendarHost
        var events: [CalendarEvent] = []
        func add(_ value: DateOrText?, _ kind: String, _ what: String) {
            guard let day = value?.moment(months: months).day else { return }
            var description = entity.summary
            var summary = "\(entity.title): \(what)"
            if case .text(let text)? = value {
                description = [text, entity.summary].compactMap { $0 }.joined(separator: "\n\n")
                // An all-day event on a day the text gives only as the latest says so, as the pages do.
                if Timeline.givesDeadline(text, months: months, deadlineWords: t.deadlineWords) {
                    summary += " (\(t.format(.dateDeadline, ["date": site.date(day)])))"
                }
            }
            events.append(CalendarEvent(uid: "\(entity.id)-\(kind)-\(day)@\(host)", day: day, summary: summary,
                                        description: description, url: url))
        }
        add(entity.established, "established", t[.eventEstablished])
        if let approved = entity.terms?.approved { add(.date(approved), "terms-approved", t[.eventTermsApproved]) }
        for (index, decision) in entity.decisions.enumerated() {
            add(decision.date, "decision-\(index + 1)", "\(t[.eventDecision]): \(decision.title)")
        }
        add(entity.ends, "ends", t[.eventEnds])
        // An idea's dates are what it would take, not what is decided, as on the timeline.
        let candidate = entity.isCandidate
        add(entity.start, "start", t[candidate ? .eventStartCandidate : .eventStart])
        add(entity.inOperationBy, "in-operation", t[candidate ? .eventInOperationCandidate : .eventInOperation])
        for member in entity.memberHistory {
            let title = site[member.reference.id]?.title ?? member.reference.id
            add(member.period.from, "joins-\(member.reference.id)", t.format(.eventJoins, ["title": title]))
            add(member.period.until, "leaves-\(member.reference.id)", t.format(.eventLeaves, ["title": title]))
        }
        // A new reporting line, parent or holder from a date.
        for (field, label) in Self.datedFields {
            for value in entity.dated[field] ?? [] {
                let title = site[value.reference.id]?.title ?? value.reference.id
                add(value.period.from, "\(field.replacingOccurrences(of: "_", with: "-"))-\(value.reference.id)", "\(t[label]): \(title)")
            }
        }
        for phase in entity.phases {
            add(phase.period.from, "phase-\(phase.status)", site.statusLabel(phase.status))
        }
        for (index, item) in entity.agenda.enumerated() {
            guard let from = item.from, let rule = item.every.flatMap({ AgendaItem.rules[$0] }) else { continue }
            events.append(CalendarEvent(uid: "\(entity.id)-agenda-\(index + 1)-\(from)@\(host)", day: from,
                                        summary: "\(entity.title): \(t.format(.eventAgenda, ["title": item.title]))",
                                        description: item.cadence, url: url, recurrence: rule))
        }
        return events
    }

    /// The page of `id` as a calendar event links it: absolute under an http(s) base URL, else relative to the feed.
    func calendarURL(of id: String, from path: String) -> String {
        guard site.config.baseURL.hasPrefix("http") else { return routes.href(from: path, to: routes.path(of: id)) }
        return PageLinker(site: site, routes: routes, from: path, absoluteBase: site.config.baseURLWithSlash).href(to: id)
    }

    /// The right-hand side of every UID: the site's host, or a name made from the organisation.
    var calendarHost: String {
        if let host = URL(string: site.config.baseURL)?.host, !host.isEmpty { return host }
        return Slug.make(site.config.organisation ?? site.config.title) + ".charter"
    }

    /// Every feed: the site's, when it has any dated event, and one per body and project with dated events.
    func renderCalendars() -> [RenderedFile] {
        let t = site.translation
        let stamp = buildDate
        var files: [RenderedFile] = []
        let sitePath = routes.calendarPath()
        let all = site.entities.flatMap { calendarEvents(of: $0, from: sitePath) }.sorted { ($0.day, $0.uid) < ($1.day, $1.uid) }
        guard !all.isEmpty else { return [] }
        files.append(RenderedFile(path: sitePath, text: ICalendar.write(name: site.config.title, language: site.config.language, stamp: stamp, events: all)))
        for entity in site.entities where entity.type == .body || entity.type == .project {
            let path = routes.calendarPath(of: entity.id)
            let events = calendarEvents(of: entity, from: path).sorted { ($0.day, $0.uid) < ($1.day, $1.uid) }
            guard !events.isEmpty else { continue }
            files.append(RenderedFile(path: path, text: ICalendar.write(name: t.format(.calendarName, ["title": entity.title]),
                                                                         language: site.config.language, stamp: stamp, events: events)))
        }
        return files
    }
}
