import CharterTemplates

/// Renders the printable terms of reference: one A4 page per body with terms (`print/<id>.html`) and the collection
/// of all of them (`print/<path_book>.html`, `print/kommissoriesamling.html` in Danish), through `print.mustache` and `print-book.mustache`.
///
/// With a chart renderer, the collection opens with the chart of the whole organisation on a landscape page.
package struct PrintRenderer: Sendable {
    package var site: Site
    package var templates: TemplateSet
    package var printDate: Day
    /// Draws the organisation chart of the collection; without one, the collection has no chart.
    package var charts: ChartRenderer?

    /// A renderer of `site` as it stands on `printDate` (`Site.asOf(_:)`).
    package init(site: Site, templates: TemplateSet, printDate: Day, charts: ChartRenderer? = nil) {
        self.site = site.asOf(printDate)
        self.templates = templates
        self.printDate = printDate
        self.charts = charts
    }

    var routes: Routes { site.routes }

    /// The bodies that have terms of reference, in site order.
    package var bodies: [Entity] {
        site.entities(of: .body).filter { $0.terms != nil }
    }

    /// The output path of a body's print page.
    package static func path(of id: String) -> String { Routes.printPath(of: id) }

    /// The context of one body's terms as the print pages show it. Its page and the collection sit in the same folder,
    /// so both use the same context: make it once, pass it to `renderPage(of:document:)` and `renderBook(documents:)`.
    package func document(_ entity: Entity) -> TemplateValue {
        .map(document(entity, path: Self.path(of: entity.id)))
    }

    /// The print page of one body, from its `document(_:)`.
    package func renderPage(of entity: Entity, document: TemplateValue) -> RenderedFile {
        let path = Self.path(of: entity.id)
        var context = frame(path: path, title: entity.terms?.title ?? entity.title)
        context["document"] = document
        return RenderedFile(path: path, data: templates.renderData(context, with: "print"))
    }

    /// The collection, from the `document(_:)` of every body in `bodies`, in that order; nil when there are none.
    package func renderBook(documents: [TemplateValue]) -> RenderedFile? {
        guard !documents.isEmpty else { return nil }
        let path = routes.bookPath
        var context = frame(path: path, title: site.translation[.bookTitle])
        context["documents"] = documents
        if let organisation = organisationChart(path: path) { context["organisation"] = organisation }
        return RenderedFile(path: path, data: templates.renderData(context, with: "print-book"))
    }

    /// The chart of the whole organisation for the collection at `path`, or nil when there is nothing to draw or no
    /// renderer. A chart that cannot be drawn is left out here; the organisation page reports it.
    func organisationChart(path: String) -> TemplateValue? {
        guard let charts, site.entities.contains(where: { $0.type == .body || $0.type == .unit }) else { return nil }
        let linker = PageLinker(site: site, routes: routes, from: path)
        // Links relative to the collection: at the depth of the organisation page, so the drawing is the same one.
        let chart = OrganisationChart.make(site: site, href: { linker.href(to: $0) })
        guard case .success(let svg) = charts.svg(for: chart), case .map(var context) = ChartContext.make(chart, svg: svg, site: site)
        else { return nil }
        context["anchor"] = .string("organisation-chart")
        return .map(context)
    }

    func frame(path: String, title: String) -> [String: Any] {
        var site: [String: Any] = ["title": self.site.config.title, "language": self.site.config.language]
        if let organisation = self.site.config.organisation { site["organisation"] = organisation }
        if !self.site.config.baseURL.isEmpty { site["url"] = self.site.config.baseURL }
        return [
            "site": site,
            "t": self.site.translation.templateValue,
            "title": title,
            "root": routes.root(from: path),
            "stylesheet": routes.root(from: path) + "assets/print.css",
            "printDate": self.site.date(printDate),
            "printDateISO": printDate.description,
            "pageNumberCSS": Self.pageNumberCSS(self.site.translation[.printPageOf]),
        ]
    }

    /// The CSS `content` of the page number in the margin, from a text such as "Side {page} af {pages}":
    /// `"Side " counter(page) " af " counter(pages)`.
    static func pageNumberCSS(_ text: String) -> String {
        func quoted(_ part: Substring) -> String? {
            guard !part.isEmpty else { return nil }
            var escaped = "\""
            for character in part {
                switch character {
                case "\"", "\\": escaped += "\\" + String(character)
                case "<": escaped += "\\3c "
                case "\n", "\r": escaped += " "
                default: escaped.append(character)
                }
            }
            return escaped + "\""
        }
        var parts: [String] = []
        var rest = Substring(text)
        func next() -> Range<Substring.Index>? {
            [rest.range(of: "{page}"), rest.range(of: "{pages}")].compactMap { $0 }.min { $0.lowerBound < $1.lowerBound }
        }
        while let range = next() {
            let pages = rest[range] == "{pages}"
            if let before = quoted(rest[..<range.lowerBound]) { parts.append(before) }
            parts.append(pages ? "counter(pages)" : "counter(page)")
            rest = rest[range.upperBound...]
        }
        if let after = quoted(rest) { parts.append(after) }
        return parts.joined(separator: " ")
    }

    func document(_ entity: Entity, path: String) -> TemplateMap {
        let base = site.config.baseURL.hasPrefix("http") ? site.config.baseURLWithSlash : nil
        let linker = PageLinker(site: site, routes: routes, from: path, absoluteBase: base)
        var context = EntityPage(entity: entity, linker: linker).context()
        context["anchor"] = .string("dok-" + entity.id)
        context["webHref"] = .string(linker.href(to: entity.id))
        context["pdfHref"] = .string(entity.id + ".pdf")
        context["aboutHeading"] = .string(site.translation.format(.printAbout, ["title": entity.title]))
        if case .map(let terms)? = context["terms"] {
            context["isDraft"] = terms["isDraft"] ?? .bool(false)
        }
        return context
    }
}
