/// Which templates use which: a template uses the partials it includes (`{{> name}}`) and the parent it extends
/// (`{{< name}}`). A change to a template affects every template that uses it, directly or through others.
struct TemplateGraph {
    /// The names each template refers to.
    var uses: [String: Set<String>]

    init(templates: [String: String]) {
        uses = templates.mapValues { Self.references(in: $0) }
    }

    /// `changed` and every template that uses one of them, transitively.
    func affected(by changed: Set<String>) -> Set<String> {
        var affected = changed
        var grew = true
        while grew {
            grew = false
            for (name, used) in uses where !affected.contains(name) && !used.isDisjoint(with: affected) {
                affected.insert(name)
                grew = true
            }
        }
        return affected
    }

    /// True when what some template uses cannot be read from its tags: a partial named at render time (`{{>*name}}`),
    /// or tags after a change of delimiters.
    var hasDynamicPartials: Bool {
        uses.values.contains { $0.contains { $0.hasPrefix("*") } }
    }

    /// The names in the partial and parent tags of `text`.
    static func references(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else { break }
            let tag = after[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let kind = tag.first, kind == ">" || kind == "<" {
                names.insert(tag.dropFirst().trimmingCharacters(in: .whitespaces))
            } else if tag.first == "=" {
                names.insert("*")  // new delimiters: the tags after it are not read here
            }
            rest = after[close.upperBound...]
        }
        return names
    }
}
