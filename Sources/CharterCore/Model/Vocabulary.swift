/// The words an organisation uses for its own structure, declared in `site.yml`: the kinds of bodies and units with
/// their labels, and optionally its own labels for the entity types.
///
/// ```yaml
/// kinds:
///   body:
///     committee: Committee
///     sig: Special Interest Group
///   unit:
///     foundation: Foundation
/// types:
///   body: {label: Group, plural: Groups}
/// ```
///
/// A type whose kinds the site does not declare takes `Vocabulary.defaultKinds` (the lists the default content was
/// written with); a type whose label it does not declare takes the translation's (`type_body`, `type_body_plural`).
package struct Vocabulary: Sendable, Hashable {
    /// One declared kind: the key written in `kind:` and the label shown on pages.
    package struct Kind: Sendable, Hashable {
        package var key: String
        package var label: String

        package init(key: String, label: String) {
            self.key = key
            self.label = label
        }
    }

    /// A type's own label, singular and plural.
    struct TypeLabel: Sendable, Hashable {
        var label: String
        var plural: String
    }

    /// The kinds of each type that has kinds (body, unit), in the order declared.
    var kinds: [EntityType: [Kind]] = Vocabulary.defaultKinds
    /// Where each type's kinds were declared; nil for the defaults.
    var kindsDeclaredAt: [EntityType: SourceLocation] = [:]
    /// The types the site names in its own words.
    var types: [EntityType: TypeLabel] = [:]

    init() {}

    /// The types that take a `kind:`.
    static let typesWithKinds: [EntityType] = [.body, .unit]

    /// The kinds of a site that declares none.
    static let defaultKinds: [EntityType: [Kind]] = [
        .body: [("forum", "Forum"), ("udvalg", "Udvalg"), ("styregruppe", "Styregruppe"), ("råd", "Råd"), ("møde", "Møde"),
                ("kreds", "Kreds"), ("ledelse", "Ledelse")].map { Kind(key: $0.0, label: $0.1) },
        .unit: [("region", "Region"), ("sygehus", "Sygehus"), ("administration", "Administration"), ("afdeling", "Afdeling"),
                ("direktion", "Direktion"), ("stab", "Stab")].map { Kind(key: $0.0, label: $0.1) },
    ]

    /// The label of `kind` for `type`, when it is declared.
    func label(ofKind kind: String, for type: EntityType) -> String? {
        kinds[type]?.first { $0.key == kind }?.label
    }
}
