/// What every page's layout needs: site settings, navigation, breadcrumbs, paths to assets and search, and dates.
struct LayoutContext {
    let site: Site
    let routes: Routes
    let buildDate: Day

    /// The title of the navigation entry that groups the free pages.
    static let pagesTitle = EntityType.page.plural

    /// The navigation: the home page, the free pages grouped under one entry (those with an `order`, in that order),
    /// the organisation chart, the lists of types that have entities and the timeline.
    func navigation(from path: String, current: String) -> [[String: Any]] {
        func item(_ title: String, _ target: String, _ key: String) -> [String: Any] {
            // Every key on every item, so that a nested item never takes its parent's value through the context stack.
            ["title": title, "href": routes.href(from: path, to: target), "key": key, "current": key == current,
             "children": [[String: Any]](), "all": false]
        }
        var items = [item("Forside", "index.html", "index")]
        let pages = site.entities(of: .page).filter { $0.id != "index" }
        if !pages.isEmpty {
            var group = item(Self.pagesTitle, routes.path(ofList: .page), EntityType.page.listSlug)
            var children = pages.filter { $0.order != nil }.map { item($0.title, routes.path(of: $0.id), $0.id) }
            var all = item("Alle sider", routes.path(ofList: .page), EntityType.page.listSlug)
            all["all"] = true
            children.append(all)
            group["children"] = children
            group["current"] = children.contains { $0["current"] as? Bool == true } || (current != "index" && site[current]?.type == .page)
            items.append(group)
        }
        if site.entities.contains(where: { $0.type == .body || $0.type == .unit }) {
            items.append(item("Organisation", SiteRenderer.organisationPath, "organisation"))
        }
        for type in EntityType.allCases where type != .page && !site.entities(of: type).isEmpty {
            items.append(item(type.plural, routes.path(ofList: type), type.listSlug))
        }
        if SiteRenderer.hasTimeline(site) {
            items.append(item(SiteRenderer.timelineTitle, SiteRenderer.timelinePath, "tidslinje"))
        }
        return items
    }

    /// The context for the layout around a page at output path `path`; `updated` is when its content last changed.
    func context(path: String, title: String, current: String, breadcrumbs: [(String, String?)],
                 description: String?, updated: Day? = nil) -> [String: Any] {
        var crumbs: [[String: Any]] = [["title": "Forside", "href": routes.href(from: path, to: "index.html")]]
        for (title, target) in breadcrumbs {
            var crumb: [String: Any] = ["title": title]
            if let target { crumb["href"] = routes.href(from: path, to: target) }
            crumbs.append(crumb)
        }
        let root = routes.root(from: path)
        var context: [String: Any] = [
            "site": siteContext,
            "title": title,
            "pageTitle": path == "index.html" ? site.config.title : "\(title) – \(site.config.title)",
            "root": root,
            "home": routes.href(from: path, to: "index.html"),
            "stylesheet": root + "assets/style.css",
            "script": root + "assets/site.js",
            "searchHref": routes.href(from: path, to: SiteRenderer.searchPath),
            "nav": navigation(from: path, current: current),
            "buildDate": buildDate.danish,
            "buildDateISO": buildDate.description,
        ]
        if let updated {
            context["lastChanged"] = updated.danish
            context["lastChangedISO"] = updated.description
        }
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
