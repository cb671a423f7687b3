/// The templates that only some sites need, checked in the templates stage against the site the build has, so that a
/// missing one is found by `charter check` and stops the build before anything renders.
extension TemplateSet {
    /// A template a site needs when it has a certain page.
    struct PageTemplate: Sendable {
        /// The template's name (`timeline` for `timeline.mustache`).
        var name: String
        /// The page, as an error message names it.
        var page: String
        /// Whether the site has that page.
        var isNeeded: @Sendable (Site) -> Bool
    }

    /// The templates of the pages a site may or may not have: the organisation chart (a site with bodies or units), the
    /// timeline (a site with dated events) and the search page (every site).
    static let pageTemplates: [PageTemplate] = [
        PageTemplate(name: "organisation", page: "the organisation page") { site in
            site.entities.contains { $0.type == .body || $0.type == .unit }
        },
        PageTemplate(name: "timeline", page: "the timeline page") { Timeline.hasEvents(in: $0) },
        PageTemplate(name: "search", page: "the search page") { _ in true },
    ]

    /// Reports each template `site` needs for its pages that is not in the set.
    func checkPageTemplates(for site: Site, into diagnostics: inout Diagnostics) {
        for template in Self.pageTemplates where !names.contains(template.name) && template.isNeeded(site) {
            diagnostics.error("missing template '\(template.name).mustache': \(template.page) needs it", at: location(of: template.name))
        }
    }
}
