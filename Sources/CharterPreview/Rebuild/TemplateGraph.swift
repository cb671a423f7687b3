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

    /// The names in the partial and parent tags of `text`. A rebuild plans only once its templates compiled, and the
    /// template parser rejects what would hide a use from these tags (a partial named at render time, `{{>*name}}`; a
    /// change of delimiters, `{{=<% %>=}}`), so the tags say all that a template uses.
    static func references(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else { break }
            let tag = after[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let kind = tag.first, kind == ">" || kind == "<" {
                names.insert(tag.dropFirst().trimmingCharacters(in: .whitespaces))
            }
            rest = after[close.upperBound...]
        }
        return names
    }
}
