import Foundation

/// Turns one content file into an `Entity`: splits the front matter, reads every field by type, parses the Markdown.
enum EntityReader {
    /// Reads `file`, adding every problem found to `diagnostics`. Returns nil when the file cannot be an entity at all.
    static func read(_ file: SourceFile, into diagnostics: inout Diagnostics) -> Entity? {
        let front = FrontMatter.parse(file, into: &diagnostics)
        guard let yaml = front.yaml else {
            if front.bodyLineOffset > 0, !diagnostics.hasErrors(in: file.path) {
                diagnostics.error("front matter is empty: give at least 'type' and 'title'",
                                  at: SourceLocation(path: file.path, line: 1, column: 1))
            }
            return nil
        }
        guard case .mapping(let mapping) = yaml else {
            diagnostics.error("front matter must be a mapping of 'key: value' lines",
                              at: YAMLReader.location(of: yaml, path: file.path, lineOffset: 1))
            return nil
        }
        let allFields = FieldReader(mapping: mapping, path: file.path, lineOffset: 1)
        let fileStart = SourceLocation(path: file.path, line: 1, column: 1)

        guard let typeName = allFields.string("type", &diagnostics) else {
            diagnostics.error("missing 'type': one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", "))", at: fileStart)
            return nil
        }
        guard let type = EntityType(rawValue: typeName) else {
            let hint = Spelling.nearest(to: typeName, in: EntityType.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.error("unknown type '\(typeName)'\(hint); use one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", "))",
                              at: allFields.location(of: allFields.node("type")!))
            return nil
        }
        let allowed = EntitySchema.allKeys(for: type)
        allFields.checkKeys(allowed: allowed, context: "a \(type.rawValue)", &diagnostics)
        // Only the type's own keys are read further, so an unknown key is reported once, not again as a bad value.
        let fields = FieldReader(mapping: mapping.keeping { allowed.contains($0.key.string ?? "") },
                                 path: file.path, lineOffset: 1)

        let defaultID = String(file.relativePath.fileName.dropLast(3))
        let id = fields.string("id", &diagnostics) ?? defaultID
        let idLocation = fields.node("id").map(fields.location(of:)) ?? fileStart
        let title = fields.string("title", &diagnostics) ?? ""
        // A visible ASCII character settles it without Foundation; otherwise trim as Foundation does.
        if !title.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) && title.trimmingCharacters(in: .whitespaces).isEmpty {
            diagnostics.error("missing 'title': every page needs a title", at: fields.node("title").map(fields.location(of:)) ?? fileStart)
        }

        let (markdown, flattenedAt) = CommonMark.parse(front.body, maxDepth: CommonMark.maxDepth)
        if let flattenedAt {
            diagnostics.warning("Markdown nested more than \(CommonMark.maxDepth) levels deep: the deeper levels are shown as plain text",
                                at: SourceLocation(path: file.path, line: flattenedAt.line + front.bodyLineOffset, column: flattenedAt.column))
        }
        var values = Entity.Fields(id: id, type: type, title: title, file: file, markdown: markdown,
                                   bodyLineOffset: front.bodyLineOffset, location: idLocation)
        for field in EntityFields.fields(of: type) { field.read?(fields, &values, &diagnostics) }
        values.headings = Heading.all(in: markdown)
        var entity = Entity(values)
        (entity.linkUses, entity.rawHTML) = LinkResolver.uses(in: entity)
        return entity
    }

    /// A member: an id, or a mapping `{ref, as, from, until}`.
    static func member(from node: YAMLNode, _ fields: FieldReader, _ diagnostics: inout Diagnostics) -> Member? {
        switch node {
        case .scalar(let scalar):
            return Member(reference: Reference(id: scalar.string, location: fields.location(of: node)))
        case .mapping(let mapping):
            let item = FieldReader(mapping: mapping, path: fields.path, lineOffset: fields.lineOffset)
            item.checkKeys(allowed: ["ref", "as", "from", "until"], context: "a member", &diagnostics)
            guard let ref = item.reference("ref", &diagnostics) else {
                diagnostics.error("a member written as a mapping needs 'ref: <id>'", at: fields.location(of: node))
                return nil
            }
            return Member(reference: ref, label: item.string("as", &diagnostics), period: period(item, at: fields.location(of: node), &diagnostics))
        default:
            diagnostics.error("a member must be an id or a mapping with 'ref' and 'as'", at: fields.location(of: node))
            return nil
        }
    }

    /// A reference field that may change over time: an id, a mapping `{ref, from, until}`, or a list of those. Returns
    /// the current value (the last one with no `until`, else the last) and, when any value is dated or there are
    /// several, all of them.
    static func dated(_ key: String, _ fields: FieldReader, _ diagnostics: inout Diagnostics) -> (Reference?, [DatedReference]?) {
        guard let node = fields.node(key), !fields.isNull(node) else { return (nil, nil) }
        func one(_ node: YAMLNode) -> DatedReference? {
            switch node {
            case .scalar(let scalar):
                return DatedReference(reference: Reference(id: scalar.string, location: fields.location(of: node)), period: Period())
            case .mapping(let mapping):
                let item = FieldReader(mapping: mapping, path: fields.path, lineOffset: fields.lineOffset)
                item.checkKeys(allowed: ["ref", "from", "until"], context: "'\(key)'", &diagnostics)
                guard let ref = item.reference("ref", &diagnostics) else {
                    diagnostics.error("'\(key)' written as a mapping needs 'ref: <id>'", at: fields.location(of: node))
                    return nil
                }
                return DatedReference(reference: ref, period: period(item, at: fields.location(of: node), &diagnostics))
            default:
                diagnostics.error("'\(key)' must be an id, a mapping with 'ref', 'from' and 'until', or a list of those",
                                  at: fields.location(of: node))
                return nil
            }
        }
        let values: [DatedReference]
        if case .sequence(let sequence) = node { values = sequence.compactMap(one) } else { values = one(node).map { [$0] } ?? [] }
        let current = values.last { $0.period.until == nil } ?? values.last
        let keep = values.count > 1 || values.contains { !$0.period.isOpen }
        return (current?.reference, keep ? values : nil)
    }

    /// The `from` and `until` of a mapping (a member, a dated reference), each a date or a described event.
    private static func period(_ item: FieldReader, at location: SourceLocation, _ diagnostics: inout Diagnostics) -> Period {
        let from = item.dateOrText("from", &diagnostics)
        let until = item.dateOrText("until", &diagnostics)
        let written = (item.node("from") ?? item.node("until")).map(item.location(of:)) ?? location
        return Period(from: from, until: until, location: written)
    }

    /// A project's phase: `{status, from, until}`.
    static func phase(from node: YAMLNode, type: EntityType, _ fields: FieldReader, _ diagnostics: inout Diagnostics) -> Phase? {
        guard case .mapping(let mapping) = node else {
            diagnostics.error("a phase must be a mapping with 'status' and 'from' or 'until'", at: fields.location(of: node))
            return nil
        }
        let item = FieldReader(mapping: mapping, path: fields.path, lineOffset: fields.lineOffset)
        item.checkKeys(allowed: ["status", "from", "until"], context: "a phase", &diagnostics)
        guard let status = item.string("status", &diagnostics) else {
            diagnostics.error("a phase needs 'status'", at: fields.location(of: node))
            return nil
        }
        guard EntitySchema.statuses(for: type).contains(status) else {
            diagnostics.error("unknown status '\(status)' for a \(type.rawValue); use one of \(EntitySchema.statuses(for: type).joined(separator: ", "))",
                              at: item.location(of: item.node("status")!))
            return nil
        }
        return Phase(status: status, period: period(item, at: fields.location(of: node), &diagnostics))
    }

    /// A decision: `{title, date}`, the date a date or text.
    static func decision(from node: YAMLNode, _ fields: FieldReader, _ diagnostics: inout Diagnostics) -> Decision? {
        guard case .mapping(let mapping) = node else {
            diagnostics.error("a decision must be a mapping with 'title' and 'date'", at: fields.location(of: node))
            return nil
        }
        let item = FieldReader(mapping: mapping, path: fields.path, lineOffset: fields.lineOffset)
        item.checkKeys(allowed: ["title", "date"], context: "a decision", &diagnostics)
        let title = item.string("title", &diagnostics)
        let date = item.dateOrText("date", &diagnostics)
        if title == nil { diagnostics.error("a decision needs 'title'", at: fields.location(of: node)) }
        if date == nil { diagnostics.error("a decision needs 'date' (a date, or text for a time without one)", at: fields.location(of: node)) }
        guard let title, let date else { return nil }
        return Decision(title: title, date: date, location: fields.location(of: node))
    }

    /// An agenda item: `{title, cadence, every, from}`.
    static func agendaItem(from node: YAMLNode, _ fields: FieldReader, _ diagnostics: inout Diagnostics) -> AgendaItem? {
        guard case .mapping(let mapping) = node else {
            diagnostics.error("an agenda item must be a mapping with 'title' (and 'cadence', 'every', 'from')", at: fields.location(of: node))
            return nil
        }
        let item = FieldReader(mapping: mapping, path: fields.path, lineOffset: fields.lineOffset)
        item.checkKeys(allowed: ["title", "cadence", "every", "from"], context: "an agenda item", &diagnostics)
        guard let title = item.string("title", &diagnostics) else {
            diagnostics.error("an agenda item needs 'title'", at: fields.location(of: node))
            return nil
        }
        let every = item.string("every", &diagnostics)
        if let every, AgendaItem.rules[every] == nil {
            diagnostics.error("unknown 'every' value '\(every)'; use one of \(AgendaItem.rules.keys.sorted().joined(separator: ", "))",
                              at: item.location(of: item.node("every")!))
        }
        return AgendaItem(title: title, cadence: item.string("cadence", &diagnostics), every: every, from: item.day("from", &diagnostics),
                          location: fields.location(of: node))
    }

    /// A body's terms of reference: the `terms:` mapping.
    static func terms(from node: YAMLNode, _ fields: FieldReader, _ diagnostics: inout Diagnostics) -> Terms? {
        guard case .mapping(let mapping) = node else {
            diagnostics.error("'terms' must be a mapping (title, status, version, purpose, tasks, …)", at: fields.location(of: node))
            return nil
        }
        let item = FieldReader(mapping: mapping, path: fields.path, lineOffset: fields.lineOffset)
        item.checkKeys(allowed: EntitySchema.termsKeys, context: "terms", &diagnostics)
        let status = item.string("status", &diagnostics) ?? "draft"
        if !["draft", "approved"].contains(status) {
            diagnostics.error("unknown terms status '\(status)'; use draft or approved", at: item.location(of: item.node("status")!))
        }
        var terms = Terms(status: status, location: fields.location(of: node))
        terms.title = item.string("title", &diagnostics)
        terms.version = item.string("version", &diagnostics)
        terms.approvedBy = item.reference("approved_by", &diagnostics)
        terms.approved = item.day("approved", &diagnostics)
        terms.purpose = item.markdown("purpose", &diagnostics)
        terms.tasks = item.markdownList("tasks", &diagnostics)
        terms.period = item.string("period", &diagnostics)
        terms.meets = item.string("meets", &diagnostics)
        return terms
    }
}

extension Diagnostics {
    func hasErrors(in path: String) -> Bool {
        sorted.contains { $0.severity == .error && $0.location.path == path }
    }
}
