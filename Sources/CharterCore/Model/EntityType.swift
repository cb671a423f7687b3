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
}
