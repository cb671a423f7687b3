/// Reads typed values out of a YAML mapping, adding a located diagnostic for every value of the wrong shape.
struct FieldReader {
    let mapping: YAMLNode.Mapping
    let path: String
    let lineOffset: Int
    /// The place in `mapping` of each key's first pair, by the key's text: a front matter is read field by field, so
    /// lookups must be cheap (and places are cheaper to keep than copies of the nodes).
    private let places: [String: Int]

    init(mapping: YAMLNode.Mapping, path: String, lineOffset: Int) {
        self.mapping = mapping
        self.path = path
        self.lineOffset = lineOffset
        var places: [String: Int] = [:]
        places.reserveCapacity(mapping.count)
        for (place, key) in mapping.keys.enumerated() {
            guard case .scalar(let scalar) = key, places[scalar.string] == nil else { continue }
            places[scalar.string] = place
        }
        self.places = places
    }

    func location(of node: YAMLNode) -> SourceLocation {
        YAMLReader.location(of: node, path: path, lineOffset: lineOffset)
    }

    func node(_ key: String) -> YAMLNode? {
        places[key].map { mapping.values[$0] }
    }

    func isNull(_ node: YAMLNode) -> Bool {
        if case .scalar(let scalar) = node { return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) }
        return false
    }

    func string(_ key: String, _ diagnostics: inout Diagnostics) -> String? {
        guard let node = node(key), !isNull(node) else { return nil }
        return string(node, key: key, &diagnostics)
    }

    func string(_ node: YAMLNode, key: String, _ diagnostics: inout Diagnostics) -> String? {
        guard case .scalar(let scalar) = node else {
            diagnostics.error("'\(key)' must be a text, not a \(shape(of: node))", at: location(of: node))
            return nil
        }
        return scalar.string
    }

    func markdown(_ key: String, _ diagnostics: inout Diagnostics) -> MarkdownText? {
        guard let node = node(key), let text = string(key, &diagnostics) else { return nil }
        return MarkdownText(text, at: textLocation(of: node))
    }

    func markdownList(_ key: String, _ diagnostics: inout Diagnostics) -> [MarkdownText] {
        list(key, &diagnostics).compactMap { item in
            string(item, key: key, &diagnostics).map { MarkdownText($0, at: textLocation(of: item)) }
        }
    }

    /// Where a value's text starts: after the opening quote of a quoted scalar.
    func textLocation(of node: YAMLNode) -> SourceLocation {
        var location = location(of: node)
        if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted { location.column += 1 }
        return location
    }

    func strings(_ key: String, _ diagnostics: inout Diagnostics) -> [String] {
        list(key, &diagnostics).compactMap { string($0, key: key, &diagnostics) }
    }

    func list(_ key: String, _ diagnostics: inout Diagnostics) -> [YAMLNode] {
        guard let node = node(key), !isNull(node) else { return [] }
        guard case .sequence(let sequence) = node else {
            diagnostics.error("'\(key)' must be a list (lines starting with '- '), not a \(shape(of: node))", at: location(of: node))
            return []
        }
        return sequence.nodes
    }

    func reference(_ key: String, _ diagnostics: inout Diagnostics) -> Reference? {
        guard let node = node(key), let id = string(key, &diagnostics) else { return nil }
        return Reference(id: id, location: location(of: node))
    }

    func references(_ key: String, _ diagnostics: inout Diagnostics) -> [Reference] {
        list(key, &diagnostics).compactMap { item in
            string(item, key: key, &diagnostics).map { Reference(id: $0, location: location(of: item)) }
        }
    }

    /// One id or a list of ids (`replaces: a` or `replaces: [a, b]`).
    func referenceOrList(_ key: String, _ diagnostics: inout Diagnostics) -> [Reference] {
        guard let node = node(key), !isNull(node) else { return [] }
        if case .sequence = node { return references(key, &diagnostics) }
        return reference(key, &diagnostics).map { [$0] } ?? []
    }

    func day(_ key: String, _ diagnostics: inout Diagnostics) -> Day? {
        guard let node = node(key), let text = string(key, &diagnostics) else { return nil }
        guard let day = Day(iso: text) else {
            diagnostics.error("'\(key)' must be a date written YYYY-MM-DD, not '\(text)'", at: location(of: node))
            return nil
        }
        return day
    }

    func dateOrText(_ key: String, _ diagnostics: inout Diagnostics) -> DateOrText? {
        guard let node = node(key), let text = string(key, &diagnostics) else { return nil }
        let value = DateOrText(text)
        if case .text = value, text.first?.isNumber == true, text.contains("-") {
            diagnostics.error("'\(key)' looks like a date but is not a valid one: '\(text)' (write YYYY-MM-DD)", at: location(of: node))
        }
        return value
    }

    func integer(_ key: String, _ diagnostics: inout Diagnostics) -> Int? {
        guard let node = node(key), let text = string(key, &diagnostics) else { return nil }
        guard let value = Int(text) else {
            diagnostics.error("'\(key)' must be a whole number, not '\(text)'", at: location(of: node))
            return nil
        }
        return value
    }

    /// Reports every key not in `allowed`, suggesting the nearest allowed key.
    func checkKeys(allowed: Set<String>, context: String, _ diagnostics: inout Diagnostics) {
        for (key, _) in mapping {
            guard let name = key.string else { continue }
            guard !allowed.contains(name) else { continue }
            let hint = Spelling.nearest(to: name, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.error("unknown field '\(name)' on \(context)\(hint)", at: location(of: key))
        }
    }

    func shape(of node: YAMLNode) -> String {
        switch node {
        case .scalar: "text"
        case .mapping: "mapping"
        case .sequence: "list"
        }
    }
}
