/// The chart on a body's or unit's own page: the entity as a table with a linked row per chair, member or role; above
/// it the chain of what it reports to (or lies under) up to the top; beside it what else reports to the same box,
/// its secretariat and its successions; below it what reports to it. A level too wide for one row is wrapped
/// (`ChartLevels`).
enum LocalChart {
    /// The most boxes drawn in the chain above the entity; a longer chain is cut at the top (the list has it whole).
    static let maximumChain = 12
    /// The most siblings drawn: those nearest the entity in site order. A unit among forty others shows its neighbours,
    /// not all forty on each of the forty pages (the parent's page has them all).
    static let maximumSiblings = 8

    /// The chart of `entity` (a body or unit), or nil for other types.
    static func make(for entity: Entity, site: Site, href: @escaping (String) -> String) -> Chart? {
        let parts = ChartParts(site: site, href: href)
        switch entity.type {
        case .body: return ChartLevels.wrapWideLevels(body(entity, site, parts), .local)
        case .unit: return ChartLevels.wrapWideLevels(unit(entity, site, parts), .local)
        default: return nil
        }
    }

    /// What `entity` reports to or lies under: a body's `reports_to` (a body or a unit), a unit's `parent` unit.
    static func superior(of entity: Entity, _ site: Site) -> Entity? {
        switch entity.type {
        case .body: entity.reportsTo.flatMap { site[$0.id] }.flatMap { $0.type == .body || $0.type == .unit ? $0 : nil }
        case .unit: entity.parent.flatMap { site[$0.id] }.flatMap { $0.type == .unit ? $0 : nil }
        default: nil
        }
    }

    /// The superiors of `entity`, the nearest first, up to the top (or `maximumChain`, or where a cycle closes).
    static func chain(of entity: Entity, _ site: Site) -> [String] {
        var chain: [String] = []
        var seen: Set<String> = [entity.id]
        var current = entity
        while chain.count < maximumChain, let next = superior(of: current, site), seen.insert(next.id).inserted {
            chain.append(next.id)
            current = next
        }
        return chain
    }

    /// What reports to or lies under the box `id`, in site order: the units under a unit and the bodies that report to it.
    static func under(_ id: String, _ site: Site, _ parts: ChartParts) -> [String] {
        parts.sorted(site.relations.childUnits[id, default: []] + site.relations.reportingBodies[id, default: []])
    }

    /// At most `maximumSiblings` of `ids` (in site order), those nearest `entity` in site order.
    static func nearest(_ ids: [String], to entity: Entity, _ site: Site) -> [String] {
        guard ids.count > maximumSiblings, let position = site.index[entity.id] else { return ids }
        let chosen = Set(ids.sorted { (abs(site.index[$0]! - position), site.index[$0]!) < (abs(site.index[$1]! - position), site.index[$1]!) }
            .prefix(maximumSiblings))
        return ids.filter(chosen.contains)
    }

    /// The relation of a box to the box above it in the list: a unit under a unit, or something that reports there.
    static func relation(of id: String, under superior: String, _ site: Site, _ parts: ChartParts) -> String {
        site[id]?.type == .unit && site[superior]?.type == .unit ? parts.t[.chartRelationChildUnit] : parts.t[.chartRelationReportsHere]
    }

    /// The chain above, and what else hangs under the nearest superior, as lines and as the list around `item`.
    struct Surroundings {
        var chain: [String] = []
        var siblings: [String] = []
        var edges: [Chart.Edge] = []

        init(of entity: Entity, _ site: Site, _ parts: ChartParts) {
            chain = LocalChart.chain(of: entity, site)
            guard let superior = chain.first else { return }
            siblings = LocalChart.nearest(LocalChart.under(superior, site, parts).filter { $0 != entity.id }, to: entity, site)
            for (lower, upper) in zip(chain, chain.dropFirst()) { edges.append(Chart.Edge(from: upper, to: lower, kind: .reports)) }
            edges.append(Chart.Edge(from: superior, to: entity.id, kind: .reports))
            edges += siblings.map { Chart.Edge(from: superior, to: $0, kind: .reports) }
        }

        /// `item` (the entity) with its siblings, under its chain of superiors; the nearest superior named by `relation`.
        func outline(around item: Chart.OutlineItem, relation: String, _ site: Site, _ parts: ChartParts) -> [Chart.OutlineItem] {
            guard let superior = chain.first else { return [item] }
            var level = [item] + siblings.map { parts.item($0, relation: LocalChart.relation(of: $0, under: superior, site, parts)) }
            level = [parts.item(superior, relation: relation, children: level)]
            for upper in chain.dropFirst() { level = [parts.item(upper, children: level)] }
            return level
        }
    }

    static func body(_ body: Entity, _ site: Site, _ parts: ChartParts) -> Chart {
        let t = site.translation
        var current = parts.node(body, current: true)
        if let chair = body.chair?.id { current.rows.append(parts.row(site.chairLabel(of: body, default: .seatChair), chair)) }
        current.rows += body.members.map { parts.row(t[.seatMember], $0.reference.id, note: $0.label, group: t[.seatMembers]) }

        let around = Surroundings(of: body, site, parts)
        let reporting = parts.sorted(site.relations.reportingBodies[body.id, default: []])
        let secretariat = body.secretariat.flatMap { site[$0.id]?.type == .unit ? $0.id : nil }
        let predecessors = parts.sorted(site.entities(of: .body).filter { $0.replacedBy?.id == body.id }.map(\.id)
            + body.replaces.map(\.id)).filter { $0 != body.id && site[$0]?.type == .body }
        let successors = parts.sorted(site.entities(of: .body).filter { $0.replaces.contains { $0.id == body.id } }.map(\.id)
            + [body.replacedBy?.id].compactMap { $0 }).filter { $0 != body.id && site[$0]?.type == .body }

        var edges = around.edges
        edges += reporting.map { Chart.Edge(from: body.id, to: $0, kind: .reports) }
        if let secretariat { edges.append(Chart.Edge(from: secretariat, to: body.id, kind: .secretariat)) }
        edges += predecessors.map { Chart.Edge(from: $0, to: body.id, kind: .replaced) }
        edges += successors.map { Chart.Edge(from: body.id, to: $0, kind: .replaced) }

        let others = parts.sorted(around.chain + around.siblings + [secretariat].compactMap { $0 } + reporting + predecessors + successors)
            .filter { $0 != body.id }
        let nodes = placing(current, among: others, site, parts)

        var inner: [Chart.OutlineItem] = []
        if let chair = body.chair?.id { inner.append(parts.item(chair, relation: site.chairLabel(of: body, default: .chartRelationChair))) }
        inner += parts.group(t[.seatMembers], single: t[.seatMember], body.members.map { member in
            var item = parts.item(member.reference.id)
            if let label = member.label { item.note = [label, item.note].compactMap { $0 }.joined(separator: " · ") }
            return item
        })
        if let secretariat { inner.append(parts.item(secretariat, relation: t[.chartRelationSecretariat])) }
        inner += reporting.map { parts.item($0, relation: t[.chartRelationReportsHere]) }
        var outline = around.outline(around: parts.item(body.id, current: true, children: inner), relation: t[.chartRelationReportsTo], site, parts)
        outline += predecessors.map { parts.item($0, relation: t[.chartRelationReplaces]) }
        outline += successors.map { parts.item($0, relation: t[.chartRelationReplacedBy]) }

        var summary = around.chain.first.flatMap { site[$0] }.map { t.format(.chartBodyReportsTo, ["title": body.title, "superior": $0.title]) }
            ?? t.format(.chartBodyReportsToNone, ["title": body.title])
        summary += " " + seatsSentence(body, site)
        if !reporting.isEmpty { summary += " " + t.sentence(.chartBodiesReportHere, ["bodies": t.countInWords(.countBodies, reporting.count, sentence: false)], generated: ["bodies"]) }
        summary += " " + t[.chartSameAsList]
        return Chart(scope: .local, key: body.id, title: t.format(.chartTitle, ["title": body.title]), summary: summary, nodes: nodes, edges: edges,
                     sameRank: [[body.id] + [secretariat].compactMap { $0 } + predecessors + successors], outline: outline)
    }

    /// The boxes in site order, the current one among them.
    static func placing(_ current: Chart.Node, among others: [String], _ site: Site, _ parts: ChartParts) -> [Chart.Node] {
        var nodes = others.compactMap { site[$0] }.map { parts.node($0) }
        let position = site.index[current.id] ?? Int.max
        nodes.insert(current, at: nodes.firstIndex { site.index[$0.id] ?? Int.max > position } ?? nodes.endIndex)
        return nodes
    }

    static func seatsSentence(_ body: Entity, _ site: Site) -> String {
        let t = site.translation
        var sentences: [String] = []
        if let chair = body.chair.flatMap({ site[$0.id] }) { sentences.append(t.sentence(.chartChairIs, ["chair": site.chairLabel(of: body, default: .fieldChair), "title": chair.title],
                                                                                    titles: chair.type == .role ? ["chair", "title"] : ["chair"])) }
        if !body.members.isEmpty { sentences.append(t.countInWords(.chartMemberCount, body.members.count)) }
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

        let around = Surroundings(of: unit, site, parts)
        let children = parts.sorted(site.relations.childUnits[unit.id, default: []])
        let reporting = parts.sorted(site.relations.reportingBodies[unit.id, default: []])
        let bodies = parts.sorted(site.relations.secretariatFor[unit.id, default: []]).filter { !reporting.contains($0) }

        var edges = around.edges
        edges += (children + reporting).map { Chart.Edge(from: unit.id, to: $0, kind: .reports) }
        edges += bodies.map { Chart.Edge(from: unit.id, to: $0, kind: .secretariat) }

        let others = parts.sorted(around.chain + around.siblings + children + reporting + bodies).filter { $0 != unit.id }
        let nodes = placing(current, among: others, site, parts)

        var inner: [Chart.OutlineItem] = []
        if let head { inner.append(parts.item(head, relation: t[.chartRelationHead])) }
        inner += parts.group(t[.seatRoles], single: t[.seatRole], roles.map { parts.item($0) })
        inner += children.map { parts.item($0, relation: t[.chartRelationChildUnit]) }
        inner += reporting.map { parts.item($0, relation: t[.chartRelationReportsHere]) }
        inner += bodies.map { parts.item($0, relation: t[.chartRelationSecretariatFor]) }
        let outline = around.outline(around: parts.item(unit.id, current: true, children: inner), relation: t[.chartRelationParent], site, parts)

        var summary = around.chain.first.flatMap { site[$0] }.map { t.format(.chartUnitUnder, ["title": unit.title, "parent": $0.title]) }
            ?? t.format(.chartUnitUnderNone, ["title": unit.title])
        if let head = head.flatMap({ site[$0] }) {
            summary += " " + t.sentence(.chartUnitHead, ["head": head.title], titles: head.type == .role ? ["head"] : [])
        }
        if !children.isEmpty { summary += " " + t.countInWords(.chartChildUnitCount, children.count) }
        if !reporting.isEmpty { summary += " " + t.sentence(.chartBodiesReportHere, ["bodies": t.countInWords(.countBodies, reporting.count, sentence: false)], generated: ["bodies"]) }
        if !bodies.isEmpty { summary += " " + t.sentence(.chartSecretariatForCount, ["bodies": t.countInWords(.countBodies, bodies.count, sentence: false)], generated: ["bodies"]) }
        summary += " " + t[.chartSameAsList]
        return Chart(scope: .local, key: unit.id, title: t.format(.chartTitle, ["title": unit.title]), summary: summary, nodes: nodes, edges: edges,
                     sameRank: [[unit.id] + bodies], outline: outline)
    }
}
