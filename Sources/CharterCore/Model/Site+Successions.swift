/// Who takes over from whom: a body's or unit's `replaces` (one id, or several in a merger) and `replaced_by`, read
/// in both directions so that either side may say it.
extension Site {
    /// The id of the body or unit that takes over from `entity`: its own `replaced_by`, else the first (in site order)
    /// whose `replaces` names it.
    func successor(of entity: Entity) -> String? {
        if let id = entity.replacedBy?.id, id != entity.id, self[id] != nil { return id }
        return backlinks[entity.id, default: []].first { $0.via == "replaces" && $0.from != entity.id }?.from
    }

    /// The ids of the bodies or units `entity` takes over from: those its `replaces` names and those whose `replaced_by`
    /// names it, in site order, each once.
    func predecessors(of entity: Entity) -> [String] {
        let named = entity.replaces.map(\.id) + backlinks[entity.id, default: []].filter { $0.via == "replaced_by" }.map(\.from)
        var seen = Set<String>()
        return named.filter { $0 != entity.id && self[$0] != nil && seen.insert($0).inserted }
            .sorted { index[$0] ?? 0 < index[$1] ?? 0 }
    }
}
