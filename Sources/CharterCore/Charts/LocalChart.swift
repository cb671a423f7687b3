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
        let t = site.translation
        var current = parts.node(body, current: true)
        if let chair = body.chair?.id { current.rows.append(parts.row(t[.seatChair], chair)) }
        current.rows += body.members.map { parts.row(t[.seatMember], $0.reference.id, note: $0.label, group: t[.seatMembers]) }

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
        if let chair = body.chair?.id { inner.append(parts.item(chair, relation: t[.chartRelationChair])) }
        inner += parts.group(t[.seatMembers], single: t[.seatMember], body.members.map { member in
            var item = parts.item(member.reference.id)
            if let label = member.label { item.note = [label, item.note].compactMap { $0 }.joined(separator: " · ") }
            return item
        })
        if let secretariat { inner.append(parts.item(secretariat, relation: t[.chartRelationSecretariat])) }
        inner += reporting.map { parts.item($0, relation: t[.chartRelationReportsHere]) }
        var outline = [parts.item(body.id, current: true, children: inner)]
        if let superior { outline = [parts.item(superior, relation: t[.chartRelationReportsTo], children: outline)] }
        outline += predecessors.map { parts.item($0, relation: t[.chartRelationReplaces]) }
        outline += successors.map { parts.item($0, relation: t[.chartRelationReplacedBy]) }

        var summary = superior.flatMap { site[$0] }.map { t.format(.chartBodyReportsTo, ["title": body.title, "superior": $0.title]) }
            ?? t.format(.chartBodyReportsToNone, ["title": body.title])
        summary += " " + seatsSentence(body, site)
        if !reporting.isEmpty { summary += " " + t.format(.chartBodiesReportHere, ["bodies": t.count(.countBodies, reporting.count)]) }
        summary += " " + t[.chartSameAsList]
        return Chart(scope: .local, key: body.id, title: t.format(.chartTitle, ["title": body.title]), summary: summary, nodes: nodes, edges: edges,
                     sameRank: [[body.id] + [secretariat].compactMap { $0 } + predecessors + successors], outline: outline,
                     leftToRight: reporting.count > maximumAcross)
    }

    static func seatsSentence(_ body: Entity, _ site: Site) -> String {
        let t = site.translation
        var sentences: [String] = []
        if let chair = body.chair.flatMap({ site[$0.id] }) { sentences.append(t.format(.chartChairIs, ["title": chair.title])) }
        if !body.members.isEmpty { sentences.append(t.count(.chartMemberCount, body.members.count)) }
        if let secretariat = body.secretariat.flatMap({ site[$0.id] }) { sentences.append(t.format(.chartSecretariatIs, ["title": secretariat.title])) }
        return sentences.joined(separator: " ")
    }

    static func unit(_ unit: Entity, _ site: Site, _ parts: ChartParts) -> Chart {
        let t = site.translation
        var current = parts.node(unit, current: true)
        let head = unit.head?.id
        let roles = parts.sorted(site.relations.rolesInUnit[unit.id, default: []]).filter { $0 != head }
        if let head { current.rows.append(parts.row(t[.chartRelationHead], head)) }
        current.rows += roles.map { parts.row(t[.seatRole], $0, group: t[.seatRoles]) }

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
        if let head { inner.append(parts.item(head, relation: t[.chartRelationHead])) }
        inner += parts.group(t[.seatRoles], single: t[.seatRole], roles.map { parts.item($0) })
        inner += children.map { parts.item($0, relation: t[.chartRelationChildUnit]) }
        inner += bodies.map { parts.item($0, relation: t[.chartRelationSecretariatFor]) }
        var outline = [parts.item(unit.id, current: true, children: inner)]
        if let parent { outline = [parts.item(parent, relation: t[.chartRelationParent], children: outline)] }

        var summary = parent.flatMap { site[$0] }.map { t.format(.chartUnitUnder, ["title": unit.title, "parent": $0.title]) }
            ?? t.format(.chartUnitUnderNone, ["title": unit.title])
        if let head = head.flatMap({ site[$0] }) { summary += " " + t.format(.chartUnitHead, ["head": head.title]) }
        if !children.isEmpty { summary += " " + t.count(.chartChildUnitCount, children.count) }
        if !bodies.isEmpty { summary += " " + t.format(.chartSecretariatForCount, ["bodies": t.count(.countBodies, bodies.count)]) }
        summary += " " + t[.chartSameAsList]
        return Chart(scope: .local, key: unit.id, title: t.format(.chartTitle, ["title": unit.title]), summary: summary, nodes: nodes, edges: edges,
                     sameRank: [[unit.id] + bodies], outline: outline, leftToRight: children.count > maximumAcross)
    }
}
