/// The kinds of content Charter knows, set by a file's `type:` field.
public enum EntityType: String, Sendable, CaseIterable, Hashable {
    case body, unit, role, person, project, page

    /// The folder of the type's list page, also its URL (`organer/`).
    public var listSlug: String {
        switch self {
        case .body: "organer"
        case .unit: "enheder"
        case .role: "roller"
        case .person: "personer"
        case .project: "projekter"
        case .page: "sider"
        }
    }

    /// The Danish singular name shown on pages ("Organ").
    public var singular: String {
        switch self {
        case .body: "Organ"
        case .unit: "Enhed"
        case .role: "Rolle"
        case .person: "Person"
        case .project: "Projekt"
        case .page: "Side"
        }
    }

    /// The Danish plural name used for list pages ("Organer").
    public var plural: String {
        switch self {
        case .body: "Organer"
        case .unit: "Enheder"
        case .role: "Roller"
        case .person: "Personer"
        case .project: "Projekter"
        case .page: "Sider"
        }
    }
}
