/// The chart of the whole organisation, read from the top down: every unit and body as a box, `parent` and
/// `reports_to` as solid lines from the top of each hierarchy down, secretariats as dashed lines and successions
/// (`replaced_by`, `replaces`) as dotted ones from the old body down to the new.
///
/// The hierarchies are drawn in bands, each below the one before: those with units (and the bodies that report to a
/// unit), then those of bodies only, then the bodies that no line joins to anything, in rows under a heading.
/// A level too wide for one row is wrapped (`ChartLevels`).
enum OrganisationChart {
    /// The chart for a page at any path; `href` gives the link from that page to an entity's page.
    static func make(site: Site, href: @escaping (String) -> String) -> Chart {
        let parts = ChartParts(site: site, href: href)
        let shown = shownIDs(of: site)
        let units = site.entities(of: .unit).filter { shown.contains($0.id) }
        let bodies = site.entities(of: .body).filter { shown.contains($0.id) }
        let nodes = (units + bodies).map { parts.node($0) }
        let name = site.config.organisation ?? site.config.title
        let total = site.entities(of: .unit).count + site.entities(of: .body).count
        let t = site.translation
        let scope = shown.count < total
            ? t.format(.chartOrganisationScope, ["shown": String(shown.count), "total": String(total)]) + " "
            : ""
        let counts = ["units": t.countInWords(.countUnits, units.count, sentence: false),
                      "bodies": t.countInWords(.countBodies, bodies.count, sentence: false)]
        let summary = scope + t.sentence(.chartOrganisationCounts, counts, generated: ["units", "bodies"])
            + " " + t[.chartOrganisationLines]
        let edges = edges(of: site).filter { shown.contains($0.from) && shown.contains($0.to) }
        let linked = Set(edges.flatMap { [$0.from, $0.to] })
        let alone = bodies.map(\.id).filter { !linked.contains($0) }
        var chart = Chart(scope: .organisation, key: "organisation", title: t.format(.organisationChartTitle, ["name": name]),
                          summary: summary, nodes: nodes, edges: edges, outline: outline(of: site, parts: parts))
        chart = ChartLevels.wrapWideLevels(chart, .organisation)
        if !alone.isEmpty {
            chart.groups.append(Chart.Group(id: "alone", title: t.format(.chartOtherBodies, ["bodies": site.plural(.body).lowercased()]),
                                            rows: ChartLevels.rows(alone, columns: aloneColumns)))
        }
        chart.below = bands(of: chart, units: Set(units.map(\.id)), alone: alone)
        chart.focus = topOfLargestHierarchy(chart)
        return chart
    }

    /// The top box of the hierarchy with the most boxes (the first, of equals), where a reader starts.
    static func topOfLargestHierarchy(_ chart: Chart) -> String? {
        let leader = hierarchies(of: chart)
        var sizes: [String: Int] = [:]
        for node in chart.nodes { sizes[leader(node.id), default: 0] += 1 }
        guard let largest = chart.nodes.map({ leader($0.id) }).max(by: { sizes[$0]! < sizes[$1]! }) else { return nil }
        let rank = ChartLevels.ranks(of: chart)
        let members = chart.nodes.map(\.id).filter { leader($0) == largest }
        return members.min { rank[$0, default: 0] < rank[$1, default: 0] }
    }

    /// For each box, a name shared by every box of its hierarchy: the boxes joined by any line but a secretariat's.
    static func hierarchies(of chart: Chart) -> (String) -> String {
        var leader: [String: String] = [:]
        func find(_ id: String) -> String {
            var current = id
            while let next = leader[current], next != current { current = next }
            return current
        }
        for node in chart.nodes { leader[node.id] = node.id }
        for edge in chart.edges where edge.kind != .secretariat {
            let (a, b) = (find(edge.from), find(edge.to))
            if a != b { leader[b] = a }
        }
        return { find($0) }
    }

    /// The most boxes in a row of the bodies that no line joins.
    static let aloneColumns = 4

    /// Placements that draw each band below the one before: the top boxes of the hierarchies without units below the
    /// deepest box of those with units, and the boxes without lines below both.
    static func bands(of chart: Chart, units: Set<String>, alone: [String]) -> [Chart.Placement] {
        let find = hierarchies(of: chart)
        let aloneSet = Set(alone)
        var withUnits: [String] = []
        var withoutUnits: [String] = []
        let hierarchyHasUnit = Set(chart.nodes.filter { units.contains($0.id) }.map { find($0.id) })
        for node in chart.nodes where !aloneSet.contains(node.id) {
            if hierarchyHasUnit.contains(find(node.id)) { withUnits.append(node.id) } else { withoutUnits.append(node.id) }
        }
        let bands = [withUnits, withoutUnits, alone].filter { !$0.isEmpty }
        guard bands.count > 1 else { return [] }
        var placements: [Chart.Placement] = []
        var levelled = chart
        for (upper, lower) in zip(bands, bands.dropFirst()) {
            let rank = ChartLevels.ranks(of: levelled)
            // The first of the deepest boxes, so that the choice does not depend on anything but the model.
            var deepest = upper[0]
            for id in upper where rank[id, default: 0] > rank[deepest, default: 0] { deepest = id }
            let tops = lower.filter { rank[$0] ?? 0 == 0 }
            placements += tops.map { Chart.Placement(upper: deepest, lower: $0) }
            levelled.below = placements
        }
        return placements
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

    /// Every line between units and bodies, without repeats, in site order of both ends.
    static func edges(of site: Site) -> [Chart.Edge] {
        var edges: [Chart.Edge] = []
        var seen = Set<Chart.Edge>()
        func add(_ from: String?, _ to: String, _ kind: Chart.EdgeKind, fromType: EntityType...) {
            guard let from, from != to, let type = site[from]?.type, fromType.contains(type) else { return }
            let edge = Chart.Edge(from: from, to: to, kind: kind)
            if seen.insert(edge).inserted { edges.append(edge) }
        }
        for entity in site.entities {
            switch entity.type {
            case .unit:
                add(entity.parent?.id, entity.id, .reports, fromType: .unit)
                if let successor = entity.replacedBy?.id, site[successor]?.type == .unit {
                    add(entity.id, successor, .replaced, fromType: .unit)
                }
            case .body:
                add(entity.reportsTo?.id, entity.id, .reports, fromType: .body, .unit)
                add(entity.secretariat?.id, entity.id, .secretariat, fromType: .unit)
                for predecessor in entity.replaces { add(predecessor.id, entity.id, .replaced, fromType: .body) }
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
        let top = bodies.filter { body in body.reportsTo.map { site[$0.id] == nil } ?? true }
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
        for body in parts.sorted(site.relations.reportingBodies[id, default: []]) {
            var bodySeen = Set<String>()
            children.append(bodyItem(body, site, parts, &bodySeen).with(relation: parts.t[.chartRelationReportsHere]))
        }
        return parts.item(id, children: children)
    }

    static func bodyItem(_ id: String, _ site: Site, _ parts: ChartParts, _ seen: inout Set<String>) -> Chart.OutlineItem {
        guard seen.insert(id).inserted, let body = site[id] else { return parts.item(id) }
        var children: [Chart.OutlineItem] = []
        if let secretariat = body.secretariat?.id { children.append(parts.item(secretariat, relation: parts.t[.chartRelationSecretariat])) }
        for predecessor in body.replaces { children.append(parts.item(predecessor.id, relation: parts.t[.chartRelationReplaces])) }
        if let successor = body.replacedBy?.id { children.append(parts.item(successor, relation: parts.t[.chartRelationReplacedBy])) }
        for child in parts.sorted(site.relations.reportingBodies[id, default: []]) {
            children.append(bodyItem(child, site, parts, &seen).with(relation: parts.t[.chartRelationReportsHere]))
        }
        return parts.item(id, children: children)
    }
}
