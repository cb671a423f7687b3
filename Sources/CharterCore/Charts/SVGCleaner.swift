import CharterTemplates
import Foundation

/// Turns Graphviz's SVG into SVG fit to be inlined in a page: no XML prolog, doctype, comments or DOT names; no fixed
/// size (the viewBox stays, so it scales to the column); none of Graphviz's colours or fonts (classes instead, styled by
/// the stylesheet); plain `href` links with an accessible name and the summary as tooltip; a `<title>` and `<desc>`
/// for the whole chart, which is a `group` (not an `img`, whose children assistive technology would not see).
///
/// Graphviz's SVG is regular (one element per line, attributes double-quoted and escaped), so a tag-by-tag pass is
/// enough; no XML parser is needed.
struct SVGCleaner {
    /// How many CSS pixels one unit of the viewBox may take at most: the chart's natural size, never larger.
    static let pixelsPerUnit = 1.5
    /// How many CSS pixels one unit takes at least on a page (`--readable`, which the stylesheet makes the chart's
    /// smallest width): at this scale a box's title is about 9 px high. A narrower column scrolls the chart in its frame
    /// (and the page's script can zoom it out) rather than shrinking the text past reading.
    static let readablePixelsPerUnit = 1.0
    /// Text is drawn at this share of the size it was laid out at. Graphviz measures text with Arial's metrics; the
    /// site's fonts run wider (DejaVu Sans Bold by about a quarter), and left-aligned text then only ends short of
    /// the box's right edge instead of running over it.
    static let textScale = 0.76

    let chart: Chart
    let links: [String: DOTGraph.Link]
    /// For an SVG file of its own: a stylesheet to embed, and a fixed natural size instead of a largest one.
    var standaloneStyle: String? = nil

    var titleID: String { "chart-\(chart.key)-title" }
    var descriptionID: String { "chart-\(chart.key)-desc" }

    func clean(_ svg: String) -> String {
        // Bytes, not Characters: the markup is ASCII, and this runs once per chart on every build.
        let bytes = Array(svg.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        var skippingTitle = false
        var linkKey: String?
        var inGraph = false
        var droppedBackground = false
        var shapeMarked = true  // whether the current node's outline already has its class
        var inEdge = false
        func emit(_ text: String) { out.append(contentsOf: text.utf8) }
        while position < bytes.count {
            guard let open = Self.find(Array("<".utf8), in: bytes, from: position) else {
                if !skippingTitle { Self.appendText(bytes[position...], to: &out) }
                break
            }
            if !skippingTitle { Self.appendText(bytes[position..<open], to: &out) }
            if bytes[open...].starts(with: "<!--".utf8) {
                position = Self.find(Array("-->".utf8), in: bytes, from: open).map { $0 + 3 } ?? bytes.count
                continue
            }
            guard let close = Self.find(Array(">".utf8), in: bytes, from: open) else { break }
            let tag = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
            position = close + 1
            if tag.hasPrefix("?") || tag.hasPrefix("!") { continue }
            if tag.hasPrefix("/") {
                if tag == "/title", skippingTitle { skippingTitle = false; continue }
                if !skippingTitle { emit("<\(tag)>") }
                continue
            }
            if skippingTitle { continue }
            var element = SVGTag(tag)
            switch element.name {
            case "svg":
                emit(rootTag(element))
                emit("\n<title id=\"\(titleID)\">\(HTML.escape(chart.title))</title>")
                emit("\n<desc id=\"\(descriptionID)\">\(HTML.escape(chart.summary))</desc>")
                if let standaloneStyle { emit("\n<style>\n\(standaloneStyle)</style>") }
                continue
            case "title":
                // Graphviz titles every graph, node and edge with its DOT name: noise for readers, and tooltips for no one.
                skippingTitle = !element.selfClosing
                continue
            case "g":
                if let id = element["id"], id.hasPrefix("a_") { linkKey = String(id.dropFirst(2)) }
                element["id"] = nil
                let classes = element["class"] ?? ""
                if classes == "graph" { inGraph = true }
                if classes.hasPrefix("node") || classes.hasPrefix("cluster") { shapeMarked = false }
                if classes.hasPrefix("node") || classes.hasPrefix("cluster") || classes.hasPrefix("edge") {
                    inEdge = classes.hasPrefix("edge")
                }
                if classes.hasPrefix("edge") { element["aria-hidden"] = "true" }
            case "a":
                emit(anchorTag(element, key: linkKey))
                linkKey = nil
                continue
            case "polygon", "path", "ellipse", "polyline":
                if inGraph, !droppedBackground, element.name == "polygon", element["stroke"] == "transparent" {
                    droppedBackground = true  // the white page behind the graph
                    continue
                }
                droppedBackground = true
                if !shapeMarked, ChartPalette.classes[element["fill"]?.lowercased() ?? ""] == nil {
                    element.addClass("shape")
                    shapeMarked = true
                }
            default: break
            }
            emit("<" + restyled(element, inEdge: inEdge).serialized + ">")
        }
        // Dropped elements leave empty lines behind.
        let lines = out.split(separator: UInt8(ascii: "\n")).filter { !$0.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 } }
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n") + "\n"
    }

    /// The first position of `needle` in `bytes` at or after `start`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first else { return start }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Text between tags, with Graphviz's `&#45;` for every hyphen written as the hyphen it is.
    static func appendText(_ text: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == UInt8(ascii: "&"), text[index...].starts(with: "&#45;".utf8) {
                out.append(UInt8(ascii: "-"))
                index += 5
            } else {
                out.append(text[index])
                index += 1
            }
        }
    }

    /// The root element: viewBox kept (with whole numbers where they are whole), fixed size dropped, names for assistive
    /// technology, and the natural size as the largest it will be drawn.
    func rootTag(_ element: SVGTag) -> String {
        let box = (element["viewBox"] ?? "0 0 0 0").split(separator: " ").map { Self.number(String($0)) }
        let width = box.count == 4 ? Double(box[2]) ?? 0 : 0
        let height = box.count == 4 ? Double(box[3]) ?? 0 : 0
        let size = standaloneStyle == nil
            ? "style=\"max-width: \(Int((width * Self.pixelsPerUnit).rounded()))px; --readable: \(Int((width * Self.readablePixelsPerUnit).rounded()))px\""
            : "width=\"\(Int((width * Self.pixelsPerUnit).rounded()))\" height=\"\(Int((height * Self.pixelsPerUnit).rounded()))\""
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"\(box.joined(separator: " "))\" class=\"chart-svg\" "
            + "role=\"group\" aria-labelledby=\"\(titleID)\" aria-describedby=\"\(descriptionID)\" fill=\"currentColor\" \(size)>"
    }

    /// A link: a plain `href`, the accessible name as `aria-label`, the summary as the tooltip (`<title>`).
    func anchorTag(_ element: SVGTag, key: String?) -> String {
        let href = element["xlink:href"] ?? element["href"] ?? ""
        let link = key.flatMap { links[$0] }
        let name = link?.name ?? Self.unescape(element["xlink:title"] ?? "")
        let current = link?.isCurrentPage == true ? " aria-current=\"page\"" : ""
        var tag = "<a href=\"\(href)\" aria-label=\"\(HTML.escape(name))\"\(current)>"
        if let tooltip = link?.tooltip { tag += "<title>\(HTML.escape(tooltip))</title>" }
        return tag
    }

    /// Graphviz's colours go: the marker colours become classes, and the rest become line art in the text's colour
    /// (`none` and `currentColor`, which any rule of the stylesheet overrides), so that a chart read without the
    /// stylesheet (a feed reader, a PDF engine that does not style inline SVG) still shows outlined boxes and lines
    /// rather than black ones. Dashes stay for the same reason. Fonts go: the page's font is used.
    func restyled(_ element: SVGTag, inEdge: Bool) -> SVGTag {
        var element = element
        if let marker = [element["fill"], element["stroke"]].compactMap({ $0.flatMap { ChartPalette.classes[$0.lowercased()] } }).first {
            element.addClass(marker)
        }
        if element.name == "text" {
            element["fill"] = nil  // inherits the root's currentColor
            element["stroke"] = nil
        } else if element["fill"] != nil || element["stroke"] != nil {
            let filled = element["fill"].map { $0 != "none" && $0 != "transparent" } ?? false
            let stroked = element["stroke"].map { $0 != "none" && $0 != "transparent" } ?? false
            element["fill"] = filled && inEdge ? "currentColor" : "none"  // arrowheads are solid, boxes are not
            element["stroke"] = stroked ? "currentColor" : "none"
        }
        for name in ["font-family", "stroke-width", "stroke-opacity", "fill-opacity"] { element[name] = nil }
        for name in ["x", "y", "points", "d"] {
            if let value = element[name] { element[name] = Self.withoutZeroDecimals(value) }
        }
        if let size = element["font-size"].flatMap(Double.init) {
            element["font-size"] = Self.decimal(size * Self.textScale)
        }
        return element
    }

    /// 9.6 → "9.6", 8 → "8": at most two decimals, no trailing zeros.
    static func decimal(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// "M12.00,-3.50 14.00,-3.00" → "M12,-3.50 14,-3": Graphviz writes two decimals; whole numbers need none.
    static func withoutZeroDecimals(_ value: String) -> String {
        let bytes = Array(value.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "."), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "0"),
               bytes[index + 2] == UInt8(ascii: "0"), index + 3 == bytes.count || !(48...57).contains(bytes[index + 3]) {
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// "123.00" → "123".
    static func number(_ text: String) -> String {
        guard let value = Double(text) else { return text }
        return value == value.rounded() ? String(Int(value)) : text
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
