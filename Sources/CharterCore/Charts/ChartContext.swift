/// The template context of a chart (`chart` in a page's context): the inline SVG, the legend, and the same structure
/// as a nested list for `partials/chart-list`.
///
/// Every key is set on every item, also when empty, so that a nested list item never picks up its parent's value
/// through Mustache's context stack.
enum ChartContext {
    static func make(_ chart: Chart, svg: String?) -> [String: Any] {
        [
            "key": chart.key,
            "scope": chart.scope.rawValue,
            "title": chart.title,
            "summary": chart.summary,
            "drawn": svg != nil,
            "svg": svg ?? "",
            "legend": legend(of: chart),
            "outline": chart.outline.map(item),
        ]
    }

    static func item(_ item: Chart.OutlineItem) -> [String: Any] {
        [
            "relation": item.relation ?? false,
            "title": item.title,
            "href": item.href ?? false,
            "note": item.note ?? false,
            "current": item.isCurrent,
            "children": item.children.map(Self.item),
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
    static func legend(of chart: Chart) -> [[String: Any]] {
        var keys: [[String: Any]] = []
        let types = [EntityType.unit, .body].filter { type in chart.nodes.contains { $0.type == type } }
        if types.count > 1 || chart.scope == .organisation {
            keys += types.map {
                ["key": $0.rawValue, "label": $0.singular, "box": true, "line": false, "rounded": $0 == .body, "dash": false]
            }
        }
        // The dashes are also in the stylesheet; written here too, like the chart's own, for readers without it.
        keys += chart.edgeKinds.map {
            ["key": $0.rawValue, "label": $0.legend, "box": false, "line": true, "rounded": false, "dash": dash(of: $0) ?? false]
        }
        keys += chart.markedStatuses.map {
            ["key": "body \($0)", "label": EntitySchema.statusLabel($0), "box": true, "line": false, "rounded": true, "dash": "4 3"]
        }
        return keys
    }
}
