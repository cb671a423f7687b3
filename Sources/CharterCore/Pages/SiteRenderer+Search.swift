/// The search page: a search field that Pagefind answers as the reader types, over a list of every page by type that is
/// the page's content without JavaScript, and from disk, where the search index cannot be loaded.
extension SiteRenderer {
    /// The search page.
    func renderSearch() -> RenderedFile {
        let path = routes.searchPath
        let linker = PageLinker(site: site, routes: routes, from: path)
        let title = site.translation[.searchTitle]
        var context = layout.context(path: path, title: title, current: "soeg", breadcrumbs: [(title, nil)],
                                     description: site.translation[.searchDescription],
                                     updated: site.entities.compactMap(\.updated).max())
        context["groups"] = EntityType.allCases.filter { !site.entities(of: $0).isEmpty }.map { type -> [String: Any] in
            [
                "title": site.plural(type),
                "id": "alle-\(type.listSlug)",
                "href": linker.href(toList: type),
                "items": site.entities(of: type).map(linker.item),
                "count": site.entities(of: type).count,
            ]
        }
        context["total"] = site.entities.count
        context["totalText"] = site.translation.count(.searchTotal, site.entities.count)
        if hasSearchIndex { context["searchIndex"] = routes.root(from: path) + Routes.searchIndexFolder + "/" }
        context["cleanURLs"] = site.config.cleanURLs
        return RenderedFile(path: path, data: templates.renderData(context, with: "search"))
    }
}
