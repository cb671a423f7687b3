import CharterTemplates
import Foundation

/// Renders the whole site through the templates: every entity's page, the home page, a list per type, the organisation
/// chart, the timeline, the search page, the 404 page, the print pages, the sitemap and the assets. Pages render
/// concurrently; the result is the list of files to write.
public struct SiteRenderer: Sendable {
    public var site: Site {
        didSet {
            layout = LayoutContext(site: site, routes: site.routes, buildDate: buildDate)
            items = nil
        }
    }
    public var templates: TemplateSet
    public var buildDate: Day { didSet { layout = LayoutContext(site: site, routes: routes, buildDate: buildDate) } }
    /// Whether body pages link to the PDF of their terms of reference (true when the build makes PDFs).
    var linksPDF = false
    /// Whether the site gets a full-text search index (Pagefind) that the search page can use.
    var hasSearchIndex = false
    /// Draws the charts (and remembers them across builds when the same renderer is passed again).
    public var charts: ChartRenderer

    /// A renderer of `site` as it stands on `buildDate` (`Site.asOf(_:)`): statuses, lines and members of that day.
    ///
    /// - Parameter previous: a renderer of the same site before a change to Markdown text only (no front matter, file or
    ///   `site.yml` changed), whose organisation through time (the moments, their snapshots and changes) is then reused
    ///   instead of being worked out again; the preview passes its last build's.
    public init(site: Site, templates: TemplateSet, buildDate: Day, charts: ChartRenderer = ChartRenderer(),
                reusingHistoryOf previous: SiteRenderer? = nil) {
        let site = site.asOf(buildDate)
        self.site = site
        self.templates = templates
        self.buildDate = buildDate
        self.charts = charts
        let history = previous.flatMap { $0.buildDate == buildDate ? $0.layout.history : nil }
        self.layout = LayoutContext(site: site, routes: site.routes, buildDate: buildDate, history: history)
    }

    /// The site's routes, made once with the layout (their folder names come from the translation).
    var routes: Routes { layout.routes }
    /// The layout's parts that are the same on every page, worked out once.
    private(set) var layout: LayoutContext
    /// Every entity's item as the entity pages (all one folder deep) list it, made once when the whole site renders.
    var items: ItemCache?
    /// The date switcher of body and unit pages (the same on all of them, as they are all as deep), with the root it was
    /// made from, made once when the whole site renders.
    var entitySwitcher: (root: String, value: TemplateValue)?
    /// Maps entities to the Organization Ontology for each page's JSON-LD, made once when the whole site renders.
    var ontology: OrganizationOntology.Mapper?

    /// The page of one entity.
    package func renderEntity(_ entity: Entity) -> RenderedFile {
        var problems: [Diagnostic] = []
        return renderEntity(entity, problems: &problems)
    }

    /// The page of one entity, with what went wrong drawing its chart in `problems`.
    package func renderEntity(_ entity: Entity, problems: inout [Diagnostic]) -> RenderedFile {
        if entity.id == "index" { return renderHome(entity) }
        let path = routes.path(of: entity.id)
        let linker = PageLinker(site: site, routes: routes, from: path, items: items)
        var context = layout.values(path: path, title: entity.title, current: entity.type == .page ? entity.id : entity.type.listSlug,
                                    breadcrumbs: breadcrumbs(for: entity), description: entity.summary, updated: entity.updated)
        context["page"] = .map(EntityPage(entity: entity, linker: linker).context())
        context["indexed"] = .string(site.singular(entity.type))
        let jsonLD = ontology.map { OrganizationOntology.pageJSONLD(for: entity, mapper: $0) }
            ?? OrganizationOntology.pageJSONLD(for: entity, site: site)
        if let jsonLD { context["jsonLD"] = .string(jsonLD) }
        context["chart"] = chartContext(for: entity, linker: linker, problems: &problems)
        if [.body, .unit, .role, .project].contains(entity.type) { context["history"] = TemplateValue(historyContext(for: entity, linker: linker)) }
        if entity.type == .body || entity.type == .unit {
            if let entitySwitcher, entitySwitcher.root == routes.root(from: path) {
                context["switcher"] = entitySwitcher.value
            } else {
                context["switcher"] = TemplateValue(switcher(from: path, current: nil, nowIsCurrent: false))
            }
        }
        if !entity.agenda.isEmpty {
            context["agenda"] = TemplateValue(entity.agenda.map { item in
                ["title": item.title, "cadence": item.cadence ?? false,
                 "from": item.from.map { site.translation.format(.agendaFrom, ["date": site.date($0)]) } ?? false] as [String: Any]
            })
        }
        if !entity.decisions.isEmpty {
            context["decisions"] = TemplateValue(entity.decisions.map { decision in
                var item: [String: Any] = ["title": decision.title, "date": site.display(decision.date)]
                if case .date(let day) = decision.date { item["iso"] = day.description }
                return item
            })
        }
        if entity.type == .body || entity.type == .project, !calendarEvents(of: entity, from: routes.calendarPath(of: entity.id)).isEmpty {
            context["calendarHref"] = .string(routes.href(from: path, to: routes.calendarPath(of: entity.id)))
        }
        if entity.terms != nil {
            context["printHref"] = .string(routes.href(from: path, to: Routes.printPath(of: entity.id)))
            if linksPDF { context["pdfHref"] = .string(routes.href(from: path, to: "print/\(entity.id).pdf")) }
        }
        for (key, value) in neighbours(of: entity, linker: linker) { context[key] = TemplateValue(value) }
        return RenderedFile(path: path, data: templates.renderData(context, with: entity.type.rawValue))
    }

    func breadcrumbs(for entity: Entity) -> [(String, String?)] {
        guard entity.type != .page else { return [(site.plural(.page), routes.path(ofList: .page)), (entity.title, nil)] }
        var crumbs: [(String, String?)] = [(site.plural(entity.type), routes.path(ofList: entity.type))]
        var ancestors: [Entity] = []
        var seen: Set<String> = [entity.id]
        var current = entity
        func next(_ entity: Entity) -> Reference? { entity.type == .unit ? entity.parent : entity.reportsTo }
        while let reference = next(current), let parent = site[reference.id], parent.type == entity.type,
              seen.insert(parent.id).inserted {
            ancestors.append(parent)
            current = parent
        }
        crumbs += ancestors.reversed().map { ($0.title, routes.path(of: $0.id)) }
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
        var context = layout.context(path: path, title: entity?.title ?? site.config.title, current: "index", breadcrumbs: [],
                                     description: nil, updated: entity?.updated)
        if let entity {
            context["page"] = TemplateValue.map(EntityPage(entity: entity, linker: linker).context())
            context["indexed"] = site.singular(entity.type)
        }
        var lists: [String: Any] = [:]
        for type in EntityType.allCases where type != .page {
            lists[type.rawValue] = ["title": site.plural(type), "items": site.entities(of: type).map(linker.item)] as [String: Any]
        }
        context["lists"] = lists
        context["pages"] = site.entities(of: .page).filter { $0.id != "index" }.map(linker.item)
        context["recent"] = site.entities.filter { $0.updated != nil && $0.id != "index" }
            .sorted { ($0.updated!, $0.title) > ($1.updated!, $1.title) }
            .prefix(5)
            .map { entity -> [String: Any] in
                var item = linker.item(entity)
                item["updated"] = site.date(entity.updated!)
                item["updatedISO"] = entity.updated!.description
                return item
            }
        context["upcoming"] = Timeline(site: site).upcoming(from: buildDate, limit: 5).map { timelineItem($0, linker: linker) }
        if Timeline.hasEvents(in: site) { context["timelineHref"] = routes.href(from: path, to: routes.timelinePath) }
        context["types"] = EntityType.allCases.filter { $0 != .page && !site.entities(of: $0).isEmpty }.map {
            ["title": site.plural($0), "href": linker.href(toList: $0), "count": site.entities(of: $0).count] as [String: Any]
        }
        if let location = organisationChartLocation, templates.names.contains("organisation") {
            // The home page shows the whole organisation small; a chart that cannot be drawn is reported by its own page.
            var ignored: [Diagnostic] = []
            let chart = OrganisationChart.make(site: site, href: { linker.href(to: $0) })
            context["chart"] = draw(chart, reportingAt: location, problems: &ignored)
            context["organisationHref"] = routes.href(from: path, to: routes.organisationPath)
        }
        return RenderedFile(path: path, data: templates.renderData(context, with: "home"))
    }

    func renderList(_ type: EntityType) -> RenderedFile {
        let path = routes.path(ofList: type)
        let linker = PageLinker(site: site, routes: routes, from: path)
        var entities = site.entities(of: type).filter { $0.id != "index" }
        if type == .page {  // in the navigation's order, then the rest by title
            entities = entities.enumerated().sorted { ($0.element.order ?? Int.max, $0.offset) < ($1.element.order ?? Int.max, $1.offset) }
                .map(\.element)
        }
        var context = layout.context(path: path, title: site.plural(type), current: type.listSlug, breadcrumbs: [(site.plural(type), nil)],
                                     description: nil, updated: entities.compactMap(\.updated).max())
        context["type"] = type.rawValue
        context["count"] = entities.count
        context["items"] = entities.map { entity -> [String: Any] in
            var item = linker.item(entity)
            var dates: [String] = []
            let t = site.translation
            func add(_ label: Phrase, _ value: DateOrText?) { if let value { dates.append("\(t[label]): \(site.display(value))") } }
            add(.fieldEstablished, entity.established)
            add(.fieldEnds, entity.ends)
            add(.fieldStart, entity.start)
            add(.listInOperation, entity.inOperationBy)
            item["dates"] = dates
            if let updated = entity.updated {
                item["updated"] = site.date(updated)
                item["updatedISO"] = updated.description
            }
            return item
        }
        context["hasDates"] = entities.contains { $0.established != nil || $0.ends != nil || $0.start != nil || $0.inOperationBy != nil }
        return RenderedFile(path: path, data: templates.renderData(context, with: "list"))
    }

    func render404() -> RenderedFile {
        // The 404 page is served from any depth, so its links are absolute from the base URL when one is set.
        let path = "404.html"
        var context = layout.context(path: path, title: site.translation[.notFoundTitle], current: "", breadcrumbs: [], description: nil)
        context["notFoundText"] = site.translation.format(.notFoundText, ["site": site.config.title])
        if !site.config.baseURL.isEmpty {
            let base = site.config.baseURLWithSlash
            context["root"] = base
            context["home"] = base
            context["stylesheet"] = base + "assets/style.css"
            context["script"] = base + "assets/site.js"
            context["searchHref"] = base + routes.href(from: path, to: routes.searchPath)
            func absolute(_ item: [String: Any]) -> [String: Any] {
                var item = item
                item["href"] = base + (item["href"] as? String ?? "")
                item["children"] = (item["children"] as? [[String: Any]] ?? []).map(absolute)
                return item
            }
            context["nav"] = layout.navigation(from: path, current: "").map(absolute)
        }
        return RenderedFile(path: path, data: templates.renderData(context, with: "404"))
    }
}
