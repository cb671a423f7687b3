/// Renders the whole site through the templates: every entity's page, the home page, a list per type, the 404 page,
/// the sitemap and the assets. Pages render concurrently; the result is the list of files to write.
public struct SiteRenderer: Sendable {
    public var site: Site
    public var templates: TemplateSet
    public var buildDate: Day
    /// Whether body pages link to the PDF of their terms of reference (true when the build makes PDFs).
    public var linksPDF = false
    /// Draws the charts (and remembers them across builds when the same renderer is passed again).
    public var charts: ChartRenderer

    public init(site: Site, templates: TemplateSet, buildDate: Day, charts: ChartRenderer = ChartRenderer()) {
        self.site = site
        self.templates = templates
        self.buildDate = buildDate
        self.charts = charts
    }

    var routes: Routes { Routes(cleanURLs: site.config.cleanURLs) }
    var layout: LayoutContext { LayoutContext(site: site, routes: routes, buildDate: buildDate) }

    /// Every file of the site.
    public func render() -> [RenderedFile] {
        var diagnostics = Diagnostics()
        return render(into: &diagnostics)
    }

    /// Every file of the site; a chart that cannot be drawn is reported into `diagnostics` for its entity.
    public func render(into diagnostics: inout Diagnostics) -> [RenderedFile] {
        let pages = site.entities.concurrentMap { entity -> (RenderedFile, [Diagnostic]) in
            var problems: [Diagnostic] = []
            return (renderEntity(entity, problems: &problems), problems)
        }
        var files = pages.map(\.0)
        var problems = pages.flatMap(\.1)
        if let organisation = renderOrganisation(problems: &problems) { files.append(organisation) }
        problems.forEach { diagnostics.append($0) }
        charts.forgetUnused()
        if site["index"] == nil { files.append(renderHome(nil)) }
        for type in EntityType.allCases where !site.entities(of: type).isEmpty {
            files.append(renderList(type))
        }
        files.append(render404())
        files += PrintRenderer(site: site, templates: templates, printDate: buildDate).render()
        if let sitemap = Sitemap.xml(site: site, routes: routes) { files.append(RenderedFile(path: "sitemap.xml", text: sitemap)) }
        files += templates.assets.map { RenderedFile(path: $0.path, data: $0.data) }
        return files
    }

    /// The page of one entity.
    public func renderEntity(_ entity: Entity) -> RenderedFile {
        var problems: [Diagnostic] = []
        return renderEntity(entity, problems: &problems)
    }

    /// The page of one entity, with what went wrong drawing its chart in `problems`.
    public func renderEntity(_ entity: Entity, problems: inout [Diagnostic]) -> RenderedFile {
        if entity.id == "index" { return renderHome(entity) }
        let path = routes.path(of: entity.id)
        let linker = PageLinker(site: site, routes: routes, from: path)
        var context = layout.context(path: path, title: entity.title, current: entity.type == .page ? entity.id : entity.type.listSlug,
                                     breadcrumbs: breadcrumbs(for: entity), description: entity.summary)
        context["page"] = EntityPage(entity: entity, linker: linker).context()
        context["chart"] = chartContext(for: entity, linker: linker, problems: &problems)
        if entity.terms != nil {
            context["printHref"] = routes.href(from: path, to: PrintRenderer.path(of: entity.id))
            if linksPDF { context["pdfHref"] = routes.href(from: path, to: "print/\(entity.id).pdf") }
        }
        context.merge(neighbours(of: entity, linker: linker)) { $1 }
        return RenderedFile(path: path, text: templates.render(context, with: entity.type.rawValue))
    }

    func breadcrumbs(for entity: Entity) -> [(String, String?)] {
        guard entity.type != .page else { return [(entity.title, nil)] }
        var crumbs: [(String, String?)] = [(entity.type.plural, routes.path(ofList: entity.type))]
        var ancestors: [Entity] = []
        var current = entity
        let next: KeyPath<Entity, Reference?> = entity.type == .unit ? \.parent : \.reportsTo
        while let reference = current[keyPath: next], let parent = site[reference.id], parent.type == entity.type,
              !ancestors.contains(where: { $0.id == parent.id }), parent.id != entity.id {
            ancestors.insert(parent, at: 0)
            current = parent
        }
        crumbs += ancestors.map { ($0.title, routes.path(of: $0.id)) }
        crumbs.append((entity.title, nil))
        return crumbs
    }

    /// Previous and next among ordered pages.
    func neighbours(of entity: Entity, linker: PageLinker) -> [String: Any] {
        guard entity.type == .page, entity.order != nil else { return [:] }
        let ordered = site.entities(of: .page).filter { $0.order != nil && $0.id != "index" }
        guard let position = ordered.firstIndex(where: { $0.id == entity.id }) else { return [:] }
        var context: [String: Any] = [:]
        if position > 0 { context["previous"] = linker.item(ordered[position - 1]) }
        if position + 1 < ordered.count { context["next"] = linker.item(ordered[position + 1]) }
        if !context.isEmpty { context["pager"] = true }
        return context
    }

    func renderHome(_ entity: Entity?) -> RenderedFile {
        let path = "index.html"
        let linker = PageLinker(site: site, routes: routes, from: path)
        var context = layout.context(path: path, title: entity?.title ?? site.config.title, current: "index", breadcrumbs: [], description: nil)
        if let entity { context["page"] = EntityPage(entity: entity, linker: linker).context() }
        for type in EntityType.allCases where type != .page {
            context[type.listSlug] = site.entities(of: type).map(linker.item)
        }
        context["pages"] = site.entities(of: .page).filter { $0.id != "index" }.map(linker.item)
        context["recent"] = site.entities.filter { $0.updated != nil && $0.id != "index" }
            .sorted { ($0.updated!, $0.title) > ($1.updated!, $1.title) }
            .prefix(6)
            .map { entity -> [String: Any] in
                var item = linker.item(entity)
                item["updated"] = entity.updated!.danish
                return item
            }
        context["types"] = EntityType.allCases.filter { $0 != .page && !site.entities(of: $0).isEmpty }.map {
            ["title": $0.plural, "href": linker.href(toList: $0), "count": site.entities(of: $0).count] as [String: Any]
        }
        return RenderedFile(path: path, text: templates.render(context, with: "home"))
    }

    func renderList(_ type: EntityType) -> RenderedFile {
        let path = routes.path(ofList: type)
        let linker = PageLinker(site: site, routes: routes, from: path)
        var context = layout.context(path: path, title: type.plural, current: type.listSlug, breadcrumbs: [(type.plural, nil)],
                                     description: nil)
        context["type"] = type.rawValue
        context["items"] = site.entities(of: type).filter { $0.id != "index" }.map { entity -> [String: Any] in
            var item = linker.item(entity)
            if let date = entity.established ?? entity.start { item["date"] = date.display }
            if let updated = entity.updated { item["updated"] = updated.danish }
            return item
        }
        return RenderedFile(path: path, text: templates.render(context, with: "list"))
    }

    func render404() -> RenderedFile {
        // The 404 page is served from any depth, so its links are absolute from the base URL when one is set.
        let path = "404.html"
        var context = layout.context(path: path, title: "Siden findes ikke", current: "", breadcrumbs: [], description: nil)
        if !site.config.baseURL.isEmpty {
            let base = site.config.baseURL.hasSuffix("/") ? site.config.baseURL : site.config.baseURL + "/"
            context["root"] = base
            context["home"] = base
            context["stylesheet"] = base + "assets/style.css"
            context["nav"] = (context["nav"] as? [[String: Any]] ?? []).map { item in
                var item = item
                item["href"] = base + (item["href"] as? String ?? "")
                return item
            }
        }
        return RenderedFile(path: path, text: templates.render(context, with: "404"))
    }
}
