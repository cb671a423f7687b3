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
        let spacing = chart.scope == .local ? "nodesep=0.5" : "nodesep=0.22"
        let compound = chart.groups.contains { $0.parent != nil } ? ", compound=true" : ""
        lines.append("  graph [rankdir=TB, ranksep=0.42, \(spacing)\(compound), bgcolor=\"transparent\", newrank=true, pad=0.06, "
            + "fontname=\"Helvetica\", fontsize=12, fontcolor=\"\(ChartPalette.line)\"];")
        lines.append("  node [shape=box, style=\"rounded,filled\", margin=\"0.1,0.06\", fontname=\"Helvetica\", fontsize=12, "
            + "fillcolor=\"\(ChartPalette.fill)\", color=\"\(ChartPalette.border)\"];")
        lines.append("  edge [color=\"\(ChartPalette.line)\", arrowsize=0.6];")
        let index = Dictionary(chart.nodes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var inGroup: [String: String] = [:]
        for group in chart.groups {
            for id in group.members where inGroup[id] == nil { inGroup[id] = group.id }
        }
        for (offset, node) in chart.nodes.enumerated() where inGroup[node.id] == nil {
            lines.append("  " + statement(for: node, index: offset, focus: node.id == chart.focus, links: &links))
        }
        for group in chart.groups {
            lines += self.group(group, chart: chart, index: index, inGroup: inGroup, links: &links)
        }
        for ids in chart.sameRank where ids.count > 1 {
            lines.append("  { rank=same; " + ids.map { DOT.quoted($0) + ";" }.joined(separator: " ") + " }")
        }
        // A band below another: no pull to the side, only down.
        for placement in chart.below {
            lines.append("  \(DOT.quoted(placement.upper)) -> \(DOT.quoted(placement.lower)) [style=invis, weight=0];")
        }
        let wrapped = chart.wrappedChildren
        for edge in chart.edges {
            if edge.kind == .reports, wrapped[edge.from]?.contains(edge.to) == true { continue }
            lines.append("  \(DOT.quoted(edge.from)) -> \(DOT.quoted(edge.to)) [\(attributes(of: edge.kind, in: chart.scope))];")
        }
        lines.append("}")
        return DOTGraph(text: lines.joined(separator: "\n") + "\n", links: links)
    }

    /// A group as a frame (a cluster) with its boxes in rows: each row on one rank and chained left to right by invisible
    /// lines, each column chained down; a group with a parent is joined to it by one line that ends at the frame.
    static func group(_ group: Chart.Group, chart: Chart, index: [String: Int], inGroup: [String: String],
                      links: inout [String: DOTGraph.Link]) -> [String] {
        let rows = group.rows.map { $0.filter { inGroup[$0] == group.id && index[$0] != nil } }.filter { !$0.isEmpty }
        guard !rows.isEmpty else { return [] }
        let name = DOT.quoted("cluster_" + group.id)
        var lines = ["  subgraph \(name) {"]
        if let title = group.title {
            lines.append("    graph [label=\(DOT.quoted(title)), class=\"group\", style=\"rounded,dashed\", "
                + "color=\"\(ChartPalette.border)\", labeljust=l, margin=10];")
        } else {
            lines.append("    graph [label=\"\", class=\"rows\", style=\"rounded,dashed\", color=\"\(ChartPalette.border)\", margin=8];")
        }
        for id in rows.flatMap({ $0 }) {
            lines.append("    " + statement(for: chart.nodes[index[id]!], index: index[id]!, focus: id == chart.focus, links: &links))
        }
        for row in rows {
            if row.count > 1 {
                lines.append("    { rank=same; " + row.map { DOT.quoted($0) + ";" }.joined(separator: " ") + " }")
                lines.append("    " + row.map(DOT.quoted).joined(separator: " -> ") + " [style=invis];")
            }
        }
        for (upper, lower) in zip(rows, rows.dropFirst()) {
            for (column, id) in lower.enumerated() {
                lines.append("    \(DOT.quoted(upper[min(column, upper.count - 1)])) -> \(DOT.quoted(id)) [style=invis];")
            }
        }
        lines.append("  }")
        if let parent = group.parent, index[parent] != nil {
            let target = rows[0][rows[0].count / 2]
            lines.append("  \(DOT.quoted(parent)) -> \(DOT.quoted(target)) [\(attributes(of: .reports, in: chart.scope)), lhead=\(name)];")
        }
        return lines
    }

    static func attributes(of kind: Chart.EdgeKind, in scope: Chart.Scope) -> String {
        switch kind {
        case .reports: "class=\"reports\", dir=back"
        case .secretariat: "class=\"secretariat\", style=dashed, constraint=false"
        // In the whole organisation a successor is drawn below the body it replaced; a local chart sets them side by side.
        case .replaced: "class=\"replaced\", style=dotted" + (scope == .organisation ? "" : ", constraint=false")
        }
    }

    /// One node statement: a linked box, or the current entity's table with a link per row.
    static func statement(for node: Chart.Node, index: Int, focus: Bool = false, links: inout [String: DOTGraph.Link]) -> String {
        let key = "n\(index)"
        var classes = [node.type.rawValue]
        if node.isCurrent { classes.append("current") }
        if focus { classes.append("focus") }
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
