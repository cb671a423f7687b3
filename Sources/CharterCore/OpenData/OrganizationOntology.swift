import Foundation

/// The checked model in the W3C Organization Ontology (ORG, https://www.w3.org/TR/vocab-org/) as JSON-LD, with SKOS,
/// FOAF, schema.org, Dublin Core and OWL-Time where ORG has no term: `data/organisation.jsonld` for the whole site, and
/// a small block per entity page for its `<head>`.
///
/// | model                                  | JSON-LD                                                                   |
/// |----------------------------------------|---------------------------------------------------------------------------|
/// | the organisation (`organisation`, else `title`) | `org:FormalOrganization`, `schema:Organization` at `<home>#organisation` |
/// | every entity but a free page           | `@id` `OpenData.iri(of:in:)`, `dcterms:identifier` its id                 |
/// | title                                  | `skos:prefLabel` and `schema:name`; a person's `foaf:name` and `schema:name` |
/// | `short`, `summary`, `updated`          | `skos:altLabel`, `dcterms:description`, `dcterms:modified`                |
/// | its page (site with an absolute URL)   | `foaf:homepage`, `schema:url`                                             |
/// | unit                                   | `org:OrganizationalUnit`, `schema:Organization`                           |
/// | unit `parent`                          | `org:subOrganizationOf` (inverse `org:hasSubOrganization`)                |
/// | unit without a parent                  | `org:unitOf` the organisation (inverse `org:hasUnit`)                     |
/// | unit `sites`                           | `org:hasSite`, an `org:Site` each at `<unit>#site-<n>`                    |
/// | body                                   | `org:Organization`, `schema:Organization`; `org:subOrganizationOf` the organisation |
/// | body `reports_to`, `secretariat`       | `org:reportsTo`, `org:linkedTo` (the unit has `org:linkedTo` back)        |
/// | body `terms.purpose`                   | `org:purpose`, as plain text                                              |
/// | `kind` of a body or unit               | `org:classification`, a `skos:Concept` at `<home>#kind-<type>-<kind>`     |
/// | `established`, `ends` as ISO dates     | `schema:foundingDate`, `schema:dissolutionDate`                           |
/// | role                                   | `org:Post`; `org:postIn` its unit (inverse `org:hasPost`)                 |
/// | role's holders (`held_by`, `roles`)    | `org:heldBy`; the person `org:holds`                                      |
/// | unit `head`                            | the role `org:headOf` the unit                                            |
/// | person                                 | `foaf:Person`, `schema:Person`                                            |
/// | project                                | `schema:Project`; `schema:sponsor` its owner, `schema:member` its units, `schema:foundingDate` its ISO `start` |
/// | a body's chair, each of its `members`  | `org:Membership` at `<body>#membership-chair`, `<body>#membership-<n>` (n from 1 in the order written): `org:member`, `org:organization`, `org:role` |
/// | chair, member, a seat's `as:` label    | `org:Role` at `<home>#role-chair`, `<home>#role-member`, `<home>#seat-<label>` (`skos:broader` member) |
/// | a seat's `from`/`until`                | `org:memberDuring` a `time:Interval`: `time:hasBeginning`/`time:hasEnd` a `time:Instant` with `time:inXSDDate`, or `dcterms:description` for words |
/// | the body's chair and current members   | `org:hasMember`; the member `org:memberOf`, and `org:hasMembership` for every seat |
/// | `replaced_by` / `replaces`             | `org:ChangeEvent` at `<successor>#succession-<n>`: those the successor replaces that end at one moment (a merger is one event), `org:originalOrganization` (they `org:changedBy` it), `org:resultingOrganization` (it `org:resultedFrom` it) |
/// | `ends` or `status: dissolved`, no successor | `org:ChangeEvent` at `<entity>#dissolution`, `org:originalOrganization` |
/// | `established`, not by a succession     | `org:ChangeEvent` at `<entity>#founding`, `org:resultingOrganization`     |
/// | a change event's time                  | `dcterms:date` for an ISO date (the successor's `established`, else an original's `ends`); `dcterms:description` the words of one written as text |
///
/// `<home>` is `OpenData.iri(of: "index", in:)`. Reporting lines, parents, holders and the chair and members of
/// `org:hasMember`/`org:memberOf` are those of the site given (the content's view, or a `Chronology` snapshot); the
/// memberships are every seat as written, each with its period. Free pages are not described.
///
/// ```swift
/// let jsonld = OrganizationOntology.document(site: site)              // data/organisation.jsonld
/// let head = OrganizationOntology.pageJSONLD(for: entity, site: site)  // <script type="application/ld+json">
/// ```
enum OrganizationOntology {
    /// The whole model as one JSON-LD document: an `@context` and an `@graph` of the organisation, the entities in site
    /// order, the memberships, the change events and the concepts (kinds and seats). The same model gives the same bytes.
    ///
    /// - Parameter site: the checked model, with its translation (for the seats' labels and the month names of dates
    ///   written in text).
    /// - Returns: the document, pretty-printed with sorted keys, ending in a newline.
    static func document(site: Site) -> String {
        let mapper = Mapper(site: site)
        var graph = [mapper.organisationNode()]
        let described = site.entities.filter { $0.type != .page }
        graph += described.map(mapper.node(for:))
        graph += site.entities(of: .body).flatMap { body in mapper.seats(of: body).map(mapper.membershipNode) }
        graph += described.flatMap(mapper.events(of:))
        graph += mapper.conceptNodes()
        let document: Value = ["@context": .object(mapper.context), "@graph": .array(graph.map(Value.object))]
        return document.text(.linkedData) + "\n"
    }

    /// One entity and its direct links (as IRIs) as a compact JSON-LD object with its own `@context`, safe to put in a
    /// `<script type="application/ld+json">` as it is: `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`,
    /// so no `</script>` can close the element early.
    ///
    /// - Parameters:
    ///   - entity: a body, unit, role, person or project of `site`.
    ///   - site: the checked model the entity belongs to.
    /// - Returns: one line of JSON, the same node as in `document(site:)`; nil for a free page.
    static func pageJSONLD(for entity: Entity, site: Site) -> String? {
        pageJSONLD(for: entity, mapper: Mapper(site: site))
    }

    /// `pageJSONLD(for:site:)` with a mapper of the site made once for all its pages.
    static func pageJSONLD(for entity: Entity, mapper: Mapper) -> String? {
        guard entity.type != .page else { return nil }
        var node = mapper.node(for: entity)
        node["@context"] = .object(mapper.context)
        return Value.object(node).text(.script)
    }

    /// A JSON-LD node: its properties by compact IRI.
    typealias Node = [String: Value]
}

extension OrganizationOntology {
    /// Turns the model's entities into nodes; every inverse link is found from the relations and backlinks of the one
    /// entity, so that a page's block costs no walk over the whole site.
    struct Mapper: Sendable {
        let site: Site
        /// The IRI of the home page, which the organisation's and the concepts' fragments hang from.
        let home: String
        /// Whether the site has an absolute URL, so that an entity's IRI is also its page's address.
        let hasPages: Bool
        /// The entities' IRIs, with the site's routes worked out once (a node links to dozens of entities).
        private let addresses: OpenData.Addresses

        init(site: Site) {
            self.site = site
            addresses = OpenData.Addresses(site: site)
            hasPages = OpenData.absoluteBase(of: site) != nil
            home = addresses.iri(of: "index")
        }

        var context: Node {
            var context: Node = ["org": "http://www.w3.org/ns/org#", "skos": "http://www.w3.org/2004/02/skos/core#",
                                 "foaf": "http://xmlns.com/foaf/0.1/", "schema": "https://schema.org/",
                                 "dcterms": "http://purl.org/dc/terms/", "time": "http://www.w3.org/2006/time#",
                                 "xsd": "http://www.w3.org/2001/XMLSchema#"]
            if !site.config.language.isEmpty { context["@language"] = .string(site.config.language) }
            return context
        }

        var organisation: String { home + "#organisation" }

        /// The month names of the site's language, lower case, to place dates written in text (as `Chronology` does).
        var months: [String] { site.translation.months.map { $0.lowercased() } }

        /// The entity's IRI: `OpenData.iri(of:in:)`.
        func iri(_ id: String) -> String {
            addresses.iri(of: id)
        }

        /// Links to the IRIs, each once, in order; nil when there are none.
        func links(_ iris: [String]) -> Value? {
            var seen = Set<String>()
            let unique = iris.filter { seen.insert($0).inserted }
            return unique.isEmpty ? nil : .array(unique.map(Value.link))
        }

        /// A link to the entity `id`, if any.
        func link(_ id: String?) -> Value? { id.map { .link(iri($0)) } }

        func organisationNode() -> Node {
            let name = Value.string(site.config.organisation ?? site.config.title)
            var node: Node = ["@id": .string(organisation), "@type": ["org:FormalOrganization", "schema:Organization"],
                              "skos:prefLabel": name, "schema:name": name]
            node["dcterms:description"] = site.config.description.map(Value.string)
            node["org:hasUnit"] = links(site.entities(of: .unit).filter { $0.parent == nil }.map { iri($0.id) })
            node["org:hasSubOrganization"] = links(site.entities(of: .body).map { iri($0.id) })
            if let base = OpenData.absoluteBase(of: site) {
                node["foaf:homepage"] = .link(base)
                node["schema:url"] = .link(base)
            }
            return node
        }

        /// The entity's own node: its type, names, dates, page and every direct link in both directions.
        func node(for entity: Entity) -> Node {
            let title = Value.string(entity.title)
            var node: Node = ["@id": .string(iri(entity.id)), "dcterms:identifier": ["@value": .string(entity.id)]]
            node["dcterms:description"] = entity.summary.map(Value.string)
            node["dcterms:modified"] = entity.updated.map(Value.date)
            if hasPages {
                node["foaf:homepage"] = .link(iri(entity.id))
                node["schema:url"] = .link(iri(entity.id))
            }
            if entity.type == .body || entity.type == .unit || entity.type == .role {
                node["skos:prefLabel"] = title
                node["skos:altLabel"] = entity.short.map(Value.string)
            }
            let (memberships, bodies) = seatsHeld(by: entity)
            node["org:hasMembership"] = links(memberships)
            node["org:memberOf"] = links(bodies.map(iri))
            switch entity.type {
            case .body, .unit: organisationFields(of: entity, into: &node)
            case .role:
                node["@type"] = "org:Post"
                node["org:postIn"] = link(entity.unit?.id)
                node["org:heldBy"] = links((site.relations.holders[entity.id] ?? []).map(iri))
                node["org:headOf"] = links(referrers(of: entity, via: "head").map(iri))
            case .person:
                node["@type"] = ["foaf:Person", "schema:Person"]
                node["foaf:name"] = title
                node["schema:name"] = title
                node["org:holds"] = links((site.relations.rolesOfPerson[entity.id] ?? []).map(iri))
            case .project:
                node["@type"] = "schema:Project"
                node["schema:name"] = title
                node["schema:sponsor"] = link(entity.owner?.id)
                node["schema:member"] = links(entity.units.map { iri($0.id) })
                node["schema:foundingDate"] = entity.start?.day.map(Value.date)
            case .page: break
            }
            return node
        }

        /// The fields bodies and units share, and those of each.
        func organisationFields(of entity: Entity, into node: inout Node) {
            let isBody = entity.type == .body
            node["@type"] = [isBody ? "org:Organization" : "org:OrganizationalUnit", "schema:Organization"]
            node["schema:name"] = .string(entity.title)
            node["org:classification"] = entity.kind.map { .link(kindIRI($0, of: entity.type)) }
            node["schema:foundingDate"] = entity.established?.day.map(Value.date)
            node["schema:dissolutionDate"] = entity.ends?.day.map(Value.date)
            node["org:changedBy"] = links(changedBy(entity))
            node["org:resultedFrom"] = links(resultedFrom(entity))
            if isBody {
                node["org:subOrganizationOf"] = .link(organisation)
                node["org:reportsTo"] = link(entity.reportsTo?.id)
                node["org:linkedTo"] = link(entity.secretariat?.id)
                node["org:purpose"] = entity.terms?.purpose.map { .string($0.document.children.map(\.plainText).joined(separator: "\n\n")) }
                node["org:hasMember"] = links(([entity.chair].compactMap { $0 } + entity.members.map(\.reference)).map { iri($0.id) })
            } else {
                if let parent = entity.parent { node["org:subOrganizationOf"] = link(parent.id) } else { node["org:unitOf"] = .link(organisation) }
                node["org:hasSubOrganization"] = links((site.relations.childUnits[entity.id] ?? []).map(iri))
                node["org:hasPost"] = links((site.relations.rolesInUnit[entity.id] ?? []).map(iri))
                node["org:linkedTo"] = links((site.relations.secretariatFor[entity.id] ?? []).map(iri))
                let sites: [Value] = entity.sites.enumerated().map { index, name in
                    ["@id": .string(iri(entity.id) + "#site-\(index + 1)"), "@type": "org:Site", "skos:prefLabel": .string(name)]
                }
                if !sites.isEmpty { node["org:hasSite"] = .array(sites) }
            }
        }

        /// The ids of the entities that refer to `entity` through `field`, in site order.
        func referrers(of entity: Entity, via field: String) -> [String] {
            (site.backlinks[entity.id] ?? []).filter { $0.via == field }.map(\.from)
        }
    }
}

extension OrganizationOntology.Mapper {
    typealias Node = OrganizationOntology.Node
    typealias Value = OrganizationOntology.Value

    /// A seat at a body's table as written: the chair, or one entry of `members` with its label and period.
    struct Seat {
        var iri: String
        var body: String
        var member: String
        var role: String
        var label: String?
        var period: Period
    }

    /// Every seat of `body`: the chair (`#membership-chair`), then each member as written (`#membership-<n>`).
    func seats(of body: Entity) -> [Seat] {
        let base = iri(body.id)
        var seats: [Seat] = []
        if let chair = body.chair {
            seats.append(Seat(iri: membership(base, nil), body: body.id, member: chair.id, role: home + "#role-chair", period: Period()))
        }
        for (index, member) in body.memberHistory.enumerated() {
            let role = member.label.map { home + "#seat-" + Slug.make($0) } ?? home + "#role-member"
            seats.append(Seat(iri: membership(base, index), body: body.id, member: member.reference.id, role: role,
                              label: member.label, period: member.period))
        }
        return seats
    }

    /// The IRI of the chair's seat (`index` nil) or of the member at `index` of `members`, at the body's IRI `base`.
    func membership(_ base: String, _ index: Int?) -> String {
        base + "#membership-" + (index.map { String($0 + 1) } ?? "chair")
    }

    /// The memberships of `entity` (every seat as written) and the bodies it sits in now (chair or current member).
    func seatsHeld(by entity: Entity) -> (memberships: [String], bodies: [String]) {
        var memberships: [String] = [], bodies: [String] = []
        var seen = Set<String>()
        for backlink in site.backlinks[entity.id] ?? [] where backlink.via == "chair" || backlink.via == "members" {
            guard seen.insert(backlink.from).inserted, let body = site[backlink.from], body.type == .body else { continue }
            let base = iri(body.id)
            if body.chair?.id == entity.id { memberships.append(membership(base, nil)) }
            for (index, member) in body.memberHistory.enumerated() where member.reference.id == entity.id {
                memberships.append(membership(base, index))
            }
            if body.chair?.id == entity.id || body.members.contains(where: { $0.reference.id == entity.id }) { bodies.append(body.id) }
        }
        return (memberships, bodies)
    }

    func membershipNode(_ seat: Seat) -> Node {
        var node: Node = ["@id": .string(seat.iri), "@type": "org:Membership", "org:member": .link(iri(seat.member)),
                          "org:organization": .link(iri(seat.body)), "org:role": .link(seat.role)]
        if !seat.period.isOpen {
            var interval: Node = ["@type": "time:Interval"]
            interval["time:hasBeginning"] = seat.period.from.map(instant)
            interval["time:hasEnd"] = seat.period.until.map(instant)
            node["org:memberDuring"] = .object(interval)
        }
        return node
    }

    /// A point in time: its ISO date, or the content's words for a described one.
    func instant(_ value: DateOrText) -> Value {
        switch value {
        case .date(let day): ["@type": "time:Instant", "time:inXSDDate": .date(day)]
        case .text(let text): ["@type": "time:Instant", "dcterms:description": .string(text)]
        }
    }

    func kindIRI(_ kind: String, of type: EntityType) -> String {
        home + "#kind-\(type.rawValue)-" + Slug.make(kind)
    }

    /// The kinds used and the roles of the seats, each once: kinds in site order, then chair, member, labelled seats.
    func conceptNodes() -> [Node] {
        var nodes: [Node] = []
        var seen = Set<String>()
        func add(_ iri: String, _ type: Value, _ label: String, _ more: Node = [:]) {
            guard seen.insert(iri).inserted else { return }
            nodes.append(more.merging(["@id": .string(iri), "@type": type, "skos:prefLabel": .string(label)]) { $1 })
        }
        for entity in site.entities where entity.type == .body || entity.type == .unit {
            guard let kind = entity.kind else { continue }
            add(kindIRI(kind, of: entity.type), "skos:Concept", site.kindLabel(of: entity) ?? kind, ["skos:notation": ["@value": .string(kind)]])
        }
        let all = site.entities(of: .body).flatMap { seats(of: $0) }
        let chair = home + "#role-chair", member = home + "#role-member"
        if all.contains(where: { $0.role == chair }) { add(chair, "org:Role", site.translation[.seatChair]) }
        if all.contains(where: { $0.role != chair }) { add(member, "org:Role", site.translation[.seatMember]) }
        for seat in all {
            guard let label = seat.label else { continue }
            add(seat.role, "org:Role", label, ["skos:broader": .link(member)])
        }
        return nodes
    }
}

extension OrganizationOntology.Mapper {
    /// Bodies or units that ended at one moment and the one that took over from them (a merger when there are several).
    struct Succession {
        var iri: String
        var originals: [Entity]
        var successor: Entity
        /// Whether the successor's own `established` belongs to this succession.
        var establishesSuccessor: Bool
    }

    /// The body or unit that takes over from `entity`: its `replaced_by`, else the first that says it `replaces` it.
    func successor(of entity: Entity) -> Entity? {
        if let id = entity.replacedBy?.id, let successor = site[id] { return successor }
        return referrers(of: entity, via: "replaces").first.flatMap { site[$0] }
    }

    /// The successions `successor` resulted from: the entities it takes over from, grouped by the moment their `ends`
    /// places them at, in time order (no `ends` last). Its `established` belongs to the one at the same moment, or to the
    /// only one.
    func successions(into successor: Entity) -> [Succession] {
        var originals = referrers(of: successor, via: "replaced_by").compactMap { site[$0] }
        for id in successor.replaces.map(\.id) {
            if let replaced = site[id], !originals.contains(where: { $0.id == id }), self.successor(of: replaced)?.id == successor.id {
                originals.append(replaced)
            }
        }
        guard !originals.isEmpty else { return [] }
        originals.sort { site.index[$0.id]! < site.index[$1.id]! }
        let months = self.months
        var groups: [(moment: Moment?, originals: [Entity])] = []
        for original in originals {
            let moment = original.ends?.moment(months: months)
            if let index = groups.firstIndex(where: { $0.moment == moment }) { groups[index].originals.append(original) }
            else { groups.append((moment, [original])) }
        }
        groups.sort { first, second in
            guard let a = first.moment else { return false }
            guard let b = second.moment else { return true }
            return a < b
        }
        let established = successor.established?.moment(months: months)
        let joined = successor.established == nil ? nil : groups.firstIndex { $0.moment == established } ?? (groups.count == 1 ? 0 : nil)
        return groups.enumerated().map { index, group in
            Succession(iri: iri(successor.id) + "#succession-\(index + 1)", originals: group.originals, successor: successor,
                       establishesSuccessor: index == joined)
        }
    }

    /// The change events that ended or changed `entity`.
    func changedBy(_ entity: Entity) -> [String] {
        if let successor = successor(of: entity) {
            return successions(into: successor).filter { $0.originals.contains { $0.id == entity.id } }.map(\.iri)
        }
        return entity.ends != nil || entity.status == "dissolved" ? [iri(entity.id) + "#dissolution"] : []
    }

    /// The change events `entity` resulted from.
    func resultedFrom(_ entity: Entity) -> [String] {
        let successions = successions(into: entity)
        let founding = entity.established != nil && !successions.contains(where: \.establishesSuccessor)
        return successions.map(\.iri) + (founding ? [iri(entity.id) + "#founding"] : [])
    }

    /// The change events of a body or unit: the successions into it, its founding and its dissolution.
    func events(of entity: Entity) -> [Node] {
        guard entity.type == .body || entity.type == .unit else { return [] }
        var nodes = successions(into: entity).map { succession in
            event(at: succession.iri, original: succession.originals.map(\.id), resulting: entity.id,
                  when: (succession.establishesSuccessor ? [entity.established] : []) + succession.originals.map(\.ends))
        }
        if resultedFrom(entity).contains(iri(entity.id) + "#founding") {
            nodes.append(event(at: iri(entity.id) + "#founding", original: [], resulting: entity.id, when: [entity.established]))
        }
        if changedBy(entity) == [iri(entity.id) + "#dissolution"] {
            nodes.append(event(at: iri(entity.id) + "#dissolution", original: [entity.id], resulting: nil, when: [entity.ends]))
        }
        return nodes
    }

    /// An `org:ChangeEvent`, dated by the first ISO date among `when` and described by the texts among them.
    func event(at address: String, original: [String], resulting: String?, when: [DateOrText?]) -> Node {
        var node: Node = ["@id": .string(address), "@type": "org:ChangeEvent"]
        node["org:originalOrganization"] = links(original.map(iri))
        node["org:resultingOrganization"] = link(resulting)
        let values = when.compactMap { $0 }
        node["dcterms:date"] = values.lazy.compactMap(\.day).first.map(Value.date)
        var texts: [Value] = []
        for case .text(let text) in values where !texts.contains(.string(text)) { texts.append(.string(text)) }
        node["dcterms:description"] = texts.count > 1 ? .array(texts) : texts.first
        return node
    }
}

extension OrganizationOntology {
    /// A JSON value as JSON-LD uses it here: a string, an array, or an object (a node, a link, a typed value).
    typealias Value = JSON
}

extension JSON {
    /// A link to the node `iri`.
    static func link(_ iri: String) -> JSON { .object(["@id": .string(iri)]) }

    /// A date typed `xsd:date`.
    static func date(_ day: Day) -> JSON { ["@value": .string(day.description), "@type": "xsd:date"] }
}
