/// The chart of the whole organisation: every unit and body as a box, `parent` and `reports_to` as solid lines,
/// secretariats as dashed lines and successions (`replaced_by`, `replaces`) as dotted ones.
enum OrganisationChart {
    /// The chart for a page at any path; `href` gives the link from that page to an entity's page.
    static func make(site: Site, href: @escaping (String) -> String) -> Chart {
        let parts = ChartParts(site: site, href: href)
        let shown = shownIDs(of: site)
        let units = site.entities(of: .unit).filter { shown.contains($0.id) }
        let bodies = site.entities(of: .body).filter { shown.contains($0.id) }
        let grouped = !units.isEmpty && !bodies.isEmpty
        var nodes = units.map { parts.node($0, group: grouped ? "enheder" : nil) }
        nodes += bodies.map { parts.node($0, group: grouped ? "organer" : nil) }
        let name = site.config.organisation ?? site.config.title
        let total = site.entities(of: .unit).count + site.entities(of: .body).count
        let t = site.translation
        let scope = shown.count < total
            ? t.format(.chartOrganisationScope, ["shown": String(shown.count), "total": String(total)]) + " "
            : ""
        let summary = scope + t.format(.chartOrganisationCounts, ["units": t.count(.countUnits, units.count),
                                                                  "bodies": t.count(.countBodies, bodies.count)])
            + " " + t[.chartOrganisationLines]
        let edges = edges(of: site).filter { shown.contains($0.from) && shown.contains($0.to) }
        let placed = Set(edges.filter { $0.kind == .reports }.flatMap { [$0.from, $0.to] })
        let grid = [units, bodies].flatMap { entities in
            chunks(entities.map(\.id).filter { !placed.contains($0) }, of: gridColumns)
        }
        return Chart(scope: .organisation, key: "organisation", title: t.format(.organisationChartTitle, ["name": name]), summary: summary,
                     nodes: nodes, edges: edges,
                     groups: grouped ? [Chart.Group(id: "enheder", title: site.plural(.unit)), Chart.Group(id: "organer", title: site.plural(.body))] : [],
                     grid: grid,
                     outline: outline(of: site, parts: parts),
                     // Organisations are wide and shallow, and most bodies stand alone: left to right keeps the chart
                     // about as wide as the column instead of many times wider.
                     leftToRight: true)
    }

    /// The most boxes the whole-organisation chart draws. Larger organisations get their top levels drawn (a layered
    /// layout of thousands of boxes takes Graphviz minutes and no reader can use it); the list below has everything.
    static let maxNodes = 120

    /// The units and bodies the chart draws: all of them, or the levels from the top down that fit in `maxNodes`.
    static func shownIDs(of site: Site) -> Set<String> {
        let candidates = site.entities.filter { $0.type == .unit || $0.type == .body }
        guard candidates.count > maxNodes else { return Set(candidates.map(\.id)) }
        // Depth in the reporting tree (`parent` for units, `reports_to` for bodies), each chain walked once.
        var depth: [String: Int] = [:]
        func depthOf(_ id: String) -> Int {
            var chain: [String] = []
            var visited = Set<String>()
            var current = id
            var base = -1
            while true {
                if let known = depth[current] { base = known; break }
                guard visited.insert(current).inserted else { break }  // a cycle: its entry point counts as a top
                chain.append(current)
                guard let entity = site[current], let next = (entity.type == .unit ? entity.parent : entity.reportsTo)?.id,
                      let parent = site[next], parent.type == entity.type else { break }
                current = next
            }
            for (offset, item) in chain.reversed().enumerated() { depth[item] = base + 1 + offset }
            return depth[id] ?? 0
        }
        let levels = candidates.map { ($0.id, depthOf($0.id)) }
        var shown = Set<String>()
        for level in 0... {
            let next = levels.filter { $0.1 == level }.map(\.0)
            if next.isEmpty || shown.count + next.count > maxNodes {
                if shown.isEmpty { shown.formUnion(next.prefix(maxNodes)) }
                break
            }
            shown.formUnion(next)
        }
        return shown
    }

    /// Boxes without a reporting line are set in rows of this many.
    static let gridColumns = 3

    static func chunks(_ ids: [String], of size: Int) -> [[String]] {
        stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<min($0 + size, ids.count)]) }
    }

    /// Every line between units and bodies, without repeats, in site order of both ends.
    static func edges(of site: Site) -> [Chart.Edge] {
        var edges: [Chart.Edge] = []
        var seen = Set<Chart.Edge>()
        func add(_ from: String?, _ to: String, _ kind: Chart.EdgeKind, fromType: EntityType) {
            guard let from, from != to, site[from]?.type == fromType else { return }
            let edge = Chart.Edge(from: from, to: to, kind: kind)
            if seen.insert(edge).inserted { edges.append(edge) }
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
        // Sort keys made once per edge, not once per comparison.
        let keys = edges.map { (site.index[$0.from] ?? Int.max, site.index[$0.to] ?? Int.max, $0.kind.rawValue) }
        return edges.indices.sorted { keys[$0] < keys[$1] }.map { edges[$0] }
    }

    /// Units from each top unit down, then bodies from each body that reports to none down.
    static func outline(of site: Site, parts: ChartParts) -> [Chart.OutlineItem] {
        var items: [Chart.OutlineItem] = []
        let units = site.entities(of: .unit)
        let roots = units.filter { unit in unit.parent.map { site[$0.id]?.type != .unit } ?? true }
        if !units.isEmpty {
            var seen = Set<String>()
            items.append(Chart.OutlineItem(title: site.plural(.unit), children: roots.map { unitItem($0.id, site, parts, &seen) }))
        }
        let bodies = site.entities(of: .body)
        let top = bodies.filter { body in body.reportsTo.map { site[$0.id]?.type != .body } ?? true }
        if !bodies.isEmpty {
            var seen = Set<String>()
            items.append(Chart.OutlineItem(title: site.plural(.body), children: top.map { bodyItem($0.id, site, parts, &seen) }))
        }
        return items
    }

    static func unitItem(_ id: String, _ site: Site, _ parts: ChartParts, _ seen: inout Set<String>) -> Chart.OutlineItem {
        guard seen.insert(id).inserted else { return parts.item(id) }
        var children = parts.sorted(site.relations.secretariatFor[id, default: []]).map { parts.item($0, relation: parts.t[.chartRelationSecretariatFor]) }
        for child in parts.sorted(site.relations.childUnits[id, default: []]) {
            children.append(unitItem(child, site, parts, &seen))
        }
        return parts.item(id, children: children)
    }

    static func bodyItem(_ id: String, _ site: Site, _ parts: ChartParts, _ seen: inout Set<String>) -> Chart.OutlineItem {
        guard seen.insert(id).inserted, let body = site[id] else { return parts.item(id) }
        var children: [Chart.OutlineItem] = []
        if let secretariat = body.secretariat?.id { children.append(parts.item(secretariat, relation: parts.t[.chartRelationSecretariat])) }
        if let predecessor = body.replaces?.id { children.append(parts.item(predecessor, relation: parts.t[.chartRelationReplaces])) }
        if let successor = body.replacedBy?.id { children.append(parts.item(successor, relation: parts.t[.chartRelationReplacedBy])) }
        for child in parts.sorted(site.relations.reportingBodies[id, default: []]) {
            children.append(bodyItem(child, site, parts, &seen).with(relation: parts.t[.chartRelationReportsHere]))
        }
        return parts.item(id, children: children)
    }
}
