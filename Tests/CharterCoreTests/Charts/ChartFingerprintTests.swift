import Testing
@testable import CharterCore

/// A chart's fingerprint, the key of its drawing, is the same for the same model and differs for any other that is drawn
/// differently: a changed text, a missing value, or the same texts in other fields or other boxes.
struct ChartFingerprintTests {
    static let chart: Chart = {
        let node = Chart.Node(id: "a", type: .body, caption: "Organ · Forum", title: "Æ \"1\"", status: "draft", href: "../a/index.html",
                              tooltip: "Om A")
        var current = Chart.Node(id: "b", type: .unit, caption: "Enhed", title: "B", href: "../b/index.html", isCurrent: true)
        current.rows = [Chart.Row(label: "Leder", title: "Chef", note: nil, href: "../c/index.html", tooltip: nil)]
        return Chart(scope: .local, key: "b", title: "T", summary: "S", nodes: [node, current],
                     edges: [Chart.Edge(from: "a", to: "b", kind: .secretariat)], outline: [])
    }()

    static func fingerprint(_ chart: Chart) -> String {
        String(decoding: ChartFingerprint.bytes(of: chart), as: UTF8.self)
    }

    @Test func theSameModelGivesTheSameFingerprint() {
        let copy = Self.chart
        #expect(ChartFingerprint.bytes(of: copy) == ChartFingerprint.bytes(of: Self.chart))
    }

    @Test func theFingerprintHoldsEveryTextAndFlagOfTheModel() {
        let text = Self.fingerprint(Self.chart)
        for part in ["Organ · Forum", "Æ \"1\"", "draft", "../a/index.html", "Om A", "Enhed", "Leder", "Chef", "../c/index.html",
                     "secretariat", "local", "body", "unit"] {
            #expect(text.contains(part), "\(part)")
        }
        #expect(text.contains("isCurrent=T"))
        #expect(text.contains("note=~"))
    }

    @Test func everyStoredPropertyButTheOutlineIsWritten() {
        var chart = Self.chart
        chart.groups = [Chart.Group(id: "g", title: "G", parent: "b", rows: [["a"]])]
        chart.below = [Chart.Placement(upper: "b", lower: "a")]
        let text = Self.fingerprint(chart)
        let parts: [Any] = [chart, chart.nodes[1], chart.nodes[1].rows[0], chart.edges[0], chart.groups[0], chart.below[0]]
        for part in parts {
            for label in Mirror(reflecting: part).children.compactMap(\.label) where label != "outline" {
                #expect(text.contains("\(label)="), "\(type(of: part)).\(label) is not in the fingerprint")
            }
        }
        #expect(!text.contains("outline="))
    }

    @Test func theOutlineIsNotPartOfTheDrawing() {
        var chart = Self.chart
        chart.outline = [Chart.OutlineItem(title: "A")]
        #expect(ChartFingerprint.bytes(of: chart) == ChartFingerprint.bytes(of: Self.chart))
    }

    @Test func anyChangeToTheModelChangesTheFingerprint() {
        let original = ChartFingerprint.bytes(of: Self.chart)
        var changes: [(String, (inout Chart) -> Void)] = [
            ("a title", { $0.nodes[0].title += "!" }),
            ("a missing tooltip", { $0.nodes[0].tooltip = nil }),
            ("a tooltip given", { $0.nodes[1].rows[0].tooltip = "Chef" }),
            ("a flag", { $0.nodes[1].isCurrent = false }),
            ("a band placed below", { $0.below = [Chart.Placement(upper: "a", lower: "b")] }),
            ("the order of the boxes", { $0.nodes.reverse() }),
            ("a kind of line", { $0.edges[0].kind = .reports }),
            ("an extra row", { $0.nodes[1].rows.append($0.nodes[1].rows[0]) }),
            ("a group", { $0.groups = [Chart.Group(id: "g", rows: [["a"]])] }),
            ("a group's parent", { $0.groups = [Chart.Group(id: "g", parent: "b", rows: [["a"]])] }),
            ("a group's rows", { $0.groups = [Chart.Group(id: "g", rows: [["a"], ["b"]])] }),
        ]
        // The same texts in other fields: a title and a caption swapped, and a text moved from one box to the next.
        changes.append(("texts swapped between fields", { chart in
            (chart.nodes[0].title, chart.nodes[0].caption) = (chart.nodes[0].caption, chart.nodes[0].title)
        }))
        changes.append(("a row moved to another box", { chart in
            chart.nodes[0].rows = chart.nodes[1].rows
            chart.nodes[1].rows = []
        }))
        var seen: Set<[UInt8]> = [original]
        for (name, change) in changes {
            var chart = Self.chart
            change(&chart)
            let fingerprint = ChartFingerprint.bytes(of: chart)
            #expect(fingerprint != original, "\(name)")
            #expect(seen.insert(fingerprint).inserted, "\(name)")
        }
    }

    @Test func textsThatContainTheMarksCannotImitateAnotherModel() {
        var a = Self.chart
        var b = Self.chart
        // Without lengths, `title` "x" followed by caption `;"y` could read like other splits of the same bytes.
        a.nodes[0].title = "x\"1;\"y"
        a.nodes[0].caption = ""
        b.nodes[0].title = "x"
        b.nodes[0].caption = "1;\"y"
        #expect(ChartFingerprint.bytes(of: a) != ChartFingerprint.bytes(of: b))
    }
}
