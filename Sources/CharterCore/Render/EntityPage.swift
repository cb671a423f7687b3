/// Builds the template context of one entity's page: its facts, text, table of contents, relations and backlinks.
struct EntityPage {
    let entity: Entity
    let linker: PageLinker
    var site: Site { linker.site }
    var relations: Relations { site.relations }

    func context() -> [String: Any] {
        var context = linker.item(entity)
        let headings = site.headings[entity.id, default: []]
        context["content"] = linker.markdown(entity.markdown, of: entity, headingIDs: headings.map(\.id)).render(entity.markdown)
        context["isDraft"] = entity.status == "draft" || (entity.terms?.isDraft ?? false)
        if let updated = entity.updated {
            context["updated"] = updated.danish
            context["updatedISO"] = updated.description
        }
        if let short = entity.short { context["short"] = short }
        var toc = headings.filter { $0.level <= 3 }.map { ["id": $0.id, "text": $0.text, "sub": $0.level == 3] as [String: Any] }
        if entity.terms != nil {
            toc.append(["id": TermsSection.terms.id, "text": TermsSection.terms.title, "sub": false])
        }
        context["toc"] = toc.count >= 2 ? toc : []
        context["facts"] = facts()
        context["backlinks"] = site.backlinks[entity.id, default: []].compactMap { backlink -> TemplateValue? in
            guard let from = site[backlink.from], case .map(var item) = linker.itemValue(from) else { return nil }
            item["via"] = .string(Self.viaLabel(backlink.via))
            return .map(item)
        }
        context["seats"] = seats()
        switch entity.type {
        case .body:
            context["members"] = entity.members.map(member)
            context["reportingBodies"] = items(relations.reportingBodies[entity.id])
            context["projects"] = items(relations.projectsOwned[entity.id])
            if let terms = entity.terms { context["terms"] = termsContext(terms) }
        case .unit:
            context["childUnits"] = items(relations.childUnits[entity.id])
            context["roles"] = items(relations.rolesInUnit[entity.id])
            context["secretariatFor"] = items(relations.secretariatFor[entity.id])
            context["projects"] = items(relations.projectsOfUnit[entity.id])
            context["sites"] = entity.sites
        case .role:
            context["holders"] = items(relations.holders[entity.id])
            context["responsibilities"] = entity.responsibilities.map { linker.inline($0, of: entity) }
        case .person:
            context["roles"] = items(relations.rolesOfPerson[entity.id])
        case .project:
            context["goals"] = entity.goals.map { linker.inline($0, of: entity) }
            context["units"] = items(entity.units.map(\.id))
        case .page: break
        }
        return context
    }

    func items(_ ids: [String]?) -> [TemplateValue] {
        (ids ?? []).compactMap { site[$0] }.map(linker.itemValue)
    }

    func member(_ member: Member) -> [String: Any] {
        var item: [String: Any] = ["html": linker.link(member.reference.id)]
        if let label = member.label { item["label"] = label }
        if let target = site[member.reference.id] { item["typeLabel"] = target.type.singular }
        return item
    }

    /// The facts table: label and HTML value, only for fields that are set.
    func facts() -> [[String: Any]] {
        var facts: [(String, String)] = []
        func add(_ label: String, _ html: String?) { if let html, !html.isEmpty { facts.append((label, html)) } }
        func text(_ value: String?) -> String? { value.map(HTML.escape) }
        add("Type", entity.kind.map { HTML.escape(EntitySchema.kinds(for: entity.type)[$0] ?? $0) })
        add("Status", entity.status.map { HTML.escape(EntitySchema.statusLabel($0)) })
        add("Refererer til", linker.link(entity.reportsTo))
        add("Mødeleder", linker.link(entity.chair))
        add("Sekretariat", linker.link(entity.secretariat))
        add("Mødefrekvens", text(entity.meets))
        add("Etableret", text(entity.established?.display))
        add("Ophører", text(entity.ends?.display))
        add("Afløser", linker.link(entity.replaces))
        add("Afløst af", linker.link(entity.replacedBy))
        add("Overordnet enhed", linker.link(entity.parent))
        add("Leder", linker.link(entity.head))
        add("Matrikler", entity.sites.isEmpty ? nil : HTML.escape(entity.sites.joined(separator: ", ")))
        add("Enhed", linker.link(entity.unit))
        add("Ejer", linker.link(entity.owner))
        add("Start", text(entity.start?.display))
        add("I drift senest", text(entity.inOperationBy?.display))
        add("Senest ændret", text(entity.updated?.danish))
        return facts.map { ["label": $0.0, "html": $0.1] }
    }

    func seats() -> [[String: Any]] {
        relations.seats[entity.id, default: []].compactMap { seat -> [String: Any]? in
            guard site[seat.body] != nil else { return nil }
            var item: [String: Any] = ["html": linker.link(seat.body), "role": seat.role == "chair" ? "Mødeleder" : "Medlem"]
            if let label = seat.label { item["label"] = label }
            if let via = seat.via { item["viaHTML"] = linker.link(via) }
            return item
        }
    }

    func termsContext(_ terms: Terms) -> [String: Any] {
        var context: [String: Any] = [
            "title": terms.title ?? "Kommissorium for \(entity.title)",
            "status": terms.status,
            "statusLabel": EntitySchema.statusLabel(terms.status),
            "isDraft": terms.isDraft,
            "composition": entity.members.map(member),
        ]
        if let version = terms.version { context["version"] = version }
        if let approvedBy = terms.approvedBy { context["approvedBy"] = linker.link(approvedBy.id) }
        if let approved = terms.approved { context["approved"] = approved.danish }
        if let purpose = terms.purpose {
            let document = CommonMark.parse(purpose.text)
            context["purpose"] = linker.markdown(document, of: entity).render(document)
        }
        context["tasks"] = terms.tasks.map { linker.inline($0, of: entity) }
        if let chair = linker.link(entity.chair) { context["chair"] = chair }
        if let secretariat = linker.link(entity.secretariat) { context["secretariat"] = secretariat }
        if let reportsTo = linker.link(entity.reportsTo) { context["reportsTo"] = reportsTo }
        if let meets = terms.meets ?? entity.meets { context["meets"] = meets }
        let period = terms.period ?? [entity.established.map { "Fra \($0.display)" }, entity.ends.map { "til \($0.display)" }]
            .compactMap { $0 }.joined(separator: " ")
        if !period.isEmpty { context["period"] = period }
        context["sections"] = TermsSection.allCases.map { ["id": $0.id, "title": $0.title] }
        for section in TermsSection.allCases { context["\(section.rawValue)Heading"] = ["id": section.id, "title": section.title] }
        return context
    }

    static func viaLabel(_ field: String) -> String {
        switch field {
        case "reports_to": "refererer hertil"
        case "chair": "mødeleder"
        case "members": "medlem"
        case "secretariat": "sekretariat"
        case "replaces": "afløser"
        case "replaced_by": "afløst af"
        case "terms.approved_by": "godkender kommissorium"
        case "parent": "underenhed"
        case "head": "leder"
        case "unit": "enhed"
        case "held_by": "besat af"
        case "roles": "rolle"
        case "owner": "ejer"
        case "units": "deltagende enhed"
        default: "nævnt i teksten"
        }
    }
}
