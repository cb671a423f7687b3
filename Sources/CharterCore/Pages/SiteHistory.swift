import CharterTemplates

/// The organisation through time as the pages show it, worked out once per site: the moments, what changes at each,
/// and at which moments each entity changes.
struct SiteHistory: Sendable {
    let chronology: Chronology
    /// The moments that get a page of their own: all of them, or the `maximumPages` around the build day.
    let moments: [Moment]
    /// What changes at each moment of `moments`.
    let changes: [Moment: [Chronology.Change]]
    /// The moments of `moments` at which each entity changes (as the subject of a change or as the other side of one).
    let momentsOf: [String: [Moment]]

    /// The most dates that get a page of their own. An organisation changes on a few dozen dates; a model with hundreds
    /// (a date on every body) gets the pages of the dates around the build day, and each one's chart is a layout of its
    /// own. The history and the calendar still give every date.
    static let maximumPages = 24

    /// The most boxes the charts of the dated pages draw together: two whole-organisation charts at their largest
    /// (`OrganisationChart.maxNodes`). A small organisation gets a chart on every dated page; a large one on the
    /// pages nearest the build day, and the others show the list.
    static let boxBudget = 2 * OrganisationChart.maxNodes

    /// The moments whose page draws its chart.
    let charted: Set<Moment>
    /// The site as it stands at each moment of `moments` (`Chronology.snapshot(at:)`).
    let snapshots: [Moment: Site]
    /// How each moment of `moments` is shown: "1. januar 2026", or "Senere".
    let labels: [Moment: String]

    init(site: Site, today: Day) {
        let chronology = Chronology(site: site)
        self.chronology = chronology
        let moments = Self.window(of: chronology.moments, around: today, size: Self.maximumPages)
        self.moments = moments
        let boxes = max(1, min(OrganisationChart.maxNodes, site.entities(of: .unit).count + site.entities(of: .body).count))
        let current = moments.lastIndex { $0 <= .day(today) } ?? 0
        let nearest = moments.indices.sorted { (abs($0 - current), $0) < (abs($1 - current), $1) }.map { moments[$0] }
        charted = Set(nearest.prefix(max(1, Self.boxBudget / boxes)))
        var changes: [Moment: [Chronology.Change]] = [:]
        var momentsOf: [String: [Moment]] = [:]
        // Each snapshot made once, all at the same time: a moment's is the next one's "before", and its page's.
        let first = moments.first.flatMap { chronology.moment(before: $0) }
        let made = ([first].compactMap { $0 } + moments).concurrentMap { chronology.snapshot(at: $0) }
        let snapshots = first == nil ? made : Array(made.dropFirst())
        var before = first == nil ? nil : made.first
        for (moment, after) in zip(moments, snapshots) {
            let list = before.map { chronology.changes(from: $0, to: after) } ?? []
            before = after
            changes[moment] = list
            for id in Set(list.flatMap { [$0.entity, $0.other, $0.previous].compactMap { $0 } }) {
                momentsOf[id, default: []].append(moment)
            }
        }
        self.changes = changes
        self.momentsOf = momentsOf
        self.snapshots = Dictionary(uniqueKeysWithValues: zip(moments, snapshots))
        self.labels = Dictionary(uniqueKeysWithValues: moments.map { moment in
            let t = site.translation
            guard let day = moment.day else { return (moment, t[.asOfLater]) }
            switch chronology.readings[moment] ?? .exact {
            case .exact: return (moment, site.date(day))
            case .deadline: return (moment, t.format(.dateDeadline, ["date": site.date(day)]))
            case .approximate: return (moment, t.format(.dateApproximate, ["date": site.date(day)]))
            }
        })
    }

    /// At most `size` of `moments` (in order), centred on the one that holds on `today`.
    static func window(of moments: [Moment], around today: Day, size: Int) -> [Moment] {
        guard moments.count > size else { return moments }
        let current = moments.lastIndex { $0 <= .day(today) } ?? 0
        let end = min(moments.count, max(current - size / 2, 0) + size)
        return Array(moments[(end - size)..<end])
    }
}

/// The pages of the organisation through time: the organisation as it stands at each moment the model changes, with
/// what changes then; the date switcher between them; each entity's history; the calendar feeds.
extension SiteRenderer {
    var history: SiteHistory { layout.history }

    /// The date a moment is shown as: "1. januar 2026", or "Senere".
    func label(of moment: Moment) -> String {
        history.labels[moment] ?? moment.day.map(site.date) ?? site.translation[.asOfLater]
    }

    func renderAsOf(_ moment: Moment, problems: inout [Diagnostic]) -> RenderedFile {
        let t = site.translation
        let path = routes.asOfPath(moment)
        let linker = PageLinker(site: site, routes: routes, from: path)
        let title = moment.day.map { day in
            let phrase: Phrase = switch history.chronology.readings[moment] ?? .exact {
            case .exact: .asOfTitle
            case .deadline: .asOfTitleDeadline
            case .approximate: .asOfTitleApproximate
            }
            return t.format(phrase, ["date": site.date(day)])
        } ?? t[.asOfLaterTitle]
        var context = layout.context(path: path, title: title, current: "organisation",
                                     breadcrumbs: [(t[.organisationTitle], routes.organisationPath), (label(of: moment), nil)],
                                     description: t.format(.asOfDescription, ["date": label(of: moment)]),
                                     updated: site.entities.filter { $0.type == .unit || $0.type == .body }.compactMap(\.updated).max())
        let snapshot = history.snapshots[moment] ?? history.chronology.snapshot(at: moment)
        let chart = OrganisationChart.make(site: snapshot, href: { linker.href(to: $0) })
        if history.charted.contains(moment), let location = organisationChartLocation {
            context["chart"] = draw(chart, reportingAt: location, problems: &problems)
        } else if case .map(var undrawn) = ChartContext.make(chart, svg: nil, site: site) {
            undrawn["skipped"] = true
            context["chart"] = TemplateValue.map(undrawn)
        }
        context["asOf"] = [
            "label": label(of: moment),
            "iso": moment.day?.description ?? false,
            "events": moment == .later && !history.chronology.laterEvents.isEmpty
                ? t.format(.asOfLaterEvents, ["events": history.chronology.laterEvents.joined(separator: "; ")]) : false,
            "changes": (history.changes[moment] ?? []).map { ["html": changeHTML($0, linker: linker)] },
            "start": moment == history.chronology.moments.first && site.config.asOf.map { .day($0) } == moment,
        ] as [String: Any]
        context["switcher"] = switcher(from: path, current: moment)
        return RenderedFile(path: path, data: templates.renderData(context, with: "organisation"))
    }

    /// The date switcher: "Nu" (the organisation page), then every moment; the one shown is current, and the one
    /// whose organisation holds today is marked.
    /// On an entity's page (`nowIsCurrent` false) it leads to the organisation on each date, none of them current.
    func switcher(from path: String, current: Moment?, nowIsCurrent: Bool = true) -> [[String: Any]] {
        guard history.chronology.isDated else { return [] }
        let today = history.chronology.moment(on: buildDate)
        var items: [[String: Any]] = [["label": site.translation[.asOfNow], "href": routes.href(from: path, to: routes.organisationPath),
                                       "current": current == nil && nowIsCurrent, "today": false, "iso": false]]
        for moment in history.moments {
            items.append(["label": label(of: moment), "href": routes.href(from: path, to: routes.asOfPath(moment)),
                          "current": moment == current, "today": moment == today, "iso": moment.day?.description ?? false])
        }
        return items
    }

    /// One change as a sentence with links: "Integrationsforum for psykiatri og somatik begynder".
    func changeHTML(_ change: Chronology.Change, linker: PageLinker) -> String {
        let t = site.translation
        let subject = linker.link(change.entity)
        func words(_ phrase: Phrase) -> String { HTML.escape(t[phrase]) }
        switch change.kind {
        case .begins: return "\(subject) \(words(.changeBegins))"
        case .ends: return "\(subject) \(words(.changeEnds))"
        case .replaced: return "\(subject) \(words(.changeReplaced)) \(change.other.map(linker.link) ?? "")"
        case .moves:
            if let other = change.other { return "\(subject) \(words(.changeMoves)) \(linker.link(other))" }
            return "\(subject) \(words(.changeMovesNone)) \(change.previous.map(linker.link) ?? "")"
        case .holder:
            if let other = change.other { return "\(subject) \(words(.changeHolder)) \(linker.link(other))" }
            return "\(subject) \(words(.changeHolderNone)) \(change.previous.map(linker.link) ?? "")"
        case .joins: return "\(subject) \(words(.changeJoins)): \(change.other.map(linker.link) ?? "")"
        case .leaves: return "\(subject) \(words(.changeLeaves)): \(change.other.map(linker.link) ?? "")"
        case .phase: return "\(subject) \(words(.changePhase)): \(HTML.escape(change.other.map(site.statusLabel) ?? ""))"
        }
    }

    /// The fields whose values may be dated (`EntityFields`), with their labels; a type has one at most, so their order
    /// orders no history.
    static let datedFields: [(field: String, label: Phrase)] = EntityFields.all.compactMap { field in
        field.shape == .datedReference ? (field.key, field.label!) : nil
    }

    /// A date in the site's language, or the content's own words for an event.
    func words(_ value: DateOrText) -> String {
        switch value {
        case .date(let day): site.date(day)
        case .text(let text): text
        }
    }

    /// "fra 1. januar 2026 til 1. marts 2026", or nil for an open period.
    func periodWords(_ period: Period) -> String? {
        let t = site.translation
        switch (period.from, period.until) {
        case (let from?, let until?): return t.format(.historyFromUntil, ["from": words(from), "until": words(until)])
        case (let from?, nil): return t.format(.historyFrom, ["date": words(from)])
        case (nil, let until?): return t.format(.historyUntil, ["date": words(until)])
        case (nil, nil): return nil
        }
    }

    /// An entity's history for its page: its own dates, its predecessors and successors, its dated lines, holders and
    /// members, and the dates on which the organisation around it changes (links to those pages). Empty when the
    /// content dates nothing about it.
    func historyContext(for entity: Entity, linker: PageLinker) -> [[String: Any]] {
        let t = site.translation
        var lines: [[String: Any]] = []
        func add(_ html: String) { lines.append(["html": html]) }
        func date(_ value: DateOrText) -> String { HTML.escape(words(value)) }
        if let established = entity.established { add("\(date(established)): \(HTML.escape(t[.eventEstablished]))") }
        if let ends = entity.ends { add("\(date(ends)): \(HTML.escape(t[.eventEnds]))") }
        for id in site.predecessors(of: entity) { add("\(HTML.escape(t[.fieldReplaces])): \(linker.link(id))") }
        if let successor = site.successor(of: entity) { add("\(HTML.escape(t[.fieldReplacedBy])): \(linker.link(successor))") }
        for (field, label) in Self.datedFields {
            for value in entity.dated[field] ?? [] {
                let when = periodWords(value.period).map { " (\(HTML.escape($0)))" } ?? ""
                add("\(HTML.escape(t[label])): \(linker.link(value.reference.id))\(when)")
            }
        }
        for phase in entity.phases {
            add("\(HTML.escape(site.statusLabel(phase.status)))\(periodWords(phase.period).map { " (\(HTML.escape($0)))" } ?? "")")
        }
        for member in entity.memberHistory where !member.period.isOpen {
            add("\(HTML.escape(t[.seatMember])): \(linker.link(member.reference.id)) (\(HTML.escape(periodWords(member.period) ?? "")))")
        }
        let moments = history.momentsOf[entity.id] ?? []
        if !moments.isEmpty {
            let links = moments.map { HTML.link(label(of: $0), href: routes.href(from: linker.from, to: routes.asOfPath($0)), title: nil) }
            add("\(HTML.escape(t[.historySeeAsOf])) " + links.joined(separator: ", "))
        }
        return lines
    }
}
