/// Checks that every reference names an existing entity of an allowed type, and that reporting lines have no cycles.
enum ReferenceChecker {
    static func check(_ site: Site, _ diagnostics: inout Diagnostics) {
        for entity in site.entities {
            for (field, reference) in entity.references {
                let allowed = EntitySchema.targets(of: field)
                var allowedNames: String { orList(allowed.sorted { $0.sortKey < $1.sortKey }.map(\.rawValue)) }
                guard let target = site[reference.id] else {
                    let candidates = site.entities.filter { allowed.contains($0.type) }.map(\.id)
                    let hint = Spelling.nearest(to: reference.id, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
                    diagnostics.error("unknown reference '\(reference.id)' in '\(field)'\(hint): no \(allowedNames) has that id",
                                      at: reference.location)
                    continue
                }
                if target.id == entity.id {
                    diagnostics.error("'\(field)' refers to the entity itself ('\(entity.id)')", at: reference.location)
                } else if !allowed.contains(target.type) {
                    diagnostics.error("'\(field)' must refer to a \(allowedNames), but '\(reference.id)' is a \(target.type.rawValue)",
                                      at: reference.location)
                }
            }
        }
        checkCycles(site, field: "reports_to", of: .body, next: \.reportsTo, &diagnostics)
        checkCycles(site, field: "parent", of: .unit, next: \.parent, &diagnostics)
    }

    /// "a, b or c".
    static func orList(_ words: [String]) -> String {
        words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!
    }

    /// Follows `next` from each entity and reports each cycle once, at the reference that closes it.
    static func checkCycles(_ site: Site, field: String, of type: EntityType, next: (Entity) -> Reference?,
                            _ diagnostics: inout Diagnostics) {
        var reported = Set<String>()
        // Entities whose chain is known to end without a cycle: a walk that reaches one stops there.
        var ending = Set<String>()
        for start in site.entities where start.type == type {
            var path: [String] = [start.id]
            var current = start
            var ended = true
            defer { if ended { ending.formUnion(path) } }
            while let reference = next(current), let target = site[reference.id], target.type == type, target.id != current.id {
                if ending.contains(target.id) { break }
                if let loopStart = path.firstIndex(of: target.id) {
                    ended = false
                    let cycle = Array(path[loopStart...])
                    let key = cycle.sorted().joined(separator: ",")
                    if loopStart == 0, reported.insert(key).inserted {
                        let chain = (cycle + [target.id]).joined(separator: " → ")
                        diagnostics.error("cycle in '\(field)': \(chain)", at: reference.location)
                    }
                    break
                }
                path.append(target.id)
                current = target
            }
        }
    }
}
