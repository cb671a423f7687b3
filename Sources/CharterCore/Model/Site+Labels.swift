/// The words a page shows for the model's own values: type, kind and status labels and dates, in the site's language
/// and vocabulary.
extension Site {
    /// The type's name ("Body", "Organ"), as the site declares it or the translation gives it.
    func singular(_ type: EntityType) -> String {
        config.vocabulary.types[type]?.label ?? translation[type.singularPhrase]
    }

    /// The type's plural, for list pages and navigation ("Bodies", "Organer").
    func plural(_ type: EntityType) -> String {
        config.vocabulary.types[type]?.plural ?? translation[type.pluralPhrase]
    }

    /// The label of the entity's kind, when it has one.
    func kindLabel(of entity: Entity) -> String? {
        entity.kind.map { config.vocabulary.label(ofKind: $0, for: entity.type) ?? $0 }
    }

    /// The label of a status value ("Active", "Aktiv").
    func statusLabel(_ status: String) -> String {
        EntitySchema.statusPhrase(status).map { translation[$0] } ?? status
    }

    /// What `body` calls its chair: its `chair_title` when it has one, else the translation's label `phrase`
    /// (`field_chair`, `seat_chair`, `section_chair`, `chart_relation_chair`: each place's own default).
    func chairLabel(of body: Entity, default phrase: Phrase) -> String {
        body.chairTitle ?? translation[phrase]
    }

    /// A date in the site's language.
    public func date(_ day: Day) -> String { translation.date(day) }

    /// A date or a described point in time, in the site's language.
    package func display(_ value: DateOrText) -> String { translation.display(value) }
}

extension EntityType {
    /// The translation key of the type's name.
    var singularPhrase: Phrase {
        switch self {
        case .body: .typeBody
        case .unit: .typeUnit
        case .role: .typeRole
        case .person: .typePerson
        case .project: .typeProject
        case .page: .typePage
        }
    }

    /// The translation key of the type's plural.
    var pluralPhrase: Phrase {
        switch self {
        case .body: .typeBodyPlural
        case .unit: .typeUnitPlural
        case .role: .typeRolePlural
        case .person: .typePersonPlural
        case .project: .typeProjectPlural
        case .page: .typePagePlural
        }
    }
}
