/// The words an organisation uses for its own structure, declared in `site.yml`: the kinds of bodies and units with
/// their labels, and optionally its own labels for the entity types.
///
/// ```yaml
/// kinds:
///   body:
///     committee: Committee
///     sig: Special Interest Group
///   unit:
///     foundation: {label: Foundation, top: true}
///     team: Team
/// types:
///   body: {label: Group, plural: Groups}
/// ```
///
/// The engine knows no kinds of its own: they are the organisation's words, so a `kind:` must be declared for its type
/// (an undeclared one is an error that says where to declare it). A type whose label the site does not declare takes
/// the translation's (`type_body`, `type_body_plural`).
package struct Vocabulary: Sendable, Hashable {
    /// One declared kind: the key written in `kind:` and the label shown on pages.
    package struct Kind: Sendable, Hashable {
        package var key: String
        package var label: String
        /// Of a unit kind: whether a unit of this kind is the top of the organisation (`top: true`). Once a site has one,
        /// every other unit must have a `parent` (`ChartChecks`).
        package var isTop: Bool

        package init(key: String, label: String, isTop: Bool = false) {
            self.key = key
            self.label = label
            self.isTop = isTop
        }
    }

    /// A type's own label, singular and plural.
    struct TypeLabel: Sendable, Hashable {
        var label: String
        var plural: String
    }

    /// The kinds of each type that has kinds (body, unit), in the order declared.
    var kinds: [EntityType: [Kind]] = [:]
    /// Where each type's kinds were declared; nil for the defaults.
    var kindsDeclaredAt: [EntityType: SourceLocation] = [:]
    /// The types the site names in its own words.
    var types: [EntityType: TypeLabel] = [:]

    init() {}

    /// The types that take a `kind:`.
    static let typesWithKinds: [EntityType] = [.body, .unit]

    /// The unit kinds declared as the top of the organisation, in the order declared.
    var topUnitKinds: [String] {
        kinds[.unit, default: []].filter(\.isTop).map(\.key)
    }

    /// The label of `kind` for `type`, when it is declared.
    func label(ofKind kind: String, for type: EntityType) -> String? {
        kinds[type]?.first { $0.key == kind }?.label
    }
}
