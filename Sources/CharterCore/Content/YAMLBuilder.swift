/// Builds `YAMLNode` values from a document's events, in order, with an explicit stack (no recursion, however deep the
/// text nests). It knows nothing of C: `YAMLParser` turns libyaml's events into calls on it.
///
/// It refuses what would make a small text costly: lists and mappings nested deeper than `maxDepth`, and aliases that
/// together repeat more than `maxAliasedNodes` values (the "billion laughs": nine aliases of nine aliases of … ). Like
/// YAML's composer it reports an alias to an anchor not yet complete (`&a [*a]`) as undefined, so no value contains
/// itself, and a mapping with two equal keys, at the second.
struct YAMLBuilder {
    /// How many lists and mappings may be open at once: the limit of the patched libyaml that Charter used to build in
    /// (through Yams), which Debian's libyaml does not have.
    static let maxDepth = 1000
    /// How many values aliases may add to one document, counting every value inside each aliased one.
    static let maxAliasedNodes = 10_000

    /// The document's value, once its outermost node is complete.
    private(set) var root: YAMLNode?
    private var stack: [Frame] = []
    /// Each anchor's latest complete value (an anchor may be defined again) and how many values it holds.
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var aliasedNodes = 0

    /// An open list or mapping: its items so far (a mapping's keys in `keys`, its values in `items`).
    private struct Frame {
        var isMapping: Bool
        var mark: YAMLNode.Mark
        var tag: String?
        var anchor: String?
        var keys: [YAMLNode] = []
        var items: [YAMLNode] = []
        /// How many values it holds so far, itself included.
        var size = 1
    }

    mutating func scalar(_ scalar: YAMLNode.Scalar, anchor: String?) {
        add(.scalar(scalar), size: 1, anchor: anchor)
    }

    mutating func alias(_ anchor: String, at mark: YAMLNode.Mark) throws {
        guard let (node, size) = anchors[anchor] else { throw YAMLError("found undefined alias", at: mark) }
        aliasedNodes += size
        guard aliasedNodes <= Self.maxAliasedNodes else {
            throw YAMLError("aliases repeat more than \(Self.maxAliasedNodes) values; write the values out instead", at: mark)
        }
        add(node, size: size, anchor: nil)
    }

    mutating func startSequence(tag: String?, anchor: String?, at mark: YAMLNode.Mark) throws {
        try open(Frame(isMapping: false, mark: mark, tag: tag, anchor: anchor))
    }

    mutating func startMapping(tag: String?, anchor: String?, at mark: YAMLNode.Mark) throws {
        try open(Frame(isMapping: true, mark: mark, tag: tag, anchor: anchor))
    }

    /// Closes the innermost list or mapping; a mapping with two equal keys is an error at the second.
    mutating func end() throws {
        guard let frame = stack.popLast() else { return }
        let node: YAMLNode
        if frame.isMapping {
            if let error = Self.duplicateKeys(frame.keys) { throw error }
            node = .mapping(YAMLNode.Mapping(keys: frame.keys, values: frame.items, mark: frame.mark, tag: frame.tag))
        } else {
            node = .sequence(YAMLNode.Sequence(frame.items, mark: frame.mark, tag: frame.tag))
        }
        add(node, size: frame.size, anchor: frame.anchor)
    }

    private mutating func open(_ frame: Frame) throws {
        guard stack.count < Self.maxDepth else {
            throw YAMLError("lists and mappings nested more than \(Self.maxDepth) levels deep", at: frame.mark)
        }
        stack.append(frame)
    }

    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?) {
        if let anchor { anchors[anchor] = (node, size) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        if stack[top].isMapping && stack[top].keys.count == stack[top].items.count {
            stack[top].keys.append(node)
        } else {
            stack[top].items.append(node)
        }
    }
}
