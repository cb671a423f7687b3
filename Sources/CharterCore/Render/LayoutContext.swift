/// What every page's layout needs: site settings, navigation, breadcrumbs, paths to assets and the build date.
struct LayoutContext {
    let site: Site
    let routes: Routes
    let buildDate: Day

    /// The navigation: the home page, pages with an `order`, and the lists of types that have entities.
    func navigation(from path: String, current: String) -> [[String: Any]] {
        var items: [[String: Any]] = [["title": "Forside", "href": routes.href(from: path, to: "index.html"), "key": "index"]]
        for page in site.entities(of: .page) where page.order != nil && page.id != "index" {
            items.append(["title": page.title, "href": routes.href(from: path, to: routes.path(of: page.id)), "key": page.id])
        }
        if site.entities.contains(where: { $0.type == .body || $0.type == .unit }) {
            items.append(["title": "Organisation", "href": routes.href(from: path, to: SiteRenderer.organisationPath), "key": "organisation"])
        }
        for type in EntityType.allCases where type != .page && !site.entities(of: type).isEmpty {
            items.append(["title": type.plural, "href": routes.href(from: path, to: routes.path(ofList: type)), "key": type.listSlug])
        }
        return items.map { item in
            var item = item
            if item["key"] as? String == current { item["current"] = true }
            return item
        }
    }

    /// The context for the layout around a page at output path `path`.
    func context(path: String, title: String, current: String, breadcrumbs: [(String, String?)],
                 description: String?) -> [String: Any] {
        var crumbs: [[String: Any]] = [["title": "Forside", "href": routes.href(from: path, to: "index.html")]]
        for (title, target) in breadcrumbs {
            var crumb: [String: Any] = ["title": title]
            if let target { crumb["href"] = routes.href(from: path, to: target) }
            crumbs.append(crumb)
        }
        var context: [String: Any] = [
            "site": siteContext,
            "title": title,
            "pageTitle": path == "index.html" ? site.config.title : "\(title) – \(site.config.title)",
            "root": routes.root(from: path),
            "home": routes.href(from: path, to: "index.html"),
            "stylesheet": routes.root(from: path) + "assets/style.css",
            "nav": navigation(from: path, current: current),
            "buildDate": buildDate.danish,
            "buildDateISO": buildDate.description,
        ]
        context["breadcrumbs"] = breadcrumbs.isEmpty || path == "index.html" ? [] : crumbs
        if let description = description ?? site.config.description { context["description"] = description }
        return context
    }

    var siteContext: [String: Any] {
        var context: [String: Any] = ["title": site.config.title, "language": site.config.language]
        if let organisation = site.config.organisation { context["organisation"] = organisation }
        if let description = site.config.description { context["description"] = description }
        return context
    }
}
