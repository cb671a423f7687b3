/// One chart for use outside the site (`charter graph`): the whole organisation or one body or unit, as DOT or as an SVG
/// file with its styles embedded. Links point from the site's root, or are absolute when the site has a base URL.
///
/// ```swift
/// let export = ChartExport.run(content: "content", id: "integrationsforum", format: .svg)
/// if let text = export.text { print(text, terminator: "") }
/// ```
package enum ChartExport {
    package enum Format: String, Sendable, CaseIterable {
        case dot, svg
    }

    /// The chart's text, or the problems that kept it from being made.
    package struct Result: Sendable {
        package var diagnostics: Diagnostics
        package var text: String?
    }

    /// Reads and checks `content`, then makes the chart of `id` (the whole organisation when nil) in `format`, with the
    /// words of the site's language from the translation files of `templates` and `content`.
    package static func run(content: String, templates: String = "templates", id: String?, format: Format, baseURL: String? = nil,
                           charts: ChartRenderer = ChartRenderer()) -> Result {
        var diagnostics = Diagnostics()
        let stages = Pipeline(content: content, templates: templates, baseURL: baseURL, charts: charts)
        let site = stages.model(stages.load(into: &diagnostics), into: &diagnostics)
        guard !diagnostics.hasErrors else { return Result(diagnostics: diagnostics, text: nil) }
        diagnostics.stage = .plan
        let href = links(for: site)
        let chart: Chart
        if let id {
            guard let entity = site[id], let local = LocalChart.make(for: entity, site: site, href: href) else {
                let candidates = site.entities.filter { $0.type == .body || $0.type == .unit }.map(\.id)
                let hint = Spelling.nearest(to: id, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
                let reason = site[id].map { "'\(id)' is a \($0.type.rawValue); charts are drawn for bodies and units" }
                    ?? "no body or unit has the id '\(id)'\(hint)"
                diagnostics.error(reason, at: SourceLocation(path: content))
                return Result(diagnostics: diagnostics, text: nil)
            }
            chart = local
        } else {
            chart = OrganisationChart.make(site: site, href: href)
        }
        diagnostics.stage = .render
        switch format {
        case .dot:
            return Result(diagnostics: diagnostics, text: charts.dot(for: chart))
        case .svg:
            switch charts.standaloneSVG(for: chart) {
            case .success(let svg):
                return Result(diagnostics: diagnostics, text: svg)
            case .failure(let error):
                diagnostics.error("the chart could not be drawn: \(error.message)",
                                  at: id.flatMap { site[$0]?.location } ?? SourceLocation(path: content))
                return Result(diagnostics: diagnostics, text: nil)
            }
        }
    }

    /// Links from the site's root (`x/index.html`), or absolute under the site's base URL (`https://…/x/`).
    static func links(for site: Site) -> (String) -> String {
        let routes = site.routes
        let base = site.config.baseURLWithSlash
        guard !base.isEmpty else { return { routes.href(from: "index.html", to: routes.path(of: $0)) } }
        return { id in id == "index" ? base : base + id + "/" }
    }
}
