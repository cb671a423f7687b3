/// Makes the boxes, rows and list items of charts for one site, with links relative to the page the chart is shown on.
final class ChartParts {
    let site: Site
    /// The href from the chart's page to an entity's page, by id.
    let href: (String) -> String

    init(site: Site, href: @escaping (String) -> String) {
        self.site = site
        self.href = href
    }

    /// The interface's words in the site's language.
    var t: Translation { site.translation }

    /// "Organ · Forum".
    func caption(_ entity: Entity) -> String {
        ([site.singular(entity.type)] + [site.kindLabel(of: entity)].compactMap { $0 }).joined(separator: " · ")
    }

    /// The status a chart marks: anything but active (and unset).
    func markedStatus(_ entity: Entity) -> String? {
        guard let status = entity.status, status != "active" else { return nil }
        return status
    }

    func node(_ entity: Entity, current: Bool = false) -> Chart.Node {
        Chart.Node(id: entity.id, type: entity.type, caption: caption(entity), title: entity.title, status: markedStatus(entity),
                   statusLabel: markedStatus(entity).map(site.statusLabel), href: href(entity.id), tooltip: entity.summary, isCurrent: current)
    }

    /// A row for the entity `id` (plain text when there is no such entity).
    func row(_ label: String, _ id: String, note: String? = nil, group: String? = nil) -> Chart.Row {
        guard let entity = site[id] else { return Chart.Row(label: label, groupLabel: group, title: id, note: note) }
        return Chart.Row(label: label, groupLabel: group, title: entity.title, note: note, href: href(id), tooltip: entity.summary)
    }

    /// A list item for the entity `id`.
    func item(_ id: String, relation: String? = nil, current: Bool = false, children: [Chart.OutlineItem] = []) -> Chart.OutlineItem {
        guard let entity = site[id] else { return Chart.OutlineItem(relation: relation, title: id, children: children) }
        var note = caption(entity)
        if let status = markedStatus(entity) { note += " · " + site.statusLabel(status) }
        return Chart.OutlineItem(relation: relation, title: entity.title, href: href(id), note: note, isCurrent: current,
                                 children: children)
    }

    /// A heading item for several items ("Medlemmer"), or the single item itself with the relation in front.
    func group(_ title: String, single: String, _ items: [Chart.OutlineItem]) -> [Chart.OutlineItem] {
        switch items.count {
        case 0: []
        case 1: [items[0].with(relation: single)]
        default: [Chart.OutlineItem(relation: nil, title: title, children: items)]
        }
    }

    /// Ids sorted in site order, without repeats and without ids the site does not have.
    func sorted(_ ids: some Sequence<String>) -> [String] {
        Set(ids).filter { site.index[$0] != nil }.sorted { site.index[$0]! < site.index[$1]! }
    }
}

extension Chart.OutlineItem {
    func with(relation: String?) -> Chart.OutlineItem {
        var copy = self
        copy.relation = relation
        return copy
    }
}
