/// Every front-matter key an entity may have, each declared once (`EntityField`), in the order the reader reads them
/// and `Entity.references` lists them: the keys common to every type, then a body's, a unit's, a role's, a person's, a
/// project's and a page's (a key two types share stands with the first).
enum EntityFields {
    static let all: [EntityField] = common + body + unit + role + person + project + page

    private static let every = Set(EntityType.allCases)

    /// The keys of every type; `type`, `id` and `title` are read before the entity exists (`EntityReader`).
    private static let common: [EntityField] = [
        EntityField(key: "type", types: every, shape: .text, read: nil, value: { .text($0.type.rawValue) }),
        EntityField(key: "id", types: every, shape: .text, read: nil, value: { .text($0.id) }),
        EntityField(key: "title", types: every, shape: .text, read: nil, value: { .text($0.title) }),
        .text("summary", \.summary, of: every),
        EntityField(key: "status", types: every, shape: .text, label: .fieldStatus, read: { fields, values, diagnostics in
            values.status = fields.string("status", &diagnostics)
            if let status = values.status, !EntitySchema.statuses(for: values.type).contains(status) {
                diagnostics.error("unknown status '\(status)' for a \(values.type.rawValue); use one of \(EntitySchema.statuses(for: values.type).joined(separator: ", "))",
                                  at: fields.location(of: fields.node("status")!))
            }
        }, value: { .text($0.status) }),
        .day("updated", \.updated, of: every, label: .fieldUpdated),
    ]

    private static let body: [EntityField] = [
        EntityField(key: "short", types: [.body, .unit], shape: .text, read: { fields, values, diagnostics in
            values.short = fields.string("short", &diagnostics)
            values.shortLocation = fields.node("short").map(fields.textLocation(of:))
        }, value: { .text($0.short) }),
        EntityField(key: "kind", types: [.body, .unit], shape: .text, label: .fieldKind, read: { fields, values, diagnostics in
            values.kind = fields.string("kind", &diagnostics)
            values.kindLocation = fields.node("kind").map(fields.location(of:))
        }, value: { .text($0.kind) }),
        // A body reports to another body, or sits under a unit (a hospital's leadership meeting).
        .datedReference("reports_to", \.reportsTo, of: [.body], to: [.body, .unit], label: .fieldReportsTo, via: .viaReportsTo),
        .reference("chair", \.chair, of: [.body], to: [.role, .person], label: .fieldChair, via: .viaChair),
        .text("chair_title", \.chairTitle, of: [.body]),
        EntityField(key: "members", types: [.body], shape: .members, targets: [.role, .person, .unit, .body], via: .viaMembers,
                    read: { fields, values, diagnostics in
            values.members = fields.list("members", &diagnostics).compactMap { EntityReader.member(from: $0, fields, &diagnostics) }
            values.memberHistory = values.members
        }, value: { .members($0.members) }),
        .reference("secretariat", \.secretariat, of: [.body], to: [.unit], label: .fieldSecretariat, via: .viaSecretariat),
        .text("meets", \.meets, of: [.body], label: .fieldMeets),
        .dateOrText("established", \.established, of: [.body, .unit], label: .fieldEstablished),
        .dateOrText("ends", \.ends, of: [.body, .unit], label: .fieldEnds),
        // A body by a body, a unit by a unit (a merger: several units replaced by one); `ChronologyChecker` checks the pair.
        .referenceOrList("replaces", \.replaces, of: [.body], to: [.body, .unit], label: .fieldReplaces, via: .viaReplaces),
        .reference("replaced_by", \.replacedBy, of: [.body, .unit], to: [.body, .unit], label: .fieldReplacedBy, via: .viaReplacedBy),
        // Its targets are those of `terms.approved_by`, the one reference inside it.
        EntityField(key: "terms", types: [.body], shape: .terms, targets: [.body], via: .viaTermsApprovedBy,
                    read: { fields, values, diagnostics in
            if let node = fields.node("terms"), !fields.isNull(node) { values.terms = EntityReader.terms(from: node, fields, &diagnostics) }
        }, value: { .terms($0.terms) }),
        .list("agenda", .agenda, \.agenda, of: [.body], item: { node, fields, _, diagnostics in
            EntityReader.agendaItem(from: node, fields, &diagnostics)
        }, value: { .agenda($0) }),
        .list("decisions", .decisions, \.decisions, of: [.body], item: { node, fields, _, diagnostics in
            EntityReader.decision(from: node, fields, &diagnostics)
        }, value: { .decisions($0) }),
    ]

    private static let unit: [EntityField] = [
        .datedReference("parent", \.parent, of: [.unit], to: [.unit], label: .fieldParent, via: .viaParent),
        .reference("head", \.head, of: [.unit], to: [.role], label: .fieldHead, via: .viaHead),
        .texts("sites", \.sites, of: [.unit], label: .fieldSites),
    ]

    private static let role: [EntityField] = [
        .reference("unit", \.unit, of: [.role], to: [.unit], label: .fieldUnit, via: .viaUnit),
        .datedReference("held_by", \.heldBy, of: [.role], to: [.person], label: .fieldHeldBy, via: .viaHeldBy),
        .markdownList("responsibilities", \.responsibilities, of: [.role]),
    ]

    private static let person: [EntityField] = [
        .references("roles", \.roles, of: [.person], to: [.role], via: .viaRoles),
    ]

    private static let project: [EntityField] = [
        .reference("owner", \.owner, of: [.project], to: [.body], label: .fieldOwner, via: .viaOwner),
        .references("units", \.units, of: [.project], to: [.unit], via: .viaUnits),
        .dateOrText("start", \.start, of: [.project], label: .fieldStart),
        .dateOrText("in_operation_by", \.inOperationBy, of: [.project], label: .fieldInOperationBy),
        .markdownList("goals", \.goals, of: [.project]),
        .list("phases", .phases, \.phases, of: [.project], item: { node, fields, values, diagnostics in
            EntityReader.phase(from: node, type: values.type, fields, &diagnostics)
        }, value: { .phases($0) }),
    ]

    private static let page: [EntityField] = [
        .integer("order", \.order, of: [.page]),
    ]

    /// The fields a type allows, in table order.
    static func fields(of type: EntityType) -> [EntityField] {
        byType[type]!
    }

    /// The field of a front-matter key; nil for a key no type allows.
    static func field(_ key: String) -> EntityField? {
        byKey[key]
    }

    /// The field a reference stands in, by the name `Entity.references` gives it: a key, or a key and the key inside
    /// it (`terms.approved_by` stands in `terms`).
    static func field(ofReference name: String) -> EntityField? {
        byKey[name] ?? name.firstIndex(of: ".").flatMap { byKey[String(name[..<$0])] }
    }

    private static let byType: [EntityType: [EntityField]] = Dictionary(uniqueKeysWithValues: EntityType.allCases.map { type in
        (type, all.filter { $0.types.contains(type) })
    })

    private static let byKey: [String: EntityField] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })
}
