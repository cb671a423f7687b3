/// The fields read the same way whatever their key: one of these per row of `EntityFields`, holding the key path of
/// the value it reads into.
extension EntityField {
    typealias Path<Value> = WritableKeyPath<Entity.Fields, Value> & Sendable

    /// A text.
    static func text(_ key: String, _ path: Path<String?>, of types: Set<EntityType>, label: Phrase? = nil) -> EntityField {
        EntityField(key: key, types: types, shape: .text, label: label, read: { $1[keyPath: path] = $0.string(key, &$2) },
                    value: { .text($0[keyPath: path]) })
    }

    /// A whole number.
    static func integer(_ key: String, _ path: Path<Int?>, of types: Set<EntityType>) -> EntityField {
        EntityField(key: key, types: types, shape: .integer, read: { $1[keyPath: path] = $0.integer(key, &$2) },
                    value: { .integer($0[keyPath: path]) })
    }

    /// A date, `YYYY-MM-DD`.
    static func day(_ key: String, _ path: Path<Day?>, of types: Set<EntityType>, label: Phrase? = nil) -> EntityField {
        EntityField(key: key, types: types, shape: .day, label: label, read: { $1[keyPath: path] = $0.day(key, &$2) },
                    value: { .day($0[keyPath: path]) })
    }

    /// A date, or a point in time in words.
    static func dateOrText(_ key: String, _ path: Path<DateOrText?>, of types: Set<EntityType>, label: Phrase? = nil) -> EntityField {
        EntityField(key: key, types: types, shape: .dateOrText, label: label, read: { $1[keyPath: path] = $0.dateOrText(key, &$2) },
                    value: { .dateOrText($0[keyPath: path]) })
    }

    /// A list of texts.
    static func texts(_ key: String, _ path: Path<[String]>, of types: Set<EntityType>, label: Phrase? = nil) -> EntityField {
        EntityField(key: key, types: types, shape: .texts, label: label, read: { $1[keyPath: path] = $0.strings(key, &$2) },
                    value: { .texts($0[keyPath: path]) })
    }

    /// A list of lines of Markdown.
    static func markdownList(_ key: String, _ path: Path<[MarkdownText]>, of types: Set<EntityType>) -> EntityField {
        EntityField(key: key, types: types, shape: .markdownList, read: { $1[keyPath: path] = $0.markdownList(key, &$2) },
                    value: { .markdownList($0[keyPath: path]) })
    }

    /// An id of an entity of one of `targets`.
    static func reference(_ key: String, _ path: Path<Reference?>, of types: Set<EntityType>, to targets: Set<EntityType>,
                          label: Phrase? = nil, via: Phrase) -> EntityField {
        EntityField(key: key, types: types, shape: .reference, targets: targets, label: label, via: via,
                    read: { $1[keyPath: path] = $0.reference(key, &$2) }, value: { .reference($0[keyPath: path]) })
    }

    /// A list of ids of entities of `targets`.
    static func references(_ key: String, _ path: Path<[Reference]>, of types: Set<EntityType>, to targets: Set<EntityType>,
                           via: Phrase) -> EntityField {
        EntityField(key: key, types: types, shape: .references, targets: targets, via: via,
                    read: { $1[keyPath: path] = $0.references(key, &$2) }, value: { .references($0[keyPath: path]) })
    }

    /// One id or a list of ids of entities of `targets`.
    static func referenceOrList(_ key: String, _ path: Path<[Reference]>, of types: Set<EntityType>, to targets: Set<EntityType>,
                                label: Phrase, via: Phrase) -> EntityField {
        EntityField(key: key, types: types, shape: .referenceOrList, targets: targets, label: label, via: via,
                    read: { $1[keyPath: path] = $0.referenceOrList(key, &$2) }, value: { .references($0[keyPath: path]) })
    }

    /// An id that may change over time: its current value goes to `path`, all its values (when dated or several) to
    /// `Entity.Fields.dated` under the key.
    static func datedReference(_ key: String, _ path: Path<Reference?>, of types: Set<EntityType>, to targets: Set<EntityType>,
                               label: Phrase, via: Phrase) -> EntityField {
        EntityField(key: key, types: types, shape: .datedReference, targets: targets, label: label, via: via, current: path,
                    read: { ($1[keyPath: path], $1.dated[key]) = EntityReader.dated(key, $0, &$2) },
                    value: { .reference($0[keyPath: path]) })
    }

    /// A list of mappings (or ids), each read by `item`; the list read goes to `path`.
    static func list<Item>(_ key: String, _ shape: Shape, _ path: Path<[Item]>, of types: Set<EntityType>, via: Phrase? = nil,
                           to targets: Set<EntityType> = [],
                           item: @escaping @Sendable (YAMLNode, FieldReader, Entity.Fields, inout Diagnostics) -> Item?,
                           value: @escaping @Sendable ([Item]) -> Value) -> EntityField {
        EntityField(key: key, types: types, shape: shape, targets: targets, via: via, read: { fields, values, diagnostics in
            values[keyPath: path] = fields.list(key, &diagnostics).compactMap { item($0, fields, values, &diagnostics) }
        }, value: { value($0[keyPath: path]) })
    }
}
