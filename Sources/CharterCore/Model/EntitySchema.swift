/// What each type of entity may say in its front matter: allowed keys, values and reference targets.
enum EntitySchema {
    /// The keys every type allows.
    static let commonKeys: Set<String> = Set(EntityFields.all.filter { $0.types.count == EntityType.allCases.count }.map(\.key))

    /// The keys a type allows besides the common ones.
    static func keys(for type: EntityType) -> Set<String> {
        allKeys(for: type).subtracting(commonKeys)
    }

    /// All keys a type allows (`EntityFields`).
    static func allKeys(for type: EntityType) -> Set<String> {
        allKeysByType[type]!
    }

    private static let allKeysByType: [EntityType: Set<String>] = Dictionary(uniqueKeysWithValues: EntityType.allCases.map { type in
        (type, Set(EntityFields.fields(of: type).map(\.key)))
    })

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

    /// The types a reference field may point to (`EntityField.targets`); any type for a field that declares none.
    static func targets(of field: String) -> Set<EntityType> {
        guard let targets = EntityFields.field(ofReference: field)?.targets, !targets.isEmpty else { return Set(EntityType.allCases) }
        return targets
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
