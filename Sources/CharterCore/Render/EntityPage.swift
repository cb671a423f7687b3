import CharterTemplates

/// Builds the template context of one entity's page: its facts, text, table of contents, relations and backlinks.
struct EntityPage {
    let entity: Entity
    let linker: PageLinker
    var site: Site { linker.site }
    var relations: Relations { site.relations }

    /// The page's context, built as template values directly (no `[String: Any]` to convert).
    func context() -> TemplateMap {
        guard case .map(var context) = linker.itemValue(entity) else { return [:] }
        let headings = site.headings[entity.id, default: []]
        context["content"] = .utf8(linker.markdown(entity.markdown, of: entity, headingIDs: headings.map(\.id)).renderBytes(entity.markdown))
        context["isDraft"] = .bool(entity.status == "draft" || (entity.terms?.isDraft ?? false))
        if let updated = entity.updated {
            context["updated"] = .string(site.date(updated))
            context["updatedISO"] = .string(updated.description)
        }
        if let short = entity.short { context["short"] = .string(short) }
        var toc: [TemplateValue] = headings.filter { $0.level <= 3 }.map {
            .map(["id": .string($0.id), "text": .string($0.text), "sub": .bool($0.level == 3)])
        }
        if entity.terms != nil {
            toc.append(.map(["id": .string(TermsSection.terms.id), "text": .string(TermsSection.terms.title(in: site.translation)), "sub": .bool(false)]))
        }
        context["toc"] = .list(toc.count >= 2 ? toc : [])
        context["facts"] = .list(facts())
        context["backlinks"] = .list(site.backlinks[entity.id, default: []].compactMap { backlink -> TemplateValue? in
            guard let from = site[backlink.from], case .map(var item) = linker.itemValue(from) else { return nil }
            // A body's own word for its chair ("formand") names the relation, as it does on the body's page.
            if backlink.via == "chair", let chairTitle = from.chairTitle {
                item["via"] = .string(site.translation.titleMidSentence(chairTitle))
            } else {
                item["via"] = .string(site.translation[Self.viaPhrase(backlink.via)])
            }
            if let status = Self.markedStatus(from) { item["markedStatus"] = .string(status) }
            return .map(item)
        })
        context["seats"] = .list(seats())
        switch entity.type {
        case .body:
            context["members"] = .list(entity.members.map(member))
            context["reportingBodies"] = .list(items(relations.reportingBodies[entity.id]))
            context["projects"] = .list(items(relations.projectsOwned[entity.id]))
            if let terms = entity.terms { context["terms"] = .map(termsContext(terms)) }
        case .unit:
            context["childUnits"] = .list(items(relations.childUnits[entity.id]))
            context["roles"] = .list(items(relations.rolesInUnit[entity.id]))
            context["secretariatFor"] = .list(items(relations.secretariatFor[entity.id]))
            context["projects"] = .list(items(relations.projectsOfUnit[entity.id]))
            context["sites"] = .list(entity.sites.map(TemplateValue.string))
        case .role:
            context["holders"] = .list(items(relations.holders[entity.id]))
            context["responsibilities"] = .list(entity.responsibilities.map { .string(linker.inline($0, of: entity)) })
        case .person:
            context["roles"] = .list(items(relations.rolesOfPerson[entity.id]))
        case .project:
            context["goals"] = .list(entity.goals.map { .string(linker.inline($0, of: entity)) })
            context["units"] = .list(items(entity.units.map(\.id)))
        case .page: break
        }
        return context
    }

    func items(_ ids: [String]?) -> [TemplateValue] {
        (ids ?? []).compactMap { site[$0] }.map(linker.itemValue)
    }

    func member(_ member: Member) -> TemplateValue {
        var item: TemplateMap = ["html": .string(linker.link(member.reference.id))]
        if let label = member.label { item["label"] = .string(label) }
        if let target = site[member.reference.id] { item["typeLabel"] = .string(site.singular(target.type)) }
        return .map(item)
    }

    /// The fields shown as facts, in the page's order: what the entity is and its state first, the day
    /// it was last updated last (so not in `EntityFields` order).
    static let facts: [EntityField] = ["kind", "status", "reports_to", "chair", "secretariat", "meets", "established", "ends",
                                       "replaces", "replaced_by", "parent", "head", "sites", "unit", "owner", "start",
                                       "in_operation_by", "updated"].map { EntityFields.field($0)! }

    /// The facts table: label and HTML value, only for fields that are set.
    func facts() -> [TemplateValue] {
        var facts: [TemplateValue] = []
        let values = entity.fields
        let t = site.translation
        for field in Self.facts {
            let html: String?
            let label: String
            switch field.key {
            // A kind, a status and a chair read in the site's words.
            case "kind": (label, html) = (t[.fieldKind], site.kindLabel(of: entity).map(HTML.escape))
            case "status": (label, html) = (t[.fieldStatus], values.status.map { HTML.escape(site.statusLabel($0)) })
            case "chair": (label, html) = (site.chairLabel(of: entity, default: .fieldChair), linker.link(values.chair))
            default: (label, html) = (t[field.label!], self.html(entity.value(of: field)))
            }
            if let html, !html.isEmpty { facts.append(.map(["label": .string(label), "html": .string(html)])) }
        }
        return facts
    }

    /// A fact's value as HTML: references as links, several values joined by ", ", dates in the site's words.
    private func html(_ value: EntityField.Value) -> String? {
        switch value {
        case .text(let text): text.map(HTML.escape)
        case .integer(let integer): integer.map(String.init)
        case .day(let day): day.map { HTML.escape(site.date($0)) }
        case .dateOrText(let value): value.map { HTML.escape(site.display($0)) }
        case .texts(let texts): texts.isEmpty ? nil : HTML.escape(texts.joined(separator: ", "))
        case .markdownList: nil
        case .reference(let reference): linker.link(reference)
        case .references(let references): references.isEmpty ? nil : references.map { linker.link($0.id) }.joined(separator: ", ")
        case .members, .terms, .agenda, .decisions, .phases: nil
        }
    }

    func termsContext(_ terms: Terms) -> TemplateMap {
        var context: TemplateMap = [
            "title": .string(terms.title ?? site.translation.format(.termsTitle, ["title": entity.title])),
            "status": .string(terms.status),
            "statusLabel": .string(site.statusLabel(terms.status)),
            "isDraft": .bool(terms.isDraft),
            "composition": .list(entity.members.map(member)),
        ]
        if let version = terms.version { context["version"] = .string(version) }
        if let approvedBy = terms.approvedBy { context["approvedBy"] = .string(linker.link(approvedBy.id)) }
        if let approved = terms.approved { context["approved"] = .string(site.date(approved)) }
        if let purpose = terms.purpose {
            context["purpose"] = .string(linker.markdown(purpose.document, of: entity).render(purpose.document))
        }
        context["tasks"] = .list(terms.tasks.map { .string(linker.inline($0, of: entity)) })
        if let chair = linker.link(entity.chair) { context["chair"] = .string(chair) }
        if let secretariat = linker.link(entity.secretariat) { context["secretariat"] = .string(secretariat) }
        if let reportsTo = linker.link(entity.reportsTo) { context["reportsTo"] = .string(reportsTo) }
        if let meets = terms.meets ?? entity.meets { context["meets"] = .string(meets) }
        let t = site.translation
        let period = terms.period ?? [entity.established.map { t.format(.termsPeriodFrom, ["date": site.display($0)]) },
                                      entity.ends.map { t.format(.termsPeriodUntil, ["date": site.display($0)]) }]
            .compactMap { $0 }.joined(separator: " ")
        if !period.isEmpty { context["period"] = .string(period) }
        context["sections"] = .list(TermsSection.allCases.map { .map(["id": .string($0.id), "title": .string($0.title(in: t))]) })
        for section in TermsSection.allCases {
            context["\(section.rawValue)Heading"] = .map(["id": .string(section.id), "title": .string(section.title(in: t))])
        }
        context["chairHeading"] = .map(["id": .string(TermsSection.chair.id), "title": .string(site.chairLabel(of: entity, default: .sectionChair))])
        return context
    }

    /// The translation key of how a backlink refers: by a field (`EntityField.via`), or by a link in the text.
    static func viaPhrase(_ field: String) -> Phrase {
        EntityFields.field(ofReference: field)?.via ?? .viaText
    }
}
