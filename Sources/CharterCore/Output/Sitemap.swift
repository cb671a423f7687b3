import CharterTemplates

/// `sitemap.xml` for search engines and intranet crawlers; only when the site has an absolute base URL.
enum Sitemap {
    /// `asOf`: the dates whose organisation has a page (`SiteHistory.moments`).
    static func xml(site: Site, routes: Routes, asOf: [Moment] = []) -> String? {
        guard site.config.baseURL.hasPrefix("http") else { return nil }
        let base = site.config.baseURLWithSlash
        var paths = [""]
        paths += EntityType.allCases.filter { !site.entities(of: $0).isEmpty }.map { routes.paths.lists[$0]! + "/" }
        if site.entities.contains(where: { $0.type == .body || $0.type == .unit }) {
            paths.append(String(routes.organisationPath.dropLast("index.html".count)))
            // The organisation on each date the model changes.
            paths += asOf.map { String(routes.asOfPath($0).dropLast("index.html".count)) }
        }
        if Timeline.hasEvents(in: site) { paths.append(routes.paths.timeline + "/") }
        paths += site.entities.filter { $0.id != "index" }.map { $0.id + "/" }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            let lastmod = site.entities.first { $0.id + "/" == path }?.updated.map { "<lastmod>\($0)</lastmod>" } ?? ""
            xml += "  <url><loc>\(HTML.escape(base + path))</loc>\(lastmod)</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
