/// The chart on a body's or unit's own page: the entity as a table with a linked row per chair, member or role, what it
/// reports to above it, what reports to it below, and its secretariat and successions beside it.
enum LocalChart {
    /// The most boxes drawn side by side below the entity; with more, the chart runs left to right.
    static let maximumAcross = 3

    /// The chart of `entity` (a body or unit), or nil for other types.
    static func make(for entity: Entity, site: Site, href: @escaping (String) -> String) -> Chart? {
        let parts = ChartParts(site: site, href: href)
        switch entity.type {
        case .body: return body(entity, site, parts)
        case .unit: return unit(entity, site, parts)
        default: return nil
        }
    }

    static func body(_ body: Entity, _ site: Site, _ parts: ChartParts) -> Chart {
        var current = parts.node(body, current: true)
        if let chair = body.chair?.id { current.rows.append(parts.row("Mødeleder", chair)) }
        current.rows += body.members.map { parts.row("Medlem", $0.reference.id, note: $0.label) }

        let superior = body.reportsTo.flatMap { site[$0.id]?.type == .body ? $0.id : nil }
        let reporting = parts.sorted(site.relations.reportingBodies[body.id, default: []])
        let secretariat = body.secretariat.flatMap { site[$0.id]?.type == .unit ? $0.id : nil }
        let predecessors = parts.sorted(site.entities(of: .body).filter { $0.replacedBy?.id == body.id }.map(\.id)
            + [body.replaces?.id].compactMap { $0 }).filter { $0 != body.id && site[$0]?.type == .body }
        let successors = parts.sorted(site.entities(of: .body).filter { $0.replaces?.id == body.id }.map(\.id)
            + [body.replacedBy?.id].compactMap { $0 }).filter { $0 != body.id && site[$0]?.type == .body }

        var edges: [Chart.Edge] = []
        if let superior { edges.append(Chart.Edge(from: superior, to: body.id, kind: .reports)) }
        edges += reporting.map { Chart.Edge(from: body.id, to: $0, kind: .reports) }
        if let secretariat { edges.append(Chart.Edge(from: secretariat, to: body.id, kind: .secretariat)) }
        edges += predecessors.map { Chart.Edge(from: $0, to: body.id, kind: .replaced) }
        edges += successors.map { Chart.Edge(from: body.id, to: $0, kind: .replaced) }

        let others = parts.sorted([superior, secretariat].compactMap { $0 } + reporting + predecessors + successors)
        var nodes = others.compactMap { site[$0] }.map { parts.node($0) }
        nodes.insert(current, at: nodes.firstIndex { site.index[$0.id]! > site.index[body.id]! } ?? nodes.endIndex)

        var inner: [Chart.OutlineItem] = []
        if let chair = body.chair?.id { inner.append(parts.item(chair, relation: "Mødeleder")) }
        inner += parts.group("Medlemmer", single: "Medlem", body.members.map { member in
            var item = parts.item(member.reference.id)
            if let label = member.label { item.note = [label, item.note].compactMap { $0 }.joined(separator: " · ") }
            return item
        })
        if let secretariat { inner.append(parts.item(secretariat, relation: "Sekretariat")) }
        inner += reporting.map { parts.item($0, relation: "Refererer hertil") }
        var outline = [parts.item(body.id, current: true, children: inner)]
        if let superior { outline = [parts.item(superior, relation: "Refererer til", children: outline)] }
        outline += predecessors.map { parts.item($0, relation: "Afløser") }
        outline += successors.map { parts.item($0, relation: "Afløst af") }

        var summary = "\(body.title)"
        summary += superior.flatMap { site[$0] }.map { " refererer til \($0.title)" } ?? " refererer ikke til et andet organ"
        summary += ". " + seatsSentence(body, site)
        summary += reporting.isEmpty ? "" : " \(OrganisationChart.count(reporting.count, "organ", "organer")) refererer hertil."
        summary += " Samme oplysninger står som liste under diagrammet."
        return Chart(scope: .local, key: body.id, title: "Diagram over \(body.title)", summary: summary, nodes: nodes, edges: edges,
                     sameRank: [[body.id] + [secretariat].compactMap { $0 } + predecessors + successors], outline: outline,
                     leftToRight: reporting.count > maximumAcross)
    }

    static func seatsSentence(_ body: Entity, _ site: Site) -> String {
        var sentences: [String] = []
        if let chair = body.chair.flatMap({ site[$0.id] }) { sentences.append("Mødeleder er \(chair.title).") }
        if !body.members.isEmpty { sentences.append("Organet har \(OrganisationChart.count(body.members.count, "medlem", "medlemmer")).") }
        if let secretariat = body.secretariat.flatMap({ site[$0.id] }) { sentences.append("Sekretariat er \(secretariat.title).") }
        return sentences.joined(separator: " ")
    }

    static func unit(_ unit: Entity, _ site: Site, _ parts: ChartParts) -> Chart {
        var current = parts.node(unit, current: true)
        let head = unit.head?.id
        let roles = parts.sorted(site.relations.rolesInUnit[unit.id, default: []]).filter { $0 != head }
        if let head { current.rows.append(parts.row("Leder", head)) }
        current.rows += roles.map { parts.row("Rolle", $0) }

        let parent = unit.parent.flatMap { site[$0.id]?.type == .unit ? $0.id : nil }
        let children = parts.sorted(site.relations.childUnits[unit.id, default: []])
        let bodies = parts.sorted(site.relations.secretariatFor[unit.id, default: []])

        var edges: [Chart.Edge] = []
        if let parent { edges.append(Chart.Edge(from: parent, to: unit.id, kind: .reports)) }
        edges += children.map { Chart.Edge(from: unit.id, to: $0, kind: .reports) }
        edges += bodies.map { Chart.Edge(from: unit.id, to: $0, kind: .secretariat) }

        let others = parts.sorted([parent].compactMap { $0 } + children + bodies)
        var nodes = others.compactMap { site[$0] }.map { parts.node($0) }
        nodes.insert(current, at: nodes.firstIndex { site.index[$0.id]! > site.index[unit.id]! } ?? nodes.endIndex)

        var inner: [Chart.OutlineItem] = []
        if let head { inner.append(parts.item(head, relation: "Leder")) }
        inner += parts.group("Roller", single: "Rolle", roles.map { parts.item($0) })
        inner += children.map { parts.item($0, relation: "Underenhed") }
        inner += bodies.map { parts.item($0, relation: "Sekretariat for") }
        var outline = [parts.item(unit.id, current: true, children: inner)]
        if let parent { outline = [parts.item(parent, relation: "Overordnet enhed", children: outline)] }

        var summary = unit.title
        summary += parent.flatMap { site[$0] }.map { " hører under \($0.title)." } ?? " hører ikke under en anden enhed."
        if let head = head.flatMap({ site[$0] }) { summary += " Leder: \(head.title)." }
        if !children.isEmpty { summary += " \(OrganisationChart.count(children.count, "underenhed", "underenheder"))." }
        if !bodies.isEmpty { summary += " Sekretariat for \(OrganisationChart.count(bodies.count, "organ", "organer"))." }
        summary += " Samme oplysninger står som liste under diagrammet."
        return Chart(scope: .local, key: unit.id, title: "Diagram over \(unit.title)", summary: summary, nodes: nodes, edges: edges,
                     sameRank: [[unit.id] + bodies], outline: outline, leftToRight: children.count > maximumAcross)
    }
}
