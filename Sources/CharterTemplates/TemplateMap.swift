/// The named values of a map in a template's context: a small dictionary made for the template renderer, which looks
/// a name up in every context on the stack for every tag.
///
/// A map holds each name with a fingerprint of it; a lookup compares the fingerprints, made once per tag when the
/// template is compiled, and the names only where those match. Maps in contexts hold a few dozen names at most, and a
/// scan over them costs less than hashing the name for a `Dictionary` (about 340 instructions a lookup). Larger maps
/// (the translations, a page's top context) get an index by fingerprint as well, so that no lookup hashes a name. And
/// each map keeps one bit for every name it holds (`Storage.summary`), so that a lookup passes over a context on the
/// stack that cannot hold the name after one test. Names are told apart by their UTF-8 bytes: unlike a
/// `Dictionary`'s, a lookup does not find a name written in another Unicode normalisation form.
///
/// ```swift
/// var page: TemplateMap = ["title": "Forside"]
/// page["lead"] = "Velkommen"
/// ```
package struct TemplateMap: Sendable, Equatable, ExpressibleByDictionaryLiteral, Sequence {
    struct Entry: Sendable {
        var fingerprint: UInt64
        var key: String
        var value: TemplateValue
    }

    /// The entries, in one object: copying a map (every lookup on the context stack does) costs one reference count,
    /// not one per field. Shared storage is copied before a change.
    /// Its fields are changed only through a map that holds the only reference (`set(_:for:)`), so accesses cannot
    /// overlap and are not checked at run time.
    private final class Storage: @unchecked Sendable {  // safe: changed only through the map holding the only reference
        @exclusivity(unchecked) var entries: [Entry]
        /// The place of each name, for maps longer than `TemplateMap.scanLimit`.
        @exclusivity(unchecked) var index: FingerprintIndex?
        /// The dictionary the map was converted from, while it is unchanged: a map printed as text prints as that
        /// dictionary does, names in its order, as swift-mustache prints it.
        @exclusivity(unchecked) var origin: Origin?
        /// The `TemplateKey.summaryBit` of every name, or-ed: a name whose bit is not set is not in the map.
        @exclusivity(unchecked) var summary: UInt64

        init(entries: [Entry], index: FingerprintIndex? = nil, origin: Origin? = nil) {
            self.entries = entries
            self.index = index
            self.origin = origin
            self.summary = entries.reduce(0) { $0 | TemplateKey.summaryBit(of: $1.fingerprint) }
        }
    }

    /// A dictionary of plain Swift values, which are not `Sendable` by type but are never changed.
    struct Origin: @unchecked Sendable {  // safe: the dictionary is a constant, never changed after the map is made
        let dictionary: [String: Any]
    }

    /// Nil until the map is given a name.
    private var storage: Storage?

    /// Above this many names, a lookup uses the index instead of a scan.
    static let scanLimit = 32

    /// An empty map.
    init() {}

    /// A map of the names and values of `dictionary`, converted as `TemplateValue(_:)` converts them.
    init(_ dictionary: [String: Any]) {
        var entries: [Entry] = []
        entries.reserveCapacity(dictionary.count)
        for (key, value) in dictionary {
            entries.append(Entry(fingerprint: TemplateKey.fingerprint(of: key), key: key, value: TemplateValue(value)))
        }
        storage = Storage(entries: entries, index: Self.index(of: entries), origin: Origin(dictionary: dictionary))
    }

    /// A map of the names and values of `dictionary`.
    init(_ dictionary: [String: TemplateValue]) {
        var entries: [Entry] = []
        entries.reserveCapacity(dictionary.count)
        for (key, value) in dictionary { entries.append(Entry(fingerprint: TemplateKey.fingerprint(of: key), key: key, value: value)) }
        storage = Storage(entries: entries, index: Self.index(of: entries))
    }

    /// A map of the pairs; a name given twice keeps its last value.
    package init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var entries: [Entry] = []
        entries.reserveCapacity(elements.count)
        for (key, value) in elements {
            let key = TemplateKey(key)
            if let position = entries.firstIndex(where: { $0.fingerprint == key.fingerprint && $0.key == key.name }) {
                entries[position].value = value
            } else {
                entries.append(Entry(fingerprint: key.fingerprint, key: key.name, value: value))
            }
        }
        storage = Storage(entries: entries, index: Self.index(of: entries))
    }

    /// How many names the map holds.
    var count: Int { storage?.entries.count ?? 0 }

    var isEmpty: Bool { count == 0 }

    /// The dictionary the map was converted from, if it was not changed since.
    var origin: Origin? { storage?.origin }

    /// The value of `key`; setting nil removes it.
    package subscript(key: String) -> TemplateValue? {
        get { self[TemplateKey(key)] }
        set { set(newValue, for: TemplateKey(key)) }
    }

    /// The value of `key`, found by its fingerprint.
    subscript(key: TemplateKey) -> TemplateValue? {
        var hint = 0
        return value(for: key, hint: &hint)
    }

    /// The value of `key`, trying the entry at `hint` first; `hint` becomes the place it was found at.
    ///
    /// Maps made by the same code hold their names in the same order (every item of a list, say), so the place a name
    /// was found at in one is usually its place in the next: a lookup that remembers it compares one entry, not all.
    @inline(__always)
    func value(for key: TemplateKey, hint: inout Int) -> TemplateValue? {
        guard let storage, storage.summary & key.summaryBit != 0 else { return nil }
        let entries = storage.entries
        let found: Int? = {
            if hint < entries.count, entries[hint].fingerprint == key.fingerprint, entries[hint].key == key.name { return hint }
            if let index = storage.index { return index.position(of: key, in: entries) }
            for position in entries.indices where entries[position].fingerprint == key.fingerprint && entries[position].key == key.name {
                return position
            }
            return nil
        }()
        guard let found else { return nil }
        hint = found
        return entries[found].value
    }

    /// The map with `transform` applied to every value.
    func mapValues(_ transform: (TemplateValue) throws -> TemplateValue) rethrows -> TemplateMap {
        guard let storage else { return self }
        var entries = storage.entries
        for position in entries.indices { entries[position].value = try transform(entries[position].value) }
        var result = TemplateMap()
        result.storage = Storage(entries: entries, index: storage.index)
        return result
    }

    /// The names and values, in the order they were first set.
    package func makeIterator() -> Iterator {
        Iterator(entries: storage?.entries ?? [])
    }

    /// The names and values of a map, in the order they were first set.
    ///
    /// A named type, not an opaque one: code in another module (CharterCore's `map`s over a page's context) iterates
    /// it without looking its type up at run time.
    package struct Iterator: IteratorProtocol {
        private let entries: [Entry]
        private var position = 0

        fileprivate init(entries: [Entry]) {
            self.entries = entries
        }

        /// The next name and value, or nil after the last.
        package mutating func next() -> (key: String, value: TemplateValue)? {
            guard position < entries.count else { return nil }
            defer { position += 1 }
            return (key: entries[position].key, value: entries[position].value)
        }
    }

    /// Two maps are equal when they hold the same names with equal values, in any order.
    package static func == (lhs: TemplateMap, rhs: TemplateMap) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return (lhs.storage?.entries ?? []).allSatisfy { entry in rhs[TemplateKey(entry.key, fingerprint: entry.fingerprint)] == entry.value }
    }

    private func position(of key: TemplateKey) -> Int? {
        guard let storage, storage.summary & key.summaryBit != 0 else { return nil }
        if let index = storage.index { return index.position(of: key, in: storage.entries) }
        return storage.entries.firstIndex { $0.fingerprint == key.fingerprint && $0.key == key.name }
    }

    private mutating func set(_ value: TemplateValue?, for key: TemplateKey) {
        let position = position(of: key)
        if position == nil, value == nil { return }
        if storage == nil {
            storage = Storage(entries: [])
        } else if !isKnownUniquelyReferenced(&storage!) {
            storage = Storage(entries: storage!.entries, index: storage!.index)
        }
        let storage = storage!
        storage.origin = nil
        switch (position, value) {
        case (let position?, let value?):
            storage.entries[position].value = value
        case (let position?, nil):
            storage.entries.remove(at: position)
            storage.index = Self.index(of: storage.entries)
            storage.summary = storage.entries.reduce(0) { $0 | TemplateKey.summaryBit(of: $1.fingerprint) }
        case (nil, let value?):
            storage.entries.append(Entry(fingerprint: key.fingerprint, key: key.name, value: value))
            storage.summary |= key.summaryBit
            // The index takes the new name while it has room; else (or when there was none) it is made anew.
            if storage.index?.insert(storage.entries.count - 1, fingerprint: key.fingerprint) != true {
                storage.index = Self.index(of: storage.entries)
            }
        case (nil, nil):
            break
        }
    }

    /// The place of each name, when there are too many to scan.
    private static func index(of entries: [Entry]) -> FingerprintIndex? {
        guard entries.count > scanLimit else { return nil }
        return FingerprintIndex(entries)
    }
}

/// A name to look up in a `TemplateMap`, with its fingerprint.
struct TemplateKey: Sendable, Hashable {
    var name: String
    var fingerprint: UInt64

    init(_ name: String) {
        self.init(name, fingerprint: Self.fingerprint(of: name))
    }

    init(_ name: String, fingerprint: UInt64) {
        self.name = name
        self.fingerprint = fingerprint
    }

    /// The name's bit in a map's summary of its names.
    var summaryBit: UInt64 { Self.summaryBit(of: fingerprint) }

    /// One of 64 bits, chosen by the fingerprint's top six bits (the best mixed).
    @inline(__always)
    static func summaryBit(of fingerprint: UInt64) -> UInt64 { 1 << (fingerprint >> 58) }
}
