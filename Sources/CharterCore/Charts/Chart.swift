/// An organisation chart before layout: boxes, lines between them, the words that describe it, and the same
/// structure as an outline for the list beside the picture.
///
/// Charts are computed from the model by `OrganisationChart` and `LocalChart`, written as DOT by `DOTWriter`, and
/// drawn by `ChartRenderer`. Every link in a chart is already relative to the page the chart is shown on.
struct Chart: Sendable, Hashable {
    /// What the chart shows.
    package enum Scope: String, Sendable, Hashable {
        /// Every unit and body of the site.
        case organisation
        /// One body or unit with its neighbours.
        case local
    }

    var scope: Scope
    /// A short name used in element ids (`organisation` or the entity's id).
    var key: String
    /// The accessible title (`<title>` of the SVG).
    var title: String
    /// What the chart shows, in a sentence or two (`<desc>` of the SVG).
    var summary: String
    /// Boxes, in the order they are written (site order).
    var nodes: [Node]
    /// Lines between boxes, in a stable order.
    var edges: [Edge]
    /// Boxes set in rows inside a frame: a level too wide for one row, or the boxes no line places.
    var groups: [Group] = []
    /// Boxes to place side by side (node ids), e.g. a body and its secretariat.
    var sameRank: [[String]] = []
    /// Boxes to draw lower than others though no line joins them: the bands of the whole-organisation chart (units,
    /// then bodies, then the boxes without lines), each below the deepest box of the one before.
    var below: [Placement] = []
    /// The box a reader's view starts on when the chart is wider than its frame: the top of the largest hierarchy
    /// (the current box of a local chart is marked as such).
    var focus: String? = nil
    /// The same structure as a nested list.
    var outline: [OutlineItem]

    /// One box: an entity, or, for the chart's own entity, a table with a linked row per chair, member and head.
    struct Node: Sendable, Hashable {
        /// The entity's id, also the node's name in DOT.
        var id: String
        var type: EntityType
        /// The small line above the title: "Organ · Forum".
        var caption: String
        var title: String
        /// The status when it is to be marked (draft, planned, dissolved); nil for active.
        var status: String?
        /// The status's label in the site's language, when it is marked.
        var statusLabel: String?
        var href: String
        var tooltip: String?
        /// The entity whose page the chart is on.
        var isCurrent = false
        /// Linked rows under the title (only on the current entity of a local chart).
        var rows: [Row] = []
    }

    /// One row of the current entity's table: a seat or role with its own link.
    struct Row: Sendable, Hashable {
        /// What the row is: "Mødeleder", "Medlem", "Leder", "Rolle".
        var label: String
        /// The label as the heading of several rows with the same label ("Medlemmer"); nil to keep `label`.
        var groupLabel: String?
        var title: String
        /// A seat's own label (`as:`), shown after the title.
        var note: String?
        var href: String?
        var tooltip: String?
    }

    /// The kinds of line, each drawn in its own style.
    enum EdgeKind: String, Sendable, Hashable, CaseIterable {
        /// A body reports to another (`reports_to`), or a unit lies under another (`parent`): a solid line.
        case reports
        /// A unit is the secretariat of a body: a dashed line.
        case secretariat
        /// A body was replaced by another (`replaced_by` / `replaces`): a dotted line with an arrow to the successor.
        case replaced

        /// The translation key of the legend's words for the line.
        var legend: Phrase {
            switch self {
            case .reports: .legendReports
            case .secretariat: .legendSecretariat
            case .replaced: .legendReplaced
            }
        }
    }

    /// A line from the upper (or earlier) entity to the lower (or later) one.
    struct Edge: Sendable, Hashable {
        var from: String
        var to: String
        var kind: EdgeKind
    }

    /// Boxes set in rows inside a frame. With a `parent`, they are the children of one box, too many for one row
    /// (`WideLevels`), and one line joins the parent to the frame instead of a line to each; without one, they are the
    /// boxes that no line places, under the group's `title`.
    struct Group: Sendable, Hashable {
        /// A name for the frame, unique in the chart.
        var id: String
        /// The heading on the frame, if any.
        var title: String?
        /// The box the group's boxes report to, if they all do.
        var parent: String?
        /// Node ids, row by row from the top, each row from the left.
        var rows: [[String]]

        /// Every box of the group.
        var members: [String] { rows.flatMap { $0 } }
    }

    /// `lower` is drawn at least one level below `upper`.
    struct Placement: Sendable, Hashable {
        var upper: String
        var lower: String
    }

    /// One item of the list version: an entity (linked) or a heading for the items under it.
    struct OutlineItem: Sendable, Hashable {
        /// The relation to the item above ("Mødeleder", "Sekretariat"), if any.
        var relation: String?
        var title: String
        var href: String?
        /// Type, kind and status, in words: "Organ · Forum · Udkast".
        var note: String?
        var isCurrent = false
        var children: [OutlineItem] = []
    }

    /// The boxes set in a frame under their parent, by the parent's id: one line joins the parent to the frame instead
    /// of its `reports` line to each of them.
    var wrappedChildren: [String: Set<String>] {
        Dictionary(groups.compactMap { group in group.parent.map { ($0, Set(group.members)) } }, uniquingKeysWith: { $0.union($1) })
    }

    /// The kinds of line the chart uses, in legend order.
    var edgeKinds: [EdgeKind] {
        EdgeKind.allCases.filter { kind in edges.contains { $0.kind == kind } }
    }

    /// The statuses marked in the chart, in legend order.
    var markedStatuses: [String] {
        ["draft", "planned", "dissolved"].filter { status in nodes.contains { $0.status == status } }
    }
}
