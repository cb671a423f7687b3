/// The chart of the whole organisation: every unit and body as a box, `parent` and `reports_to` as solid lines,
/// secretariats as dashed lines and successions (`replaced_by`, `replaces`) as dotted ones.
enum OrganisationChart {
    /// The chart for a page at any path; `href` gives the link from that page to an entity's page.
    static func make(site: Site, href: @escaping (String) -> String) -> Chart {
        let parts = ChartParts(site: site, href: href)
        let units = site.entities(of: .unit)
        let bodies = site.entities(of: .body)
        let grouped = !units.isEmpty && !bodies.isEmpty
        var nodes = units.map { parts.node($0, group: grouped ? "enheder" : nil) }
        nodes += bodies.map { parts.node($0, group: grouped ? "organer" : nil) }
        let name = site.config.organisation ?? site.config.title
        let summary = "\(count(units.count, "enhed", "enheder")) og \(count(bodies.count, "organ", "organer")). "
            + "Linjerne viser, hvad der refererer til hvad, hvilke enheder der er sekretariat for et organ, "
            + "og hvilke organer der er afløst af andre. Samme oplysninger står som liste under diagrammet."
        let edges = edges(of: site)
        let placed = Set(edges.filter { $0.kind == .reports }.flatMap { [$0.from, $0.to] })
        let grid = [units, bodies].flatMap { entities in
            chunks(entities.map(\.id).filter { !placed.contains($0) }, of: gridColumns)
        }
        return Chart(scope: .organisation, key: "organisation", title: "Organisationsdiagram for \(name)", summary: summary,
                     nodes: nodes, edges: edges,
                     groups: grouped ? [Chart.Group(id: "enheder", title: "Enheder"), Chart.Group(id: "organer", title: "Organer")] : [],
                     grid: grid,
                     outline: outline(of: site, parts: parts),
                     // Organisations are wide and shallow, and most bodies stand alone: left to right keeps the chart
                     // about as wide as the column instead of many times wider.
                     leftToRight: true)
    }

    /// Boxes without a reporting line are set in rows of this many.
    static let gridColumns = 3

    static func chunks(_ ids: [String], of size: Int) -> [[String]] {
        stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<min($0 + size, ids.count)]) }
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
    }

    /// Every line between units and bodies, without repeats, in site order of both ends.
    static func edges(of site: Site) -> [Chart.Edge] {
        var edges: [Chart.Edge] = []
        func add(_ from: String?, _ to: String, _ kind: Chart.EdgeKind, fromType: EntityType) {
            guard let from, from != to, site[from]?.type == fromType else { return }
            let edge = Chart.Edge(from: from, to: to, kind: kind)
            if !edges.contains(edge) { edges.append(edge) }
        }
        for entity in site.entities {
            switch entity.type {
            case .unit:
                add(entity.parent?.id, entity.id, .reports, fromType: .unit)
            case .body:
                add(entity.reportsTo?.id, entity.id, .reports, fromType: .body)
                add(entity.secretariat?.id, entity.id, .secretariat, fromType: .unit)
                add(entity.replaces?.id, entity.id, .replaced, fromType: .body)
                if let successor = entity.replacedBy?.id, site[successor]?.type == .body {
                    add(entity.id, successor, .replaced, fromType: .body)
                }
            default: break
            }
        }
        let position = { (id: String) in site.index[id] ?? Int.max }
        return edges.sorted {
            (position($0.from), position($0.to), $0.kind.rawValue) < (position($1.from), position($1.to), $1.kind.rawValue)
        }
    }

    /// Units from each top unit down, then bodies from each body that reports to none down.
    static func outline(of site: Site, parts: ChartParts) -> [Chart.OutlineItem] {
        var items: [Chart.OutlineItem] = []
        let units = site.entities(of: .unit)
        let roots = units.filter { unit in unit.parent.map { site[$0.id]?.type != .unit } ?? true }
        if !units.isEmpty {
            var seen = Set<String>()
            items.append(Chart.OutlineItem(title: "Enheder", children: roots.map { unitItem($0.id, site, parts, &seen) }))
        }
        let bodies = site.entities(of: .body)
        let top = bodies.filter { body in body.reportsTo.map { site[$0.id]?.type != .body } ?? true }
        if !bodies.isEmpty {
            var seen = Set<String>()
            items.append(Chart.OutlineItem(title: "Organer", children: top.map { bodyItem($0.id, site, parts, &seen) }))
        }
        return items
    }

    static func unitItem(_ id: String, _ site: Site, _ parts: ChartParts, _ seen: inout Set<String>) -> Chart.OutlineItem {
        guard seen.insert(id).inserted else { return parts.item(id) }
        var children = parts.sorted(site.relations.secretariatFor[id, default: []]).map { parts.item($0, relation: "Sekretariat for") }
        for child in parts.sorted(site.relations.childUnits[id, default: []]) {
            children.append(unitItem(child, site, parts, &seen))
        }
        return parts.item(id, children: children)
    }

    static func bodyItem(_ id: String, _ site: Site, _ parts: ChartParts, _ seen: inout Set<String>) -> Chart.OutlineItem {
        guard seen.insert(id).inserted, let body = site[id] else { return parts.item(id) }
        var children: [Chart.OutlineItem] = []
        if let secretariat = body.secretariat?.id { children.append(parts.item(secretariat, relation: "Sekretariat")) }
        if let predecessor = body.replaces?.id { children.append(parts.item(predecessor, relation: "Afløser")) }
        if let successor = body.replacedBy?.id { children.append(parts.item(successor, relation: "Afløst af")) }
        for child in parts.sorted(site.relations.reportingBodies[id, default: []]) {
            children.append(bodyItem(child, site, parts, &seen).with(relation: "Refererer hertil"))
        }
        return parts.item(id, children: children)
    }
}
