/// The model as CSV tables for spreadsheets: one table per type of entity that governs (bodies, units, roles, people,
/// projects) and one of the seats at the bodies' tables (memberships).
///
/// Each table is RFC 4180: a header row, CRLF line ends, and a field quoted when it holds a comma, a double quote, CR
/// or LF, with its double quotes doubled. It starts with a UTF-8 byte order mark, so that spreadsheet programs read
/// the Danish letters as UTF-8 instead of guessing a legacy code page. References are written as ids, several values
/// in one cell joined by "; ", dates as `YYYY-MM-DD`, and each entity's page as its absolute URL when the site has an
/// http(s) base URL, else as its path in the site.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe (`'=SUM(A1)`):
/// spreadsheet programs would otherwise run it as a formula (CSV injection), and content is written by many hands.
/// The apostrophe is shown as a character by a reader that parses the file rather than opening it in a spreadsheet.
///
/// ```swift
/// for table in CSVTables.tables(site: site) { write(table.text, to: "data/" + table.name) }
/// ```
enum CSVTables {
    /// The tables of `site`, in a fixed order: `bodies.csv`, `units.csv`, `roles.csv`, `people.csv`,
    /// `memberships.csv`, `projects.csv`.
    ///
    /// - Parameter site: the checked model.
    /// - Returns: each table's file name and text (byte order mark, header row, one row per entity or seat).
    static func tables(site: Site) -> [(name: String, text: String)] {
        [
            ("bodies.csv", table(site.entities(of: .body), bodyColumns(site))),
            ("units.csv", table(site.entities(of: .unit), unitColumns(site))),
            ("roles.csv", table(site.entities(of: .role), roleColumns(site))),
            ("people.csv", table(site.entities(of: .person), personColumns(site))),
            ("memberships.csv", text(header: membershipHeader, rows: memberships(site))),
            ("projects.csv", table(site.entities(of: .project), projectColumns(site))),
        ]
    }

    /// A column of an entity table: its header and how an entity's cell reads.
    private typealias Column = (name: String, value: (Entity) -> String)

    /// Bodies with their references as written (the current value of a dated `reports_to`).
    private static func bodyColumns(_ site: Site) -> [Column] {
        fields("id", "title", "short", "kind") + [kindLabel(site)]
            + fields("status", "reports_to", "chair", "chair_title", "secretariat", "meets", "established", "ends", "replaces", "replaced_by")
            + [("terms_status", { $0.terms?.status ?? "" })] + closing(site)
    }

    /// Units with their sites joined by "; ".
    private static func unitColumns(_ site: Site) -> [Column] {
        fields("id", "title", "short", "kind") + [kindLabel(site)]
            + fields("status", "parent", "head", "sites", "established", "ends", "replaced_by") + closing(site)
    }

    /// Roles with their holders both ways round: `held_by` as written, `holders` as derived (the role's `held_by` and
    /// every person who lists the role).
    private static func roleColumns(_ site: Site) -> [Column] {
        fields("id", "title", "status", "unit", "held_by") + [("holders", { list(site.relations.holders[$0.id, default: []]) })]
            + closing(site)
    }

    /// People with every role they hold, whether the person lists it or the role names the person.
    private static func personColumns(_ site: Site) -> [Column] {
        fields("id", "title", "status") + [("roles", { list(site.relations.rolesOfPerson[$0.id, default: []]) })] + closing(site)
    }

    /// Projects with the units taking part joined by "; ".
    private static func projectColumns(_ site: Site) -> [Column] {
        fields("id", "title", "status", "owner", "units", "start", "in_operation_by") + closing(site)
    }

    /// The columns every entity table ends with.
    private static func closing(_ site: Site) -> [Column] {
        let addresses = OpenData.Addresses(site: site)
        return fields("summary", "updated") + [("url", { url(of: $0.id, addresses) })]
    }

    /// The label of a body's or unit's kind in the site's words.
    private static func kindLabel(_ site: Site) -> Column {
        ("kind_label", { site.kindLabel(of: $0) ?? "" })
    }

    /// A column per front-matter key (`EntityFields`), named after it, its cell the field's value as text.
    private static func fields(_ keys: String...) -> [Column] {
        keys.map { key in
            let field = EntityFields.field(key)!
            return (key, { cell($0.value(of: field)) })
        }
    }

    /// A field's value in one cell: references as ids, several values joined by "; ", dates as `YYYY-MM-DD`.
    private static func cell(_ value: EntityField.Value) -> String {
        switch value {
        case .text(let text): text ?? ""
        case .integer(let integer): integer.map(String.init) ?? ""
        case .day(let day): day?.description ?? ""
        case .dateOrText(let value): dateOrText(value)
        case .texts(let texts): list(texts)
        case .markdownList(let texts): list(texts.map(\.text))
        case .reference(let reference): id(reference)
        case .references(let references): list(references.map(\.id))
        case .members, .terms, .agenda, .decisions, .phases: preconditionFailure("a structured field has no cell of its own")
        }
    }

    /// The header of `memberships.csv`: `role` is `chair` or `member`, `member_type` the member's entity type.
    static let membershipHeader = ["body_id", "body_title", "member_id", "member_title", "member_type", "role", "label", "from", "until"]

    /// One row per seat at a body's table: its chair, then each member as written, with the seat's label and period.
    private static func memberships(_ site: Site) -> [[String]] {
        var rows: [[String]] = []
        for body in site.entities(of: .body) {
            func row(_ member: String, role: String, label: String?, period: Period) -> [String] {
                [body.id, body.title, member, site[member]?.title ?? "", site[member]?.type.rawValue ?? "", role, label ?? "",
                 dateOrText(period.from), dateOrText(period.until)]
            }
            if let chair = body.chair { rows.append(row(chair.id, role: "chair", label: nil, period: Period())) }
            for member in body.memberHistory.isEmpty ? body.members : body.memberHistory {
                rows.append(row(member.reference.id, role: "member", label: member.label, period: member.period))
            }
        }
        return rows
    }

    /// A table with one row per entity.
    private static func table(_ entities: [Entity], _ columns: [Column]) -> String {
        text(header: columns.map(\.name), rows: entities.map { entity in columns.map { $0.value(entity) } })
    }

    /// The text of a table: byte order mark, header, rows, each line ended by CRLF.
    static func text(header: [String], rows: [[String]]) -> String {
        var text = "\u{FEFF}"
        for row in [header] + rows {
            text += row.map(field).joined(separator: ",")
            text += "\r\n"
        }
        return text
    }

    /// One cell as a CSV field: guarded against being run as a formula, then quoted if it must be.
    static func field(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, formulaStarts.contains(first) { cell = "'" + cell }
        guard cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }) else {
            return cell
        }
        var quoted = "\""
        for scalar in cell.unicodeScalars {
            if scalar == "\"" { quoted += "\"" }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    /// The first characters that make a spreadsheet read a cell as a formula.
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The page's absolute URL when the site has an http(s) base URL, else its path in the site.
    private static func url(of id: String, _ addresses: OpenData.Addresses) -> String {
        let address = addresses.address(of: id)
        return address.url ?? address.path
    }

    /// The id referred to, or an empty cell.
    private static func id(_ reference: Reference?) -> String {
        reference?.id ?? ""
    }

    /// Several values in one cell.
    private static func list(_ values: [String]) -> String {
        values.joined(separator: "; ")
    }

    /// A date as `YYYY-MM-DD`, a described point in time as its text, or an empty cell.
    private static func dateOrText(_ value: DateOrText?) -> String {
        switch value {
        case .date(let day): day.description
        case .text(let text): text
        case nil: ""
        }
    }
}
