import CharterTemplates

/// The template context of a chart (`chart` in a page's context): the inline SVG, the legend, and the same structure
/// as a nested list for `partials/chart-list`.
///
/// Every key is set on every item, also when empty, so that a nested list item never picks up its parent's value
/// through Mustache's context stack.
enum ChartContext {
    static func make(_ chart: Chart, svg: String?, site: Site) -> TemplateValue {
        [
            "key": .string(chart.key),
            "scope": .string(chart.scope.rawValue),
            "title": .string(chart.title),
            "summary": .string(chart.summary),
            "drawn": .bool(svg != nil),
            "svg": .string(svg ?? ""),
            "legend": .list(legend(of: chart, site: site)),
            "outline": .list(chart.outline.map(item)),
        ]
    }

    static func item(_ item: Chart.OutlineItem) -> TemplateValue {
        [
            "relation": item.relation.map(TemplateValue.string) ?? false,
            "title": .string(item.title),
            "href": item.href.map(TemplateValue.string) ?? false,
            "note": item.note.map(TemplateValue.string) ?? false,
            "current": .bool(item.isCurrent),
            "children": .list(item.children.map(Self.item)),
        ]
    }

    static func dash(of kind: Chart.EdgeKind) -> String? {
        switch kind {
        case .reports: nil
        case .secretariat: "5 3"
        case .replaced: "1.5 3"
        }
    }

    /// The kinds of box, line and status marking the chart uses, each with its words.
    static func legend(of chart: Chart, site: Site) -> [TemplateValue] {
        var keys: [TemplateValue] = []
        let types = [EntityType.unit, .body].filter { type in chart.nodes.contains { $0.type == type } }
        if types.count > 1 || chart.scope == .organisation {
            keys += types.map {
                ["key": .string($0.rawValue), "label": .string(site.singular($0)), "box": true, "line": false, "rounded": .bool($0 == .body),
                 "dash": false]
            }
        }
        // The dashes are also in the stylesheet; written here too, like the chart's own, for readers without it.
        keys += chart.edgeKinds.map {
            ["key": .string($0.rawValue), "label": .string(site.translation[$0.legend]), "box": false, "line": true, "rounded": false,
             "dash": dash(of: $0).map(TemplateValue.string) ?? false]
        }
        keys += chart.markedStatuses.map {
            ["key": .string("body \($0)"), "label": .string(site.statusLabel($0)), "box": true, "line": false, "rounded": true,
             "dash": "4 3"]
        }
        return keys
    }
}
