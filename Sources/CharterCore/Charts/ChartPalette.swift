/// The colours written into DOT, and the CSS classes the inline SVG gets instead.
///
/// The DOT that `charter graph --format dot` prints is meant to look right in any Graphviz, so it carries colours.
/// In the site, colours come from the stylesheet: `SVGCleaner` removes every colour Graphviz writes and turns the few
/// marker colours below into classes (Graphviz cannot put a class on a part of an HTML-like label).
enum ChartPalette {
    /// Small explanatory text: type and kind, row labels, a seat's label.
    static let caption = "#56606b"
    /// The status line of a draft, planned or dissolved entity.
    static let status = "#8a5a00"
    /// The title cell of the chart's own entity.
    static let head = "#e3ebf2"

    /// Box fill and border, line colour, and the grey of dissolved entities (DOT only).
    static let fill = "#f4f6f8"
    static let border = "#9aa5b1"
    static let line = "#4a545e"
    static let off = "#8b939c"

    /// The class that replaces each marker colour in the SVG.
    static let classes: [String: String] = [caption: "caption", status: "status", head: "head"]
}
