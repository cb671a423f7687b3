import CharterTemplates

/// What every page's layout needs: site settings, navigation, breadcrumbs, paths to assets and search, and dates.
struct LayoutContext: Sendable {
    let site: Site
    let routes: Routes
    let buildDate: Day
    /// The organisation through time, worked out once per site.
    let history: SiteHistory
    /// The navigation's entries, worked out once per site; each page only makes their links relative to itself.
    private let entries: [NavigationEntry]


    /// The navigation of the entity pages (all one folder deep) that are not free pages, by current key, made once.
    private let entityPageNavigation: [String: TemplateValue]
    /// The navigation of the free pages (one folder deep) that it does not list: the same for all of them, made once.
    private let unlistedPageNavigation: TemplateValue?
    /// The keys the navigation lists, at any level.
    private let listedKeys: Set<String>
    /// The site's part of every page's context (`siteContext(of:)`), made once.
    private let siteValue: TemplateValue
    /// The translation as the templates see it (`{{t.key}}`), made once.
    private let translationValue: TemplateValue
    /// The build date in the site's language, and the "Built with" line around it, the same on every page.
    private let buildDateValue: TemplateValue, builtWithValue: TemplateValue

    /// The layout of `site`; `history`, when given, must be that of a site with the same front matter on `buildDate`.
    init(site: Site, routes: Routes, buildDate: Day, history: SiteHistory? = nil) {
        self.site = site
        self.routes = routes
        self.buildDate = buildDate
        self.history = history ?? SiteHistory(site: site, today: buildDate)
        let entries = Self.entries(of: site, routes: routes)
        self.entries = entries
        self.siteValue = TemplateValue(Self.siteContext(of: site))
        self.translationValue = site.translation.templateValue
        self.buildDateValue = .string(site.date(buildDate))
        self.builtWithValue = .string(site.translation.formatHTML(.builtWith, [
            "date": "<time datetime=\"\(buildDate.description)\">\(HTML.escape(site.date(buildDate)))</time>"]))
        self.entityPageNavigation = Dictionary(uniqueKeysWithValues: EntityType.allCases.map { type in
            (type.listSlug, TemplateValue(Self.navigation(entries, site: site, routes: routes, root: "../", current: type.listSlug)))
        })
        let listedKeys = Set(entries.flatMap { [$0.key] + $0.children.map(\.key) })
        self.listedKeys = listedKeys
        self.unlistedPageNavigation = site.entities(of: .page).first { $0.id != "index" && !listedKeys.contains($0.id) }.map { page in
            TemplateValue(Self.navigation(entries, site: site, routes: routes, root: "../", current: page.id))
        }
    }

    /// One entry of the navigation: where it goes, the key that marks it current, and its children.
    struct NavigationEntry: Sendable {
        var title: String
        var target: String
        var key: String
        var children: [NavigationEntry] = []
        /// The "all pages" entry at the end of a group.
        var isAll = false
        /// For the pages group: whether it is current on every free page, not only on those listed in it.
        var coversPages = false
    }

    /// The home page, the free pages grouped under one entry (those with an `order`, in that order), the organisation
    /// chart, the lists of types that have entities and the timeline.
    static func entries(of site: Site, routes: Routes) -> [NavigationEntry] {
        let t = site.translation
        var entries = [NavigationEntry(title: t[.navHome], target: "index.html", key: "index")]
        let pages = site.entities(of: .page).filter { $0.id != "index" }
        if !pages.isEmpty {
            var children = pages.filter { $0.order != nil }.map { NavigationEntry(title: $0.title, target: routes.path(of: $0.id), key: $0.id) }
            children.append(NavigationEntry(title: t[.navAllPages], target: routes.path(ofList: .page), key: EntityType.page.listSlug, isAll: true))
            entries.append(NavigationEntry(title: site.plural(.page), target: routes.path(ofList: .page), key: EntityType.page.listSlug,
                                           children: children, coversPages: true))
        }
        if !site.entities(of: .body).isEmpty || !site.entities(of: .unit).isEmpty {
            entries.append(NavigationEntry(title: t[.navOrganisation], target: routes.organisationPath, key: "organisation"))
        }
        for type in EntityType.allCases where type != .page && !site.entities(of: type).isEmpty {
            entries.append(NavigationEntry(title: site.plural(type), target: routes.path(ofList: type), key: type.listSlug))
        }
        if Timeline.hasEvents(in: site) {
            entries.append(NavigationEntry(title: t[.timelineTitle], target: routes.timelinePath, key: "tidslinje"))
        }
        return entries
    }

    /// The navigation as seen from the page at `path`, with the entry `current` (a key) marked.
    func navigation(from path: String, current: String) -> [[String: Any]] {
        Self.navigation(entries, site: site, routes: routes, root: routes.root(from: path), current: current)
    }

    private static func navigation(_ entries: [NavigationEntry], site: Site, routes: Routes, root: String, current: String) -> [[String: Any]] {
        func item(_ entry: NavigationEntry) -> [String: Any] {
            // Every key on every item, so that a nested item never takes its parent's value through the context stack.
            let children = entry.children.map(item)
            var isCurrent = entry.key == current
            if entry.coversPages {
                isCurrent = children.contains { $0["current"] as? Bool == true } || (current != "index" && site[current]?.type == .page)
            }
            return ["title": entry.title, "href": routes.href(root: root, to: entry.target), "key": entry.key, "current": isCurrent,
                    "children": children, "all": entry.isAll]
        }
        return entries.map(item)
    }

    /// The context for the layout around a page at output path `path`, as a dictionary for pages that add values of
    /// their own as Swift values; the values in it are `TemplateValue`s.
    func context(path: String, title: String, current: String, breadcrumbs: [(String, String?)],
                 description: String?, updated: Day? = nil) -> [String: Any] {
        let values = values(path: path, title: title, current: current, breadcrumbs: breadcrumbs, description: description,
                            updated: updated)
        return Dictionary(values.map { ($0.key, $0.value as Any) }, uniquingKeysWith: { $1 })
    }

    /// The context for the layout around a page at output path `path`; `updated` is when its content last changed.
    /// Made as template values directly, for the entity pages.
    func values(path: String, title: String, current: String, breadcrumbs: [(String, String?)],
                description: String?, updated: Day? = nil) -> TemplateMap {
        let root = routes.root(from: path)
        var context: TemplateMap = [
            "site": siteValue,
            "t": translationValue,
            "title": .string(title),
            "pageTitle": .string(path == "index.html" ? site.config.title : "\(title) – \(site.config.title)"),
            "root": .string(root),
            "home": .string(routes.href(from: path, to: "index.html")),
            "stylesheet": .string(root + "assets/style.css"),
            "script": .string(root + "assets/site.js"),
            "searchHref": .string(routes.href(from: path, to: routes.searchPath)),
            "nav": root == "../" ? cachedNavigation(current: current) ?? TemplateValue(navigation(from: path, current: current))
                : TemplateValue(navigation(from: path, current: current)),
            "buildDate": buildDateValue,
            "buildDateISO": .string(buildDate.description),
            "builtWith": builtWithValue,
        ]
        if let updated {
            context["lastChanged"] = .string(site.date(updated))
            context["lastChangedISO"] = .string(updated.description)
        }
        if breadcrumbs.isEmpty || path == "index.html" {
            context["breadcrumbs"] = .list([])
        } else {
            var crumbs: [TemplateValue] = [["title": .string(site.translation[.navHome]), "href": .string(routes.href(from: path, to: "index.html"))]]
            for (title, target) in breadcrumbs {
                var crumb: TemplateMap = ["title": .string(title)]
                if let target { crumb["href"] = .string(routes.href(from: path, to: target)) }
                crumbs.append(.map(crumb))
            }
            context["breadcrumbs"] = .list(crumbs)
        }
        if let description = description ?? site.config.description { context["description"] = .string(description) }
        return context
    }

    /// The navigation made once for a page one folder deep, when there is one for `current`.
    private func cachedNavigation(current: String) -> TemplateValue? {
        if let navigation = entityPageNavigation[current] { return navigation }
        guard !listedKeys.contains(current), site[current]?.type == .page else { return nil }
        return unlistedPageNavigation
    }

    static func siteContext(of site: Site) -> [String: Any] {
        var context: [String: Any] = ["title": site.config.title, "language": site.config.language,
                                      "searchPlaceholder": site.config.searchPlaceholder ?? site.translation.text("search_placeholder")]
        if let organisation = site.config.organisation { context["organisation"] = organisation }
        if let description = site.config.description { context["description"] = description }
        if let statement = site.config.accessibilityStatement { context["accessibilityStatement"] = statement }
        return context
    }
}
