/// What each type of entity may say in its front matter: allowed keys, values and reference targets.
enum EntitySchema {
    static let commonKeys: Set<String> = ["type", "id", "title", "summary", "status", "updated"]

    /// The keys a type allows besides the common ones.
    static func keys(for type: EntityType) -> Set<String> {
        switch type {
        case .body:
            ["short", "kind", "reports_to", "chair", "chair_title", "members", "secretariat", "meets", "established", "ends",
             "replaces", "replaced_by", "terms", "agenda", "decisions"]
        case .unit: ["short", "kind", "parent", "head", "sites", "established", "ends", "replaced_by"]
        case .role: ["unit", "held_by", "responsibilities"]
        case .person: ["roles"]
        case .project: ["owner", "units", "start", "in_operation_by", "goals", "phases"]
        case .page: ["order"]
        }
    }

    /// All keys a type allows.
    static func allKeys(for type: EntityType) -> Set<String> {
        commonKeys.union(keys(for: type))
    }

    /// Keys allowed inside a body's `terms:` mapping.
    static let termsKeys: Set<String> = ["title", "status", "version", "approved_by", "approved", "purpose",
                                                "tasks", "period", "meets"]

    /// The allowed values of `status` per type.
    static func statuses(for type: EntityType) -> [String] {
        switch type {
        case .body: ["draft", "planned", "active", "dissolved"]
        case .unit, .role: ["planned", "active", "dissolved"]
        case .person: ["active"]
        case .project: ["idea", "planned", "running", "done"]
        case .page: ["draft", "active"]
        }
    }

    /// The types a reference field may point to.
    static func targets(of field: String) -> Set<EntityType> {
        switch field {
        // A body reports to another body, or sits under a unit (a hospital's leadership meeting).
        case "reports_to": [.body, .unit]
        // A body by a body, a unit by a unit (a merger: several units replaced by one); `ChronologyChecker` checks the pair.
        case "replaces", "replaced_by": [.body, .unit]
        case "owner", "terms.approved_by": [.body]
        case "chair": [.role, .person]
        case "members": [.role, .person, .unit, .body]
        case "secretariat", "parent", "unit", "units": [.unit]
        case "head", "roles": [.role]
        case "held_by": [.person]
        default: Set(EntityType.allCases)
        }
    }

    /// The translation key of a status value's label.
    static func statusPhrase(_ status: String) -> Phrase? {
        statusPhrases[status]
    }

    /// The statuses by value, found without building the key and comparing it with every phrase's.
    private static let statusPhrases: [String: Phrase] = Dictionary(uniqueKeysWithValues: Phrase.allCases.compactMap { phrase in
        phrase.rawValue.hasPrefix("status_") ? (String(phrase.rawValue.dropFirst("status_".count)), phrase) : nil
    })

    /// Ids that would collide with the site's own folders and pages.
    static let reservedIDs: Set<String> = Set(EntityType.allCases.map(\.listSlug))
        .union(["tidslinje", "soeg", "pagefind", "assets", "print", "404", "sitemap", "sitemap.xml", "organisation"])
}
