/// One thing the site describes — a body, unit, role, person, project or free page — read from one content file.
///
/// Its values (`Entity.Fields`) are read by name: `entity.chair`, `entity.members`. Fields that belong to one type only
/// are nil or empty on the others; `EntityFields` says which keys each type allows.
@dynamicMemberLookup
public struct Entity: Sendable, Identifiable {
    /// The fields, shared between copies until one of them changes (entities are copied often while rendering; a
    /// copy is then one reference count, not one per field).
    private var storage: Storage

    private final class Storage: @unchecked Sendable {  // safe: copy on write, changed only when uniquely referenced
        /// Unchecked: a storage is changed only through a uniquely referenced entity (below), and `value(of:)` passes it
        /// `inout` to a reader that does not write, so no two accesses conflict; the checks cost a run-time call on every
        /// read of every field.
        @exclusivity(unchecked) var fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    init(_ fields: Fields) {
        storage = Storage(fields)
    }

    /// All the values, as one struct.
    public var fields: Fields { storage.fields }

    /// The value of the field at `field`: `entity.title`, `entity.reportsTo`.
    @inline(__always)
    public subscript<Value>(dynamicMember field: KeyPath<Fields, Value>) -> Value {
        storage.fields[keyPath: field]
    }

    /// The value of the field at `field`, changed in this entity only (its storage is copied first if shared).
    subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        @inline(__always) get { storage.fields[keyPath: field] }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            storage.fields[keyPath: field] = newValue
        }
    }

    /// The value `field` holds in this entity, read where it is stored (`EntityField.value` only reads).
    func value(of field: EntityField) -> EntityField.Value {
        field.value(&storage.fields)
    }

    /// The entity's id (a stored field; named here too, as `Identifiable` asks).
    public var id: String { storage.fields.id }

    // Named here too because code passes them as key paths (`map(\.type)`, `compactMap(\.updated)`), and a key path
    // through the dynamic member subscript copies the whole struct of fields on every call.
    /// What the entity is.
    public var type: EntityType { storage.fields.type }
    /// When the page was last revised, if it says.
    public var updated: Day? { storage.fields.updated }

    /// A project that is only an idea (status `idea`): its dates are what it would take, not what is decided.
    var isCandidate: Bool { self.type == .project && self.status == "idea" }

    /// The file's text before the Markdown body (the front matter and its fences) and the body, as the reader split it.
    package var frontMatterAndBody: (front: Substring, body: Substring) { FrontMatter.parts(of: self.file.text) }

    /// Every outgoing reference with the name of the field it stands in, for resolution and backlinks: the reference
    /// fields of the entity's type in `EntityFields` order, then earlier and later values of dated fields.
    public var references: [(field: String, reference: Reference)] {
        var all: [(String, Reference)] = []
        for field in EntityFields.fields(of: storage.fields.type) {
            field.forEachReference(in: &storage.fields) { all.append(($0, $1)) }
        }
        // Earlier and later values of dated fields; the current one is already above.
        let dated = storage.fields.dated
        for field in dated.keys.sorted() {
            for value in dated[field]! where !all.contains(where: { $0.0 == field && $0.1 == value.reference }) {
                all.append((field, value.reference))
            }
        }
        return all
    }

    /// Every piece of Markdown written in the front matter.
    public var frontMatterMarkdown: [MarkdownText] {
        let fields = storage.fields
        return [fields.terms?.purpose].compactMap { $0 } + (fields.terms?.tasks ?? []) + fields.responsibilities + fields.goals
    }
}

/// A link or image destination written in an entity's Markdown, and where.
public struct LinkUse: Sendable, Hashable {
    public internal(set) var destination: String
    public internal(set) var location: SourceLocation
}
