/// Relations derived once from the references, so pages can show both directions without searching the site.
package struct Relations: Sendable {
    /// Bodies that report to a body, by the body's id.
    var reportingBodies: [String: [String]] = [:]
    /// Units whose parent is a unit, by the parent's id.
    var childUnits: [String: [String]] = [:]
    /// Roles placed in a unit, by the unit's id.
    var rolesInUnit: [String: [String]] = [:]
    /// Bodies a unit is secretariat for, by the unit's id.
    var secretariatFor: [String: [String]] = [:]
    /// Bodies an entity chairs or sits in (directly, or for a person through their roles), by the entity's id.
    var seats: [String: [Seat]] = [:]
    /// The people holding a role (its `held_by` and every person listing it in `roles`), by the role's id.
    var holders: [String: [String]] = [:]
    /// The roles a person holds (both directions), by the person's id.
    var rolesOfPerson: [String: [String]] = [:]
    /// Projects owned by a body, by the body's id.
    var projectsOwned: [String: [String]] = [:]
    /// Projects a unit takes part in, by the unit's id.
    var projectsOfUnit: [String: [String]] = [:]

    /// A place at a body's table.
    struct Seat: Sendable, Hashable {
        var body: String
        /// "chair" or "member".
        var role: String
        /// The seat's label (`as:`), if any.
        var label: String?
        /// The role through which a person sits, if it is not direct.
        var via: String?
    }

    /// No relations.
    init() {}

    /// Derives all relations of `site`.
    init(of site: Site) {
        for entity in site.entities {
            switch entity.type {
            case .body:
                if let target = entity.reportsTo?.id { reportingBodies[target, default: []].append(entity.id) }
                if let unit = entity.secretariat?.id { secretariatFor[unit, default: []].append(entity.id) }
                if let chair = entity.chair?.id { seats[chair, default: []].append(Seat(body: entity.id, role: "chair")) }
                for member in entity.members {
                    seats[member.reference.id, default: []].append(Seat(body: entity.id, role: "member", label: member.label))
                }
            case .unit:
                if let parent = entity.parent?.id { childUnits[parent, default: []].append(entity.id) }
            case .role:
                if let unit = entity.unit?.id { rolesInUnit[unit, default: []].append(entity.id) }
                if let person = entity.heldBy?.id { link(person: person, role: entity.id) }
            case .person:
                for role in entity.roles { link(person: entity.id, role: role.id) }
            case .project:
                if let owner = entity.owner?.id { projectsOwned[owner, default: []].append(entity.id) }
                for unit in entity.units { projectsOfUnit[unit.id, default: []].append(entity.id) }
            case .page: break
            }
        }
        for (person, roles) in rolesOfPerson {
            for role in roles {
                seats[person, default: []] += seats[role, default: []].map { Seat(body: $0.body, role: $0.role, label: $0.label, via: role) }
            }
        }
    }

    private mutating func link(person: String, role: String) {
        if !holders[role, default: []].contains(person) { holders[role, default: []].append(person) }
        if !rolesOfPerson[person, default: []].contains(role) { rolesOfPerson[person, default: []].append(role) }
    }
}
