/// The people, bodies, units and roles as Popolo (https://www.popoloproject.com/specs/), the format EveryPolitician
/// published parliaments in: `{"persons": […], "organizations": […], "memberships": […], "posts": […]}`.
///
/// - people are persons; bodies and units are organizations (`classification` is the kind's label, else "body" or
///   "unit"; `parent_id` a unit's `parent` or a body's `reports_to`; `abstract` the summary); roles are posts in their
///   unit. Each links to its page: the absolute URL when the site has a base URL, else the path from the site's root;
/// - a body's chair and members and a role's holders are memberships: a person by `person_id`, a role by `post_id`, a
///   unit or body as `member: {"@type": "Organization", "id": …}`; `role` is "chair" or "member" for a seat at a body's
///   table and absent for holding a post;
/// - ids are the Charter ids; a membership's id is `<body or role>/<chair|member|holder>/<member>`;
/// - dates are written only where the content gives an ISO date; `end_date` is the last day (Popolo's end is
///   inclusive, Charter's `until` is not);
/// - projects are left out: Popolo has no class for them. A reporting line or parent that changes over time is given as
///   its current value only; `other_names` are not written (Charter has none).
///
/// ```swift
/// let json = Popolo.document(site: site)  // written as data/popolo.json
/// ```
package enum Popolo {
    /// The Popolo document of `site`: keys sorted, entities in site order, ending in a newline.
    package static func document(site: Site) -> String {
        var persons: [JSON] = []
        var organizations: [JSON] = []
        var posts: [JSON] = []
        var memberships = Memberships()
        let addresses = OpenData.Addresses(site: site)
        for entity in site.entities {
            switch entity.type {
            case .person: persons.append(.object(person(entity, addresses)))
            case .body, .unit: organizations.append(.object(organization(entity, site, addresses)))
            case .role: posts.append(.object(post(entity, site, addresses)))
            case .project, .page: break
            }
            if entity.type == .body { memberships.addSeats(of: entity, site) }
            if entity.type == .role { memberships.addHolders(of: entity, site) }
        }
        let document: JSON = ["persons": .array(persons), "organizations": .array(organizations),
                              "memberships": .array(memberships.list.map(JSON.object)), "posts": .array(posts)]
        return document.text(.pretty)
    }

    private static func person(_ entity: Entity, _ addresses: OpenData.Addresses) -> [String: JSON] {
        var person: [String: JSON] = ["id": .string(entity.id), "name": .string(entity.title), "links": links(of: entity, addresses)]
        if let summary = entity.summary { person["summary"] = .string(summary) }
        return person
    }

    private static func organization(_ entity: Entity, _ site: Site, _ addresses: OpenData.Addresses) -> [String: JSON] {
        let type = entity.type
        var organization: [String: JSON] = [
            "id": .string(entity.id), "name": .string(entity.title), "links": links(of: entity, addresses),
            "classification": .string(entity.kind.flatMap { site.config.vocabulary.label(ofKind: $0, for: type) } ?? type.rawValue),
        ]
        if let parent = (type == .unit ? entity.parent : entity.reportsTo)?.id, site[parent] != nil {
            organization["parent_id"] = .string(parent)
        }
        if let day = entity.established?.day { organization["founding_date"] = .string(day.description) }
        if let day = entity.ends?.day { organization["dissolution_date"] = .string(day.description) }
        if let summary = entity.summary { organization["abstract"] = .string(summary) }
        return organization
    }

    private static func post(_ entity: Entity, _ site: Site, _ addresses: OpenData.Addresses) -> [String: JSON] {
        var post: [String: JSON] = ["id": .string(entity.id), "label": .string(entity.title), "links": links(of: entity, addresses)]
        if let unit = entity.unit?.id, site[unit]?.type == .unit { post["organization_id"] = .string(unit) }
        return post
    }

    /// The entity's page: its absolute URL when the site has a base URL, else its path from the site's root.
    private static func links(of entity: Entity, _ addresses: OpenData.Addresses) -> JSON {
        let address = addresses.address(of: entity.id)
        return [["url": .string(address.url ?? address.path)]]
    }

    /// The memberships as they are found, each with an id unique in the document.
    private struct Memberships {
        var list: [[String: JSON]] = []
        var used: [String: Int] = [:]

        mutating func add(_ base: String, _ fields: [String: JSON], _ period: Period = Period()) {
            let count = used[base, default: 0] + 1
            used[base] = count
            var membership = fields
            membership["id"] = .string(count == 1 ? base : "\(base)/\(count)")
            if let day = period.from?.day { membership["start_date"] = .string(day.description) }
            if let day = period.until?.day { membership["end_date"] = .string(day.previous.description) }
            list.append(membership)
        }

        /// A body's chair and every member as written, with the periods of their seats.
        mutating func addSeats(of body: Entity, _ site: Site) {
            if let chair = body.chair, let fields = member(chair.id, site) {
                add("\(body.id)/chair/\(chair.id)", fields.merging(["organization_id": .string(body.id), "role": "chair"]) { $1 })
            }
            for seat in body.memberHistory {
                let id = seat.reference.id
                guard var fields = member(id, site) else { continue }
                fields["organization_id"] = .string(body.id)
                fields["role"] = "member"
                if let label = seat.label { fields["label"] = .string(label) }
                add("\(body.id)/member/\(id)", fields, seat.period)
            }
        }

        /// A role's holders: its `held_by` (with their periods), then the people who list it in `roles`.
        mutating func addHolders(of role: Entity, _ site: Site) {
            let held = role.dated["held_by"] ?? role.heldBy.map { [DatedReference(reference: $0, period: Period())] } ?? []
            let named = held.map(\.reference.id)
            let others = site.relations.holders[role.id, default: []].filter { !named.contains($0) }
                .map { DatedReference(reference: Reference(id: $0, location: role.location), period: Period()) }
            for holder in held + others where site[holder.reference.id]?.type == .person {
                var fields: [String: JSON] = ["person_id": .string(holder.reference.id), "post_id": .string(role.id)]
                if let unit = role.unit?.id, site[unit]?.type == .unit { fields["organization_id"] = .string(unit) }
                add("\(role.id)/holder/\(holder.reference.id)", fields, holder.period)
            }
        }

        /// How a member is named: a person by `person_id`, a role by `post_id`, a body or unit as `member`.
        private func member(_ id: String, _ site: Site) -> [String: JSON]? {
            switch site[id]?.type {
            case .person?: ["person_id": .string(id)]
            case .role?: ["post_id": .string(id)]
            case .body?, .unit?: ["member": ["@type": "Organization", "id": .string(id)]]
            default: nil
            }
        }
    }
}
