/// What the model must say for the organisation chart to be drawn: where every unit belongs, and successions that end.
///
/// Cycles in `reports_to` and `parent` are reported by the model's own checks; these are the charts' additions.
enum ChartChecks {
    /// Adds an error for each unit without a `parent` that needs one, and for each cycle of successions.
    static func check(_ site: Site, into diagnostics: inout Diagnostics) {
        checkParents(site, &diagnostics)
        checkSuccessions(site, &diagnostics)
    }

    /// Once a site has a unit of a kind declared as the top of the organisation (`top: true` under `kinds: unit:`), every
    /// other unit belongs under some unit: a unit that floats beside the tops is almost always a forgotten `parent`.
    static func checkParents(_ site: Site, _ diagnostics: inout Diagnostics) {
        let topKinds = site.config.vocabulary.topUnitKinds
        guard let topKind = topKinds.first else { return }
        let units = site.entities(of: .unit)
        let isTop = { (unit: Entity) in unit.kind.map(topKinds.contains) ?? false }
        let tops = units.filter(isTop).map(\.id)
        guard !tops.isEmpty else { return }
        for unit in units where !isTop(unit) && unit.parent == nil {
            let kind = unit.kind.map { "a unit of kind '\($0)'" } ?? "a unit that is not of kind '\(topKind)'"
            let hint = tops.count == 1 ? "add 'parent: \(tops[0])'" : "add 'parent:' with one of \(tops.joined(separator: ", "))"
            diagnostics.error("unit '\(unit.id)' has no 'parent': as \(kind) it must belong under another unit for the "
                              + "organisation chart to place it (\(hint), or set 'kind: \(topKind)' if it is the top)",
                              at: unit.location)
        }
    }

    /// A body replaced, through `replaced_by` or another's `replaces`, by one that it (in turn) replaced.
    static func checkSuccessions(_ site: Site, _ diagnostics: inout Diagnostics) {
        // Each succession with the reference that states it (the older body's `replaced_by` or the newer one's `replaces`).
        var successors: [String: [(id: String, field: String, reference: Reference)]] = [:]
        for body in site.entities(of: .body) {
            if let next = body.replacedBy, site[next.id]?.type == .body, next.id != body.id {
                successors[body.id, default: []].append((next.id, "replaced_by", next))
            }
            for previous in body.replaces where site[previous.id]?.type == .body && previous.id != body.id {
                successors[previous.id, default: []].append((body.id, "replaces", previous))
            }
        }
        var reported = Set<String>()
        for start in site.entities(of: .body) {
            var path = [start.id]
            var stack = [(start.id, 0)]
            // Depth-first along successions, keeping the path, until a body on it comes round again.
            while let (id, next) = stack.last {
                let edges = successors[id, default: []]
                guard next < edges.count else {
                    stack.removeLast()
                    path.removeLast()
                    continue
                }
                stack[stack.count - 1].1 += 1
                let edge = edges[next]
                if let loopStart = path.firstIndex(of: edge.id) {
                    let cycle = Array(path[loopStart...])
                    if loopStart == 0, reported.insert(cycle.sorted().joined(separator: ",")).inserted {
                        let chain = (cycle + [edge.id]).joined(separator: " → ")
                        diagnostics.error("cycle in successions ('replaced_by' and 'replaces'): \(chain); a body cannot be "
                                          + "replaced by one it replaced, and the organisation chart cannot draw it",
                                          at: edge.reference.location)
                    }
                    continue
                }
                path.append(edge.id)
                stack.append((edge.id, 0))
            }
        }
    }
}
