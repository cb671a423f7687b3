/// One front-matter key of an entity, declared once in `EntityFields`: its key, the types that allow it, how its value
/// is written and read, what a reference may point to, and how the page labels it.
///
/// The schema (`EntitySchema`), the reader (`EntityReader`), the references (`Entity.references`), the data exports
/// and the page's facts all take a field from here, so a new field is a property of `Entity.Fields` and a row of the
/// table.
struct EntityField: Sendable {
    /// How a value is written in the front matter (and so the shape it has in `model.json`).
    enum Shape: Sendable, Equatable {
        case text, integer, day, dateOrText, texts, markdownList
        /// An id.
        case reference
        /// A list of ids.
        case references
        /// One id or a list of ids (`replaces: a` or `replaces: [a, b]`).
        case referenceOrList
        /// An id that may change over time: an id, `{ref, from, until}`, or a list of those (`Entity.dated`).
        case datedReference
        case members, terms, agenda, decisions, phases
    }

    /// A field's value, as the exports and the page read it.
    enum Value {
        case text(String?), integer(Int?), day(Day?), dateOrText(DateOrText?), texts([String]), markdownList([MarkdownText])
        /// A reference, or of a dated one the current value.
        case reference(Reference?)
        /// Several references, in the order written.
        case references([Reference])
        /// The seats that hold (`Entity.members`; `memberHistory` has them all).
        case members([Member])
        case terms(Terms?), agenda([AgendaItem]), decisions([Decision]), phases([Phase])
    }

    /// Reads a field out of the front matter (only the type's own keys are left in it) into an entity's values.
    typealias Reader = @Sendable (FieldReader, inout Entity.Fields, inout Diagnostics) -> Void

    /// The YAML key.
    let key: String
    /// The types whose front matter allows the key.
    let types: Set<EntityType>
    let shape: Shape
    /// The types a reference may point to (for `terms`, its `approved_by`); empty for a field that is no reference.
    var targets: Set<EntityType> = []
    /// The label of the field among the facts of a page (the page chooses which fields it shows, and in what order).
    var label: Phrase? = nil
    /// How a backlink through the field reads ("reports to this").
    var via: Phrase? = nil
    /// Of a dated reference, where its current value is kept (`Chronology.snapshot` sets the value of its moment).
    var current: (WritableKeyPath<Entity.Fields, Reference?> & Sendable)? = nil
    /// How the value is read; nil for `type`, `id` and `title`, which `EntityReader` reads before the entity exists.
    let read: Reader?
    /// The value of an entity. The fields are `inout` only so that the key path reads the value where it is: a key path
    /// applied to a struct passed by value copies the whole struct first (every field, every reference count), which
    /// cost 4 % of a build. It changes nothing.
    let value: @Sendable (inout Entity.Fields) -> Value

    /// The name a reference inside `terms` is known by (in diagnostics, backlinks and `model.json`).
    static let termsApprovedBy = "terms.approved_by"

    /// Calls `body` with each reference the field holds in `fields` and the name of the field it stands in.
    func forEachReference(in fields: inout Entity.Fields, _ body: (String, Reference) -> Void) {
        switch value(&fields) {
        case .reference(let reference?): body(key, reference)
        case .references(let references): for reference in references { body(key, reference) }
        case .members(let members): for member in members { body(key, member.reference) }
        case .terms(let terms?): if let approvedBy = terms.approvedBy { body(Self.termsApprovedBy, approvedBy) }
        default: break
        }
    }
}
