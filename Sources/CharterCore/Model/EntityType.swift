/// The kinds of content Charter knows, set by a file's `type:` field.
public enum EntityType: String, Sendable, CaseIterable, Hashable {
    case body, unit, role, person, project, page

    /// The key of the type's list page in the navigation; its folder is the translation's (`SitePaths`).
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
