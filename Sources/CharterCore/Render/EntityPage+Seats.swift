import CharterTemplates

/// The "takes part in" list of a person's or role's page: one line per body, naming every capacity in which the entity
/// sits there.
extension EntityPage {
    /// One line per body the entity chairs or sits in, in the order the bodies first appear among its seats.
    ///
    /// The same person or role in two capacities of one body (the chair who is also listed in `members`) is one line
    /// that names both ("Formand, medlem"). Capacities held through the same role share that role ("…, som direktør");
    /// groups through different roles are separated by "; ". A body that is not active at the page's moment (dissolved,
    /// planned, draft) carries its status, as its own page does.
    func seats() -> [TemplateValue] {
        var order: [String] = []
        var byBody: [String: [Relations.Seat]] = [:]
        for seat in relations.seats[entity.id, default: []] where site[seat.body] != nil {
            if byBody[seat.body] == nil { order.append(seat.body) }
            byBody[seat.body, default: []].append(seat)
        }
        return order.map { id in
            let body = site[id]!
            var item: TemplateMap = ["html": .string(linker.link(id)), "capacitiesHTML": .string(capacitiesHTML(byBody[id]!, of: body))]
            if let status = Self.markedStatus(body) {
                item["status"] = .string(status)
                item["statusLabel"] = .string(site.statusLabel(status))
            }
            return .map(item)
        }
    }

    /// The capacities of one body's seats as HTML: labels escaped, each role through which the entity sits linked.
    func capacitiesHTML(_ seats: [Relations.Seat], of body: Entity) -> String {
        let t = site.translation
        var vias: [String?] = []
        var byVia: [String?: [Relations.Seat]] = [:]
        for seat in seats {
            if byVia[seat.via] == nil { vias.append(seat.via) }
            byVia[seat.via, default: []].append(seat)
        }
        var first = true
        func label(_ text: String) -> String {
            defer { first = false }
            return HTML.escape(first ? text : t.titleMidSentence(text))
        }
        return vias.map { via in
            var capacities: [String] = []
            for seat in byVia[via]! {
                let name = seat.role == "chair" ? site.chairLabel(of: body, default: .seatChair) : t[.seatMember]
                let capacity = label(name) + (seat.label.map { " (\(HTML.escape($0)))" } ?? "")
                if !capacities.contains(capacity) { capacities.append(capacity) }
            }
            var group = capacities.joined(separator: ", ")
            if let via, let role = site[via] {
                group += ", " + HTML.escape(t[.seatAs]) + " " + HTML.link(t.titleMidSentence(role.title), href: linker.href(to: via), title: role.summary)
            }
            return group
        }.joined(separator: "; ")
    }

    /// The status a list marks beside an entity's name: any but active.
    static func markedStatus(_ entity: Entity) -> String? {
        guard let status = entity.status, status != "active" else { return nil }
        return status
    }
}
