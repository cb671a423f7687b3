import CharterTemplates

/// The site's own pages as jobs of a plan: every entity's page, then the site-wide pages, calendars and sitemap.
extension SiteRenderer {
    /// The jobs of the pages `selection` asks for, in output order: entity pages in site order, then the organisation
    /// chart (and the organisation at each date), calendars, home, lists, timeline, search, 404 and sitemap. The print
    /// pages, data files and assets are other producers' (`Pipeline.plan`).
    ///
    /// When every entity page is selected, what all of them share (each entity's list item, the JSON-LD mapper, the date
    /// switcher) is made once first.
    package func jobs(selecting selection: PageSelection) -> [PageJob] {
        var renderer = self
        if selection.entities == nil { renderer.prepareForEveryPage() }
        return renderer.entityJobs(selecting: selection.entities) + (selection.siteWide ? renderer.siteWideJobs() : [])
    }

    private mutating func prepareForEveryPage() {
        items = ItemCache(site: site, routes: routes, root: "../")
        ontology = OrganizationOntology.Mapper(site: site)
        if let sample = site.entities.first(where: { $0.type == .body || $0.type == .unit }) {
            let path = routes.path(of: sample.id)
            entitySwitcher = (routes.root(from: path), TemplateValue(switcher(from: path, current: nil, nowIsCurrent: false)))
        }
    }

    private func entityJobs(selecting ids: Set<String>?) -> [PageJob] {
        site.entities.filter { ids?.contains($0.id) ?? true }.map { entity in
            PageJob(page: entity.id == "index" ? "index.html" : routes.path(of: entity.id), early: false) { problems in
                [renderEntity(entity, problems: &problems)]
            }
        }
    }

    private func siteWideJobs() -> [PageJob] {
        var jobs: [PageJob] = []
        func page(_ path: String, _ make: @escaping @Sendable (inout [Diagnostic]) -> RenderedFile?) {
            jobs.append(PageJob(page: path) { problems in make(&problems).map { [$0] } ?? [] })
        }
        if hasOrganisationChart {
            page(routes.organisationPath) { renderOrganisation(problems: &$0) }
            for moment in history.moments { page(routes.asOfPath(moment)) { renderAsOf(moment, problems: &$0) } }
        }
        jobs.append(PageJob(page: nil) { _ in renderCalendars() })
        if site["index"] == nil { page("index.html") { _ in renderHome(nil) } }
        for type in EntityType.allCases where !site.entities(of: type).isEmpty {
            page(routes.path(ofList: type)) { _ in renderList(type) }
        }
        if Timeline.hasEvents(in: site) { page(routes.timelinePath) { _ in renderTimeline() } }
        page(routes.searchPath) { _ in renderSearch() }
        page("404.html") { _ in render404() }
        let moments = hasOrganisationChart ? history.moments : []
        jobs.append(PageJob(page: nil) { _ in
            Sitemap.xml(site: site, routes: routes, asOf: moments).map { [RenderedFile(path: "sitemap.xml", text: $0)] } ?? []
        })
        return jobs
    }
}
