/// The whole checked model as one JSON document (`model.json`), and the JSON Schema that describes it
/// (`model.schema.json`, draft 2020-12).
///
/// Every entity is written in site order with every field its type has, references as ids, its page's address, the
/// relations derived from the references and its backlinks. A value that is not given (nil, or an empty list) is left
/// out rather than written as `null`; the schema says which keys are always there. Keys are sorted and nothing else
/// varies, so the same model gives the same bytes.
///
/// ```swift
/// let json = ModelJSON.document(site: site)      // data/model.json
/// let schema = ModelJSON.schema                  // data/model.schema.json
/// ```
enum ModelJSON {
    /// The file name of the schema, as `model.json` names it in `$schema`.
    static let schemaFile = "model.schema.json"

    /// `model.json`: the site's settings and every entity, pretty-printed with sorted keys, UTF-8 unescaped.
    ///
    /// - Parameter site: the checked model.
    /// - Returns: the document's text, ending in a newline.
    static func document(site: Site) -> String {
        let addresses = OpenData.Addresses(site: site)
        let document: JSON = .object([
            "$schema": .string(schemaFile),
            "site": header(of: site.config),
            "entities": .array(site.entities.map { entity($0, in: site, addresses) }),
        ])
        return document.text(.pretty)
    }

    /// `model.schema.json`: the JSON Schema (draft 2020-12) of `document(site:)`, built from `EntitySchema` so that
    /// the types, keys and statuses it allows are those the content may have.
    static let schema: String = schemaValue.text(.pretty)

    /// The fields of a reference that changes over time (`Entity.dated`), as `model.json` writes them under `dated`.
    static let datedFields = EntityFields.all.filter { $0.shape == .datedReference }.map(\.key)

    /// The site's own settings.
    private static func header(of config: SiteConfig) -> JSON {
        .object(compacting: [
            "title": .string(config.title),
            "organisation": config.organisation.map(JSON.string),
            "language": .string(config.language),
            "description": config.description.map(JSON.string),
            "base_url": config.baseURL.isEmpty ? nil : .string(config.baseURL),
            "as_of": config.asOf.map(date),
        ])
    }

    /// One entity with its fields, page, relations and backlinks.
    private static func entity(_ entity: Entity, in site: Site, _ addresses: OpenData.Addresses) -> JSON {
        let address = addresses.address(of: entity.id)
        var object: [String: JSON?] = [:]
        for field in EntityFields.fields(of: entity.type) { object[field.key] = value(entity.value(of: field), of: field, entity) }
        object["page"] = .object(compacting: ["path": .string(address.path), "url": address.url.map(JSON.string)])
        object["kind_label"] = site.kindLabel(of: entity).map(JSON.string)
        let dated: [String: JSON?] = Dictionary(uniqueKeysWithValues: datedFields.map { field in
            (field, JSON.list(entity.dated[field, default: []].map { value in
                JSON.object(compacting: ["id": .string(value.reference.id)].merging(period(value.period)) { $1 })
            }))
        })
        object["dated"] = JSON.object(compacting: dated).nonEmpty
        object["relations"] = relations(of: entity.id, in: site)
        object["backlinks"] = .list(site.backlinks[entity.id, default: []].map { .object(["from": .string($0.from), "via": .string($0.via)]) })
        return .object(compacting: object)
    }

    /// A field's value as `model.json` writes it: references as ids, Markdown as written, nil when not given.
    private static func value(_ value: EntityField.Value, of field: EntityField, _ entity: Entity) -> JSON? {
        switch value {
        case .text(let text): text.map(JSON.string)
        case .integer(let integer): integer.map(JSON.int)
        case .day(let day): day.map(date)
        case .dateOrText(let value): value.map(dateOrText)
        case .texts(let texts): .list(texts.map(JSON.string))
        case .markdownList(let texts): .list(texts.map { .string($0.text) })
        case .reference(let reference): id(reference)
        // One id of `replaces` as a text (as before mergers), several as a list.
        case .references(let references) where field.shape == .referenceOrList && references.count == 1: id(references[0])
        case .references(let references): .list(references.map { .string($0.id) })
        // Every seat as written, whichever hold at the model's moment.
        case .members(let members): .list((entity.memberHistory.isEmpty ? members : entity.memberHistory).map(member))
        case .terms(let value): value.map(terms)
        case .agenda(let items): .list(items.map(agendaItem))
        case .decisions(let decisions): .list(decisions.map(decision))
        case .phases(let phases): .list(phases.map(phase))
        }
    }

    /// What the site derives about the entity `id` from everyone's references (`Relations`).
    private static func relations(of id: String, in site: Site) -> JSON? {
        let relations = site.relations
        func ids(_ list: [String: [String]]) -> JSON? { .list(list[id, default: []].map(JSON.string)) }
        let seats = relations.seats[id, default: []].map { seat in
            JSON.object(compacting: ["body": .string(seat.body), "role": .string(seat.role), "label": seat.label.map(JSON.string),
                                      "via": seat.via.map(JSON.string)])
        }
        return JSON.object(compacting: [
            "reporting_bodies": ids(relations.reportingBodies),
            "child_units": ids(relations.childUnits),
            "roles_in_unit": ids(relations.rolesInUnit),
            "secretariat_for": ids(relations.secretariatFor),
            "seats": .list(seats),
            "holders": ids(relations.holders),
            "roles_of_person": ids(relations.rolesOfPerson),
            "projects_owned": ids(relations.projectsOwned),
            "projects_of_unit": ids(relations.projectsOfUnit),
        ]).nonEmpty
    }

    /// A body's terms of reference, their Markdown as written.
    private static func terms(_ terms: Terms) -> JSON {
        .object(compacting: [
            "title": terms.title.map(JSON.string),
            "status": .string(terms.status),
            "version": terms.version.map(JSON.string),
            "approved": terms.approved.map(date),
            "approved_by": id(terms.approvedBy),
            "purpose": terms.purpose.map { .string($0.text) },
            "tasks": .list(terms.tasks.map { .string($0.text) }),
            "period": terms.period.map(JSON.string),
            "meets": terms.meets.map(JSON.string),
        ])
    }

    /// A seat as written: who, its label (`as`) and its period.
    private static func member(_ member: Member) -> JSON {
        .object(compacting: ["id": .string(member.reference.id), "as": member.label.map(JSON.string)].merging(period(member.period)) { $1 })
    }

    /// A project's status for a period.
    private static func phase(_ phase: Phase) -> JSON {
        .object(compacting: ["status": .string(phase.status)].merging(period(phase.period)) { $1 })
    }

    /// An item a body puts on its agenda again and again.
    private static func agendaItem(_ item: AgendaItem) -> JSON {
        .object(compacting: ["title": .string(item.title), "cadence": item.cadence.map(JSON.string),
                             "every": item.every.map(JSON.string), "from": item.from.map(date)])
    }

    /// A decision a body took.
    private static func decision(_ decision: Decision) -> JSON {
        .object(["title": .string(decision.title), "date": dateOrText(decision.date)])
    }

    /// A period's `from` and `until`, either left out when open.
    private static func period(_ period: Period) -> [String: JSON?] {
        ["from": period.from.map(dateOrText), "until": period.until.map(dateOrText)]
    }

    /// The id referred to.
    private static func id(_ reference: Reference?) -> JSON? {
        reference.map { .string($0.id) }
    }

    /// A date as `YYYY-MM-DD`.
    private static func date(_ day: Day) -> JSON {
        .string(day.description)
    }

    /// A date as `YYYY-MM-DD`, a described point in time as its text.
    static func dateOrText(_ value: DateOrText) -> JSON {
        switch value {
        case .date(let day): .string(day.description)
        case .text(let text): .string(text)
        }
    }
}

extension ModelJSON {
    /// The schema as a value: the document, the site's settings, one closed shape per entity type (its keys from
    /// `EntitySchema.allKeys(for:)`, its statuses from `EntitySchema.statuses(for:)`) and the shapes they share.
    static var schemaValue: JSON {
        var definitions: [String: JSON] = [
            "id": ["type": "string", "pattern": "^[a-z0-9-]+$", "description": "An entity's id: lowercase letters a-z, digits and '-'."],
            "ids": ["type": "array", "items": ref("id"), "minItems": 1],
            "date": ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"],
            "date_or_text": ["type": "string", "minLength": 1,
                             "description": "A date (YYYY-MM-DD), or a point in time described in words when no date is given."],
            "markdown": ["type": "string", "description": "Markdown, as written in the front matter."],
            "markdown_list": ["type": "array", "items": ref("markdown"), "minItems": 1],
            "site": site,
            "page_address": pageAddress,
            "entity": entity,
        ]
        for (name, shape) in shared { definitions[name] = shape }
        // Each type's shape under its name: `#/$defs/body`, … (so no other definition may be named after a type).
        for type in EntityType.allCases { definitions[type.rawValue] = shape(of: type) }
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Charter model",
            "description": "The checked model of a site made with Charter: its settings and every entity, in site order, with its fields, page, derived relations and backlinks. A value that is not given is left out.",
            "type": "object",
            "required": ["$schema", "site", "entities"],
            "additionalProperties": false,
            "properties": [
                "$schema": ["const": .string(schemaFile)],
                "site": ref("site"),
                "entities": ["type": "array", "items": ref("entity")],
            ],
            "$defs": .object(definitions),
        ]
    }

    /// The site's settings.
    private static var site: JSON {
        closed(required: ["title", "language"], [
            "title": string,
            "organisation": string,
            "language": ["type": "string", "minLength": 1],
            "description": string,
            "base_url": ["type": "string", "minLength": 1],
            "as_of": ref("date"),
        ])
    }

    /// Where an entity's page is: its path in the site, and its URL when the site has an http(s) base URL.
    private static var pageAddress: JSON {
        closed(required: ["path"], [
            "path": ["type": "string", "pattern": "^([a-z0-9-]+/)?index\\.html$"],
            "url": ["type": "string", "format": "uri", "pattern": "^https?://"],
        ])
    }

    /// Any entity: its `type` chooses the shape it must have.
    private static var entity: JSON {
        let cases: [JSON] = EntityType.allCases.map { type in
            ["if": ["properties": ["type": ["const": .string(type.rawValue)]], "required": ["type"]], "then": ref(type.rawValue)]
        }
        return [
            "type": "object",
            "required": ["id", "type", "title", "page"],
            "properties": ["type": ["enum": .array(EntityType.allCases.map { .string($0.rawValue) })]],
            "allOf": .array(cases),
        ]
    }

    /// The shapes within an entity.
    private static var shared: [String: JSON] {
        let period: [String: JSON] = ["from": ref("date_or_text"), "until": ref("date_or_text")]
        let ids: JSON = ref("ids")
        return [
            "member": closed(required: ["id"], ["id": ref("id"), "as": string].merging(period) { $1 }),
            "dated_value": closed(required: ["id"], ["id": ref("id")].merging(period) { $1 }),
            "agenda_item": closed(required: ["title"], [
                "title": string, "cadence": string, "from": ref("date"),
                "every": ["enum": .array(AgendaItem.rules.keys.sorted().map(JSON.string))],
            ]),
            "decision": closed(required: ["title", "date"], ["title": string, "date": ref("date_or_text")]),
            "terms": closed(required: ["status"], [
                "title": string, "status": ["enum": ["draft", "approved"]], "version": string, "approved": ref("date"),
                "approved_by": ref("id"), "purpose": ref("markdown"), "tasks": ref("markdown_list"), "period": string, "meets": string,
            ]),
            "seat": closed(required: ["body", "role"], [
                "body": ref("id"), "role": ["enum": ["chair", "member"]], "label": string, "via": ref("id"),
            ]),
            "backlink": closed(required: ["from", "via"], [
                "from": ref("id"),
                "via": ["type": "string", "minLength": 1, "description": "The referring field ('members', 'terms.approved_by'), or 'text' for a link in the prose."],
            ]),
            "relations": closed(required: [], minProperties: 1, [
                "reporting_bodies": ids, "child_units": ids, "roles_in_unit": ids, "secretariat_for": ids, "holders": ids,
                "roles_of_person": ids, "projects_owned": ids, "projects_of_unit": ids,
                "seats": ["type": "array", "items": ref("seat"), "minItems": 1],
            ]),
        ]
    }

    /// The closed shape of an entity of `type`: the keys its front matter allows, and what `model.json` adds.
    private static func shape(of type: EntityType) -> JSON {
        let keys = EntitySchema.allKeys(for: type)
        var properties: [String: JSON] = [:]
        for key in keys { properties[key] = field(key, of: type) ?? [:] }
        properties["type"] = ["const": .string(type.rawValue)]
        properties["page"] = ref("page_address")
        properties["relations"] = ref("relations")
        properties["backlinks"] = ["type": "array", "items": ref("backlink"), "minItems": 1]
        if keys.contains("kind") { properties["kind_label"] = string }
        let dated = datedFields.filter(keys.contains)
        if !dated.isEmpty {
            let history: JSON = ["type": "array", "items": ref("dated_value"), "minItems": 1]
            properties["dated"] = closed(required: [], minProperties: 1, Dictionary(uniqueKeysWithValues: dated.map { ($0, history) }))
        }
        return closed(required: ["id", "type", "title", "page"], properties)
    }

    /// The shape of a front matter key's value, from how it is written (`EntityField.Shape`); nil for a key no type
    /// allows.
    static func field(_ key: String, of type: EntityType) -> JSON? {
        guard let field = EntityFields.field(key) else { return nil }
        switch key {
        case "id": return ref("id")
        case "title": return ["type": "string", "minLength": 1]
        case "status": return ["enum": .array(EntitySchema.statuses(for: type).map(JSON.string))]
        case "type": return ["const": .string(type.rawValue)]
        default: break
        }
        switch field.shape {
        case .text: return string
        case .integer: return ["type": "integer"]
        case .day: return ref("date")
        case .dateOrText: return ref("date_or_text")
        case .texts: return ["type": "array", "items": string, "minItems": 1]
        case .markdownList: return ref("markdown_list")
        case .reference, .datedReference: return ref("id")
        case .references: return ref("ids")
        case .referenceOrList: return ["oneOf": [ref("id"), ref("ids")], "description": "The id replaced, or the ids of several merged into this one."]
        case .members: return ["type": "array", "items": ref("member"), "minItems": 1]
        case .terms: return ref("terms")
        case .agenda: return ["type": "array", "items": ref("agenda_item"), "minItems": 1]
        case .decisions: return ["type": "array", "items": ref("decision"), "minItems": 1]
        case .phases:
            return ["type": "array", "minItems": 1, "items": closed(required: ["status"], [
                "status": ["enum": .array(EntitySchema.statuses(for: type).map(JSON.string))],
                "from": ref("date_or_text"), "until": ref("date_or_text"),
            ])]
        }
    }

    /// Any text.
    private static let string: JSON = ["type": "string"]

    /// A reference to the definition `name` under `$defs`.
    private static func ref(_ name: String) -> JSON {
        ["$ref": .string("#/$defs/\(name)")]
    }

    /// An object with exactly these properties (no others), of which `required` must be there.
    private static func closed(required: [String], minProperties: Int = 0, _ properties: [String: JSON]) -> JSON {
        var shape: [String: JSON] = ["type": "object", "properties": .object(properties), "additionalProperties": false]
        if !required.isEmpty { shape["required"] = .array(required.map(JSON.string)) }
        if minProperties > 0 { shape["minProperties"] = .int(minProperties) }
        return .object(shape)
    }
}
