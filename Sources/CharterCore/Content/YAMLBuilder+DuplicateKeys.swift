extension YAMLBuilder {
    /// The error for a mapping's keys when two are the same key: every repeated key named (texts in order, as Yams named
    /// them), at the second occurrence of the first one named.
    static func duplicateKeys(_ keys: [YAMLNode]) -> YAMLError? {
        guard keys.count > 1 else { return nil }
        // The first and second place of each repeated key. A front matter's few keys are compared pair by pair; a
        // long mapping is hashed, so that a huge one cannot take quadratic time.
        var repeats: [(first: Int, second: Int)] = []
        if keys.count <= 16 {
            for second in keys.indices.dropFirst() {
                guard let first = keys[..<second].firstIndex(where: { $0.isSameKey(as: keys[second]) }),
                      !repeats.contains(where: { $0.first == first }) else { continue }
                repeats.append((first, second))
            }
        } else {
            var firsts: [Key: Int] = [:]
            var named: Set<Int> = []
            for (place, node) in keys.enumerated() {
                if let first = firsts[Key(node: node)] {
                    if named.insert(first).inserted { repeats.append((first, place)) }
                } else {
                    firsts[Key(node: node)] = place
                }
            }
        }
        guard !repeats.isEmpty else { return nil }
        let ordered = repeats.sorted { a, b in
            switch (keys[a.first].string, keys[b.first].string) {
            case let (x?, y?): x < y
            case (_?, nil): true
            default: false
            }
        }
        let names = ordered.map { keys[$0.first].nameForDuplicate }
        return YAMLError("duplicate key '\(names.joined(separator: "', '"))' in a mapping", at: keys[ordered[0].second].mark)
    }

    /// A key that hashes and compares as YAML compares keys.
    private struct Key: Hashable {
        let node: YAMLNode
        static func == (a: Key, b: Key) -> Bool { a.node.isSameKey(as: b.node) }
        func hash(into hasher: inout Hasher) { node.hashKey(into: &hasher) }
    }
}

extension YAMLNode {
    /// Whether two keys are the same key, as YAML decides: the same kind, tag and content, wherever they stand and
    /// however they are quoted (`title` and `"title"` are the same key; `!foo title` is another).
    func isSameKey(as other: YAMLNode) -> Bool {
        switch (self, other) {
        case let (.scalar(a), .scalar(b)):
            a.tag == b.tag && a.string == b.string
        case let (.sequence(a), .sequence(b)):
            a.tag == b.tag && a.count == b.count && zip(a.nodes, b.nodes).allSatisfy { $0.isSameKey(as: $1) }
        case let (.mapping(a), .mapping(b)):
            a.tag == b.tag && a.count == b.count && zip(a.keys, b.keys).allSatisfy { $0.isSameKey(as: $1) }
                && zip(a.values, b.values).allSatisfy { $0.isSameKey(as: $1) }
        default:
            false
        }
    }

    /// Hashes what `isSameKey` compares.
    func hashKey(into hasher: inout Hasher) {
        switch self {
        case .scalar(let scalar):
            hasher.combine(0)
            hasher.combine(scalar.tag)
            hasher.combine(scalar.string)
        case .sequence(let sequence):
            hasher.combine(1)
            hasher.combine(sequence.tag)
            for node in sequence.nodes { node.hashKey(into: &hasher) }
        case .mapping(let mapping):
            hasher.combine(2)
            hasher.combine(mapping.tag)
            for (key, value) in mapping {
                key.hashKey(into: &hasher)
                value.hashKey(into: &hasher)
            }
        }
    }

    /// A key's name in a duplicate-key error: its text, or what it is when it has none.
    fileprivate var nameForDuplicate: String {
        switch self {
        case .scalar(let scalar): scalar.string
        case .sequence: "<list>"
        case .mapping: "<mapping>"
        }
    }
}
