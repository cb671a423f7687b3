import CharterTemplates

/// The charts of the site: a local chart in every body's and unit's page, and the page of the whole organisation.
extension SiteRenderer {
    /// Whether the site has anything to draw in an organisation chart.
    var hasOrganisationChart: Bool {
        organisationChartLocation != nil
    }

    /// Where a problem with a chart of the whole organisation is reported: the file of the first body or unit; nil when
    /// there is none, and so no chart.
    var organisationChartLocation: SourceLocation? {
        site.entities.first { $0.type == .body || $0.type == .unit }?.location
    }

    /// The `chart` context of an entity's page (nil for types without a chart); a chart that cannot be drawn is
    /// reported for the entity, and the page keeps the list version.
    func chartContext(for entity: Entity, linker: PageLinker, problems: inout [Diagnostic]) -> TemplateValue? {
        guard let chart = LocalChart.make(for: entity, site: site, href: { linker.href(to: $0) }) else { return nil }
        return draw(chart, reportingAt: entity.location, problems: &problems)
    }

    /// The page with the chart of the whole organisation, when there is anything to draw; a chart that cannot be drawn
    /// is reported into `problems`.
    func renderOrganisation(problems: inout [Diagnostic]) -> RenderedFile? {
        guard let location = organisationChartLocation else { return nil }
        let path = routes.organisationPath
        let linker = PageLinker(site: site, routes: routes, from: path)
        let title = site.translation[.organisationTitle]
        var context = layout.context(path: path, title: title, current: "organisation", breadcrumbs: [(title, nil)],
                                     description: site.translation[.organisationDescription],
                                     updated: site.entities.filter { $0.type == .unit || $0.type == .body }.compactMap(\.updated).max())
        let chart = OrganisationChart.make(site: site, href: { linker.href(to: $0) })
        context["chart"] = draw(chart, reportingAt: location, problems: &problems)
        context["switcher"] = switcher(from: path, current: nil)
        return RenderedFile(path: path, data: templates.renderData(context, with: "organisation"))
    }

    func draw(_ chart: Chart, reportingAt location: SourceLocation, problems: inout [Diagnostic]) -> TemplateValue {
        switch charts.svg(for: chart) {
        case .success(let svg):
            return ChartContext.make(chart, svg: svg, site: site)
        case .failure(let error):
            let what = chart.scope == .organisation ? "the organisation chart" : "the chart of '\(chart.key)'"
            problems.append(.warning("\(what) could not be drawn (the page shows it as a list only): \(error.message)", at: location))
            return ChartContext.make(chart, svg: nil, site: site)
        }
    }
}
