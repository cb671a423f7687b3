extension YAMLNode {
    /// A list of values, in order.
    struct Sequence: RandomAccessCollection, Sendable {
        /// The items.
        let nodes: [YAMLNode]
        /// Where the list starts (its first `-`, or its `[`).
        let mark: Mark
        /// An explicit tag other than the default one; only compared to tell keys apart.
        let tag: String?

        /// Creates a list.
        init(_ nodes: [YAMLNode], mark: Mark, tag: String? = nil) {
            self.nodes = nodes
            self.mark = mark
            self.tag = tag
        }

        var startIndex: Int { nodes.startIndex }
        var endIndex: Int { nodes.endIndex }
        subscript(position: Int) -> YAMLNode { nodes[position] }
    }

    /// Key/value pairs in the order written; keys are values too, with their own marks. A mapping never holds two equal
    /// keys: the parser reports them.
    struct Mapping: RandomAccessCollection, Sendable {
        /// The keys, in order; `values[i]` belongs to `keys[i]`.
        let keys: [YAMLNode]
        /// The values, in the order of their keys.
        let values: [YAMLNode]
        /// Where the mapping starts (its first key, or its `{`).
        let mark: Mark
        /// An explicit tag other than the default one; only compared to tell keys apart.
        let tag: String?

        /// Creates a mapping of `keys[i]: values[i]`; both must have the same count.
        init(keys: [YAMLNode], values: [YAMLNode], mark: Mark, tag: String? = nil) {
            precondition(keys.count == values.count, "a mapping needs a value for every key")
            self.keys = keys
            self.values = values
            self.mark = mark
            self.tag = tag
        }

        var startIndex: Int { keys.startIndex }
        var endIndex: Int { keys.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { (keys[position], values[position]) }

        /// The value of the text key `key` (an untagged scalar, plain or quoted), if there is one.
        subscript(key: String) -> YAMLNode? {
            keys.firstIndex { if case .scalar(let scalar) = $0 { scalar.tag == nil && scalar.string == key } else { false } }
                .map { values[$0] }
        }

        /// The same mapping with only the pairs for which `isIncluded` is true.
        func keeping(where isIncluded: ((key: YAMLNode, value: YAMLNode)) -> Bool) -> Mapping {
            let kept = indices.filter { isIncluded(self[$0]) }
            return Mapping(keys: kept.map { keys[$0] }, values: kept.map { values[$0] }, mark: mark, tag: tag)
        }
    }
}
