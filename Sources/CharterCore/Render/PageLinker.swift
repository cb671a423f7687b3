import CharterTemplates

/// Makes links and HTML fragments for one page: relative hrefs to other entities, their Markdown, their names.
///
/// A class: closures that make links capture it, and a copy of a struct holding the site would retain every part of
/// the site again.
final class PageLinker: Sendable {
    let site: Site
    let routes: Routes
    /// The output path of the page being rendered.
    let from: String
    /// When set, links to pages are absolute from this URL (for print, where a reader needs the whole address).
    let absoluteBase: String?
    /// Items made once for every page at the same depth, used when this page is at that depth.
    let items: ItemCache?
    /// The way back to the site's root from `from` (`Routes.root(from:)`), worked out once.
    let root: String

    init(site: Site, routes: Routes, from: String, absoluteBase: String? = nil, items: ItemCache? = nil) {
        self.site = site
        self.routes = routes
        self.from = from
        self.absoluteBase = absoluteBase
        self.items = items
        self.root = routes.root(from: from)
    }

    func href(to id: String, anchor: String? = nil) -> String {
        guard let base = absoluteBase else { return routes.href(root: root, to: routes.path(of: id), anchor: anchor) }
        let path = routes.path(of: id)
        let clean = path == "index.html" ? "" : String(path.dropLast("index.html".count))
        return base + clean + (anchor.map { "#" + $0 } ?? "")
    }

    func href(toList type: EntityType) -> String {
        routes.href(root: root, to: routes.path(ofList: type))
    }

    /// A link to the entity `id` with its title (and its summary as tooltip); plain text if there is no such entity.
    func link(_ id: String) -> String {
        guard let entity = site[id] else { return HTML.escape(id) }
        return HTML.link(entity.title, href: href(to: id), title: entity.summary)
    }

    /// A link for `reference`, or nil.
    func link(_ reference: Reference?) -> String? {
        reference.map { link($0.id) }
    }

    /// `item(entity)` as a template value, from `items` when this page is at its depth.
    func itemValue(_ entity: Entity) -> TemplateValue {
        if absoluteBase == nil, let items, items.root == root, let value = items.values[entity.id] {
            return value
        }
        return makeItemValue(entity)
    }

    /// The item of `entity` (id, title, href, summary, type, status) as a template value.
    func makeItemValue(_ entity: Entity) -> TemplateValue {
        var item: TemplateMap = ["id": .string(entity.id), "title": .string(entity.title), "href": .string(href(to: entity.id)),
                                             "type": .string(entity.type.rawValue), "typeLabel": .string(site.singular(entity.type))]
        if let summary = entity.summary { item["summary"] = .string(summary) }
        if let status = entity.status {
            item["status"] = .string(status)
            item["statusLabel"] = .string(site.statusLabel(status))
        }
        if let kind = site.kindLabel(of: entity) { item["kindLabel"] = .string(kind) }
        return .map(item)
    }

    /// A small context for templates: id, title, href, summary, type, status (`makeItemValue`, for contexts still
    /// built as `[String: Any]`).
    func item(_ entity: Entity) -> [String: Any] {
        guard case .map(let item) = makeItemValue(entity) else { return [:] }
        return Dictionary(item.map { ($0.key, $0.value as Any) }, uniquingKeysWith: { $1 })
    }

    /// The HTML of Markdown written in `entity`'s file, with links resolved as the model resolved them.
    func markdown(_ node: MarkdownNode, of entity: Entity, headingIDs: [String] = [], shift: Int = 0) -> MarkdownHTML {
        let targets = site.links[entity.id, default: [:]]
        return MarkdownHTML(allowRawHTML: site.config.allowRawHTML, headingIDs: headingIDs, headingShift: shift) { destination in
            switch targets[destination] {
            case .entity(let id, let anchor): self.href(to: id, anchor: anchor)
            case .anchor(let anchor): "#" + anchor
            case .external(let url): url
            case .dropped, nil: nil
            }
        }
    }

    /// Inline HTML of a front matter Markdown text (a task, a goal).
    func inline(_ text: MarkdownText, of entity: Entity) -> String {
        markdown(text.document, of: entity).renderInline(text.document)
    }
}

/// The items (`PageLinker.itemValue`) of every entity as seen from pages whose way back to the root is `root`: most
/// pages list other entities, and the entity pages all sit at the same depth, so each item is made once per build.
final class ItemCache: Sendable {
    let root: String
    let values: [String: TemplateValue]

    /// Items for every entity of `site` from pages at `root` (such as "../").
    init(site: Site, routes: Routes, root: String) {
        self.root = root
        let linker = PageLinker(site: site, routes: routes, from: root.isEmpty ? "index.html" : String(repeating: "x/", count: root.count / 3) + "index.html")
        let values = site.entities.concurrentMap { ($0.id, linker.makeItemValue($0)) }
        self.values = Dictionary(values, uniquingKeysWith: { first, _ in first })
    }
}
