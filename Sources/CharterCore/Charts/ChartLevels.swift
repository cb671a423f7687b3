/// The levels of a chart as Graphviz will rank them, and the wrapping of levels too wide for one row.
///
/// Organisation charts are read from the top down, but a real organisation often has one box with dozens of boxes
/// under it (a steering committee over forty working groups). Drawn as one row, such a level is many times wider
/// than the page; `wrapWideLevels` sets the boxes of such a level that have nothing under them in rows inside a
/// frame, joined to their parent by one line.
enum ChartLevels {
    /// How wide a level may be before it is wrapped: a box with more than `maximumAcross` children that have nothing
    /// under them gets them in rows of at most `columns`.
    struct Limits {
        var maximumAcross: Int
        var columns: Int

        /// The whole organisation, as wide as the page.
        static let organisation = Limits(maximumAcross: 8, columns: 5)
        /// A body's or unit's page, where the siblings share the row with the entity and the text column is narrower.
        static let local = Limits(maximumAcross: 4, columns: 3)
    }

    /// `chart` with every level of more leaf children of one parent than `limits` allow wrapped in rows. The current
    /// box and boxes placed beside another (`sameRank`) or already in a group stay as they are.
    static func wrapWideLevels(_ chart: Chart, _ limits: Limits) -> Chart {
        var chart = chart
        let reports = chart.edges.filter { $0.kind == .reports }
        let parents = Set(reports.map(\.from))
        var fixed = Set(chart.sameRank.filter { $0.count > 1 }.flatMap { $0 } + chart.groups.flatMap(\.members))
        fixed.formUnion(chart.nodes.filter(\.isCurrent).map(\.id))
        var children: [String: [String]] = [:]
        var order: [String] = []
        for edge in reports where !parents.contains(edge.to) && !fixed.contains(edge.to) {
            if children[edge.from] == nil { order.append(edge.from) }
            children[edge.from, default: []].append(edge.to)
        }
        // A box with two parents would be drawn once, in the first parent's rows only.
        var placed = Set<String>()
        for parent in order {
            let leaves = children[parent, default: []].filter { placed.insert($0).inserted }
            guard leaves.count > limits.maximumAcross else { continue }
            chart.groups.append(Chart.Group(id: "rows-" + parent, parent: parent, rows: rows(leaves, columns: limits.columns)))
        }
        return chart
    }

    /// `ids` in rows of at most `columns`, as even as they go: 9 boxes in rows of 5 and 4, 40 in eight rows of 5.
    static func rows(_ ids: [String], columns: Int) -> [[String]] {
        guard !ids.isEmpty, columns > 0 else { return [] }
        let count = (ids.count + columns - 1) / columns
        let width = (ids.count + count - 1) / count
        return stride(from: 0, to: ids.count, by: width).map { Array(ids[$0..<min($0 + width, ids.count)]) }
    }

    /// The level of every box as the drawing places it: lines that set levels (`reports`, and successions in the
    /// whole-organisation chart) and rows of groups each put a box one level below another. Boxes in a cycle, which
    /// the model's checks report, keep the level they had reached.
    static func ranks(of chart: Chart) -> [String: Int] {
        var below: [String: [String]] = [:]
        func add(_ upper: String, _ lower: String) { below[upper, default: []].append(lower) }
        let wrapped = chart.wrappedChildren
        for edge in chart.edges where edge.kind == .reports || (edge.kind == .replaced && chart.scope == .organisation) {
            if wrapped[edge.from]?.contains(edge.to) == true { continue }
            add(edge.from, edge.to)
        }
        for group in chart.groups {
            if let parent = group.parent, let first = group.rows.first { first.forEach { add(parent, $0) } }
            for (upper, lower) in zip(group.rows, group.rows.dropFirst()) {
                for id in lower { add(upper[0], id) }
            }
        }
        for placement in chart.below { add(placement.upper, placement.lower) }
        var rank = Dictionary(uniqueKeysWithValues: chart.nodes.map { ($0.id, 0) })
        // Longest paths by relaxation, at most one pass per box: a cycle stops growing then.
        for _ in 0..<chart.nodes.count {
            var changed = false
            for (upper, lowers) in below {
                let level = rank[upper, default: 0] + 1
                for lower in lowers where rank[lower, default: 0] < level {
                    rank[lower] = level
                    changed = true
                }
            }
            if !changed { break }
        }
        // Boxes on one rank share the highest level among them.
        for ids in chart.sameRank where ids.count > 1 {
            let level = ids.map { rank[$0, default: 0] }.max() ?? 0
            for id in ids { rank[id] = level }
        }
        return rank
    }
}
