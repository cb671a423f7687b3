/// A chart model written out as text, to key its drawing by: two charts with the same fingerprint give the same DOT
/// and the same cleaned SVG. Making it costs a fraction of writing the DOT, so a build that finds its charts in the
/// cache writes no DOT at all.
///
/// Every field that the drawing depends on is written with its name, every string with its length first, a missing
/// value as a mark of its own, and every list element and part between brackets: different models never give the same
/// text. The outline is left out: it is drawn as a list in the page, not in the chart. `ChartFingerprintTests` checks
/// that every other stored property of `Chart` and its parts is written.
///
/// What the drawing is made *by* is not in the fingerprint: a change to `DOTWriter`, `SVGCleaner` or the chart styles
/// needs a new `ChartCacheFile.format`, so that drawings kept from an earlier version are not reused.
struct ChartFingerprint {
    private(set) var bytes: [UInt8] = []

    /// The fingerprint of `chart`, as UTF-8.
    static func bytes(of chart: Chart) -> [UInt8] {
        var writer = ChartFingerprint()
        writer.bytes.reserveCapacity(512 + 256 * chart.nodes.count)
        writer.write(chart)
        return writer.bytes
    }

    private mutating func write(_ chart: Chart) {
        field("scope", chart.scope.rawValue)
        field("key", chart.key)
        field("title", chart.title)
        field("summary", chart.summary)
        list("nodes", chart.nodes) { writer, node in writer.write(node) }
        list("edges", chart.edges) { writer, edge in
            writer.field("from", edge.from)
            writer.field("to", edge.to)
            writer.field("kind", edge.kind.rawValue)
        }
        list("groups", chart.groups) { writer, group in
            writer.field("id", group.id)
            writer.field("title", group.title)
            writer.field("parent", group.parent)
            writer.list("rows", group.rows) { writer, ids in writer.list("ids", ids) { $0.string($1) } }
        }
        list("sameRank", chart.sameRank) { writer, ids in writer.list("ids", ids) { $0.string($1) } }
        field("focus", chart.focus)
        list("below", chart.below) { writer, placement in
            writer.field("upper", placement.upper)
            writer.field("lower", placement.lower)
        }
    }

    private mutating func write(_ node: Chart.Node) {
        field("id", node.id)
        field("type", node.type.rawValue)
        field("caption", node.caption)
        field("title", node.title)
        field("status", node.status)
        field("statusLabel", node.statusLabel)
        field("href", node.href)
        field("tooltip", node.tooltip)
        field("isCurrent", node.isCurrent)
        list("rows", node.rows) { writer, row in
            writer.field("label", row.label)
            writer.field("groupLabel", row.groupLabel)
            writer.field("title", row.title)
            writer.field("note", row.note)
            writer.field("href", row.href)
            writer.field("tooltip", row.tooltip)
        }
    }

    private mutating func name(_ name: StaticString) {
        bytes.append(name)
        bytes.append(UInt8(ascii: "="))
    }

    private mutating func field(_ key: StaticString, _ value: String) {
        name(key)
        string(value)
    }

    private mutating func field(_ key: StaticString, _ value: String?) {
        name(key)
        if let value { string(value) } else { bytes.append(UInt8(ascii: "~")) }
    }

    private mutating func field(_ key: StaticString, _ value: Bool) {
        name(key)
        bytes.append(value ? UInt8(ascii: "T") : UInt8(ascii: "F"))
    }

    private mutating func list<Element>(_ key: StaticString, _ elements: [Element], _ write: (inout ChartFingerprint, Element) -> Void) {
        name(key)
        bytes.append(UInt8(ascii: "["))
        for element in elements {
            bytes.append(UInt8(ascii: "{"))
            write(&self, element)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// The length in bytes, a quote, and the bytes.
    private mutating func string(_ string: String) {
        bytes += String(string.utf8.count).utf8
        bytes.append(UInt8(ascii: "\""))
        bytes += string.utf8
    }
}
