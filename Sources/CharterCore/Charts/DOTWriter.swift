/// Writes a `Chart` as DOT for Graphviz: one box per node with an HTML-like label, a class on every node and edge for
/// the stylesheet, and a link (with a tooltip) on every box and on every row of the current entity's table.
///
/// ```swift
/// let graph = DOTWriter.write(chart)
/// print(graph.text) // digraph "organisation" { … }
/// ```
enum DOTWriter {
    /// The characters per line of a title in a box, and in a row of the current entity's table.
    static let titleWidth = 26
    static let rowWidth = 34

    /// The DOT text and, for each link key (the `id` written on a linked box or cell), the link's accessible name.
    static func write(_ chart: Chart) -> DOTGraph {
        var links: [String: DOTGraph.Link] = [:]
        var lines: [String] = []
        lines.append("digraph \(DOT.quoted(chart.key)) {")
        // A local chart puts a secretariat or a predecessor beside the entity, with room for the line between them.
        let layout = (chart.leftToRight ? "rankdir=LR, ranksep=0.5" : "rankdir=TB, ranksep=0.42")
            + (chart.scope == .local ? ", nodesep=0.5" : ", nodesep=0.18")
        lines.append("  graph [\(layout), bgcolor=\"transparent\", newrank=true, pad=0.06, "
            + "fontname=\"Helvetica\", fontsize=12, fontcolor=\"\(ChartPalette.line)\"];")
        lines.append("  node [shape=box, style=\"rounded,filled\", margin=\"0.1,0.06\", fontname=\"Helvetica\", fontsize=12, "
            + "fillcolor=\"\(ChartPalette.fill)\", color=\"\(ChartPalette.border)\"];")
        lines.append("  edge [color=\"\(ChartPalette.line)\", arrowsize=0.6];")
        let grouped = Dictionary(grouping: chart.nodes.enumerated(), by: { $0.element.group ?? "" })
        for (index, node) in grouped["", default: []] {
            lines.append("  " + statement(for: node, index: index, links: &links))
        }
        for group in chart.groups {
            lines.append("  subgraph \(DOT.quoted("cluster_" + group.id)) {")
            lines.append("    graph [label=\(DOT.quoted(group.title)), class=\"group\", style=\"rounded,dashed\", "
                + "color=\"\(ChartPalette.border)\", labeljust=l, margin=10];")
            for (index, node) in grouped[group.id, default: []] {
                lines.append("    " + statement(for: node, index: index, links: &links))
            }
            lines.append("  }")
        }
        for ids in chart.sameRank where ids.count > 1 {
            lines.append("  { rank=same; " + ids.map { DOT.quoted($0) + ";" }.joined(separator: " ") + " }")
        }
        for row in chart.grid where row.count > 1 {
            lines.append("  " + row.map(DOT.quoted).joined(separator: " -> ") + " [style=invis];")
        }
        for edge in chart.edges {
            lines.append("  \(DOT.quoted(edge.from)) -> \(DOT.quoted(edge.to)) [\(attributes(of: edge.kind))];")
        }
        lines.append("}")
        return DOTGraph(text: lines.joined(separator: "\n") + "\n", links: links)
    }

    static func attributes(of kind: Chart.EdgeKind) -> String {
        switch kind {
        case .reports: "class=\"reports\", dir=back"
        case .secretariat: "class=\"secretariat\", style=dashed, constraint=false"
        case .replaced: "class=\"replaced\", style=dotted, constraint=false"
        }
    }

    /// One node statement: a linked box, or the current entity's table with a link per row.
    static func statement(for node: Chart.Node, index: Int, links: inout [String: DOTGraph.Link]) -> String {
        let key = "n\(index)"
        var classes = [node.type.rawValue]
        if node.isCurrent { classes.append("current") }
        if let status = node.status { classes.append(status) }
        var attributes = ["id=\(DOT.quoted(key))", "class=\(DOT.quoted(classes.joined(separator: " ")))"]
        // Bodies are rounded, units square; a marked status is also dashed, so that it does not rest on colour alone.
        let style = (node.type == .body ? ["rounded"] : []) + ["filled"] + (node.status == nil ? [] : ["dashed"])
        attributes.append("style=\(DOT.quoted(style.joined(separator: ",")))")
        if node.status == "dissolved" {
            attributes.append("color=\"\(ChartPalette.off)\", fontcolor=\"\(ChartPalette.off)\"")
        }
        let name = accessibleName(of: node)
        if node.isCurrent {
            attributes.append("margin=\"0.04,0.04\"")
            attributes.append("label=<\(table(for: node, key: key, links: &links))>")
        } else {
            links[key] = DOTGraph.Link(name: name, tooltip: node.tooltip)
            attributes.append("href=\(DOT.quoted(node.href))")
            attributes.append("tooltip=\(DOT.quoted(node.tooltip ?? node.title))")
            attributes.append("label=<\(box(for: node))>")
        }
        return "\(DOT.quoted(node.id)) [\(attributes.joined(separator: ", "))];"
    }

    /// "Integrationsforum for psykiatri og somatik (Organ, Forum, Udkast)".
    static func accessibleName(of node: Chart.Node) -> String {
        let details = node.caption.components(separatedBy: " · ") + [node.statusLabel].compactMap { $0 }
        return "\(node.title) (\(details.joined(separator: ", ")))"
    }

    /// The lines of a box: caption, title in bold, status; left-aligned, so that a wider font only runs to the right.
    static func textLines(of node: Chart.Node) -> String {
        var parts = [small(node.caption, colour: ChartPalette.caption)]
        parts += DOT.wrap(node.title, width: titleWidth).map { "<B>\(DOT.html($0))</B>" }
        if let status = node.statusLabel { parts.append(small(status, colour: ChartPalette.status)) }
        return parts.joined(separator: "<BR ALIGN=\"LEFT\"/>") + "<BR ALIGN=\"LEFT\"/>"
    }

    static func box(for node: Chart.Node) -> String {
        "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD ALIGN=\"LEFT\">"
            + textLines(of: node) + "</TD></TR></TABLE>"
    }

    /// The current entity: its title cell, then a row per seat or role with the row's own link.
    static func table(for node: Chart.Node, key: String, links: inout [String: DOTGraph.Link]) -> String {
        links[key] = DOTGraph.Link(name: accessibleName(of: node), tooltip: node.tooltip, isCurrentPage: true)
        var html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\">"
        html += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BGCOLOR=\"\(ChartPalette.head)\"\(link(node.href, node.tooltip ?? node.title, key))>"
            + textLines(of: node) + "</TD></TR>"
        var previousLabel: String?
        for (index, row) in node.rows.enumerated() {
            let rowKey = "\(key)r\(index)"
            // The label has the row's size, so that both share the first line's baseline.
            let shownLabel = row.label == previousLabel ? ""
                : "<FONT COLOR=\"\(ChartPalette.caption)\">\(DOT.html(plural(row, in: node.rows)))</FONT>"
            previousLabel = row.label
            var text = DOT.wrap(row.title, width: rowWidth).map(DOT.html).joined(separator: "<BR ALIGN=\"LEFT\"/>")
            if let note = row.note {
                text += "<BR ALIGN=\"LEFT\"/>" + DOT.wrap(note, width: rowWidth + 6).map { small($0, colour: ChartPalette.caption) }
                    .joined(separator: "<BR ALIGN=\"LEFT\"/>")
            }
            text += "<BR ALIGN=\"LEFT\"/>"
            var target = ""
            if let href = row.href {
                target = link(href, row.tooltip ?? row.title, rowKey)
                links[rowKey] = DOTGraph.Link(name: "\(row.label): \(row.title)", tooltip: row.tooltip)
            }
            html += "<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\">\(shownLabel)</TD><TD ALIGN=\"LEFT\"\(target)>\(text)</TD></TR>"
        }
        return html + "</TABLE>"
    }

    /// A row's label, or its group label ("Medlem" → "Medlemmer") when several rows have it.
    static func plural(_ row: Chart.Row, in rows: [Chart.Row]) -> String {
        guard let group = row.groupLabel, rows.filter({ $0.label == row.label }).count > 1 else { return row.label }
        return group
    }

    static func small(_ text: String, colour: String) -> String {
        "<FONT POINT-SIZE=\"9.5\" COLOR=\"\(colour)\">\(DOT.html(text))</FONT>"
    }

    static func link(_ href: String, _ tooltip: String, _ key: String) -> String {
        " HREF=\"\(DOT.html(href))\" TOOLTIP=\"\(DOT.html(tooltip))\" ID=\"\(key)\""
    }
}

/// A chart written as DOT, with the accessible name of each link by the key written on it.
struct DOTGraph: Sendable, Hashable {
    struct Link: Sendable, Hashable {
        var name: String
        var tooltip: String?
        /// The link to the page the chart is on.
        var isCurrentPage = false
    }

    var text: String
    var links: [String: Link]
}
