/// The stylesheet embedded in an SVG file of its own (`charter graph --format svg`): the chart rules of the default
/// theme's `style.css`, with its light colours written out, since such a file has no page around it.
enum ChartStyle {
    static let standalone = """
    .chart-svg { font-family: "Segoe UI", system-ui, -apple-system, "Noto Sans", "DejaVu Sans", sans-serif; }
    .chart-svg text { fill: #1d2329; }
    .chart-svg .caption { fill: #56606b; }
    .chart-svg .status { fill: #8a5a00; font-weight: 600; }
    .chart-svg .node .shape { fill: #f4f6f8; stroke: #9aa5b1; }
    .chart-svg .node.unit .shape { fill: #ffffff; stroke: #56606b; }
    .chart-svg .node.current .shape { stroke: #0b5c8a; stroke-width: 2; }
    .chart-svg .head { fill: #e3ebf2; }
    .chart-svg .node.current a text:not(.caption):not(.status) { fill: #0b5c8a; }
    .chart-svg .node.draft .shape, .chart-svg .node.planned .shape { stroke: #b7791f; stroke-dasharray: 4 3; }
    .chart-svg .node.dissolved .shape { stroke: #6b7280; stroke-dasharray: 2 3; fill: none; }
    .chart-svg .node.dissolved text, .chart-svg .node.dissolved .status { fill: #6b7280; }
    .chart-svg .edge path { fill: none; stroke: #56606b; stroke-width: 1.2; }
    .chart-svg .edge polygon { fill: #56606b; stroke: #56606b; }
    .chart-svg .edge.secretariat path { stroke: #0b5c8a; stroke-dasharray: 5 3; }
    .chart-svg .edge.secretariat polygon { fill: #0b5c8a; stroke: #0b5c8a; }
    .chart-svg .edge.replaced path { stroke-dasharray: 1.5 3; }
    .chart-svg .cluster .shape { fill: none; stroke: #d5dbe1; }
    .chart-svg .cluster text { fill: #56606b; font-weight: 600; }
    .chart-svg a:hover .shape, .chart-svg a:focus .shape { stroke: #0b5c8a; stroke-width: 2.5; }

    """
}
