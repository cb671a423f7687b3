/// Renders the printable terms of reference: one A4 page per body with terms (`print/<id>.html`) and the collection
/// of all of them, "Kommissoriesamling" (`print/kommissoriesamling.html`), through `print.mustache` and `print-book.mustache`.
public struct PrintRenderer: Sendable {
    /// The file name of the collection, without extension.
    public static let bookName = "kommissoriesamling"

    public var site: Site
    public var templates: TemplateSet
    public var printDate: Day

    public init(site: Site, templates: TemplateSet, printDate: Day) {
        self.site = site
        self.templates = templates
        self.printDate = printDate
    }

    var routes: Routes { Routes(cleanURLs: site.config.cleanURLs) }

    /// The bodies that have terms of reference, in site order.
    public var bodies: [Entity] {
        site.entities(of: .body).filter { $0.terms != nil }
    }

    /// The output path of a body's print page.
    public static func path(of id: String) -> String { "print/\(id).html" }

    /// Print pages for `ids` (all bodies with terms when empty) and, when printing all, the collection.
    public func render(ids: [String] = []) -> [RenderedFile] {
        let chosen = ids.isEmpty ? bodies : ids.compactMap { site[$0] }.filter { $0.terms != nil }
        let documents = chosen.concurrentMap(document)
        var files = zip(chosen, documents).map { renderPage(of: $0, document: $1) }
        if ids.isEmpty, let book = renderBook(documents: documents) { files.append(book) }
        return files
    }

    /// The context of one body's terms as the print pages show it. Its page and the collection sit in the same folder,
    /// so both use the same context: make it once, pass it to `renderPage(of:document:)` and `renderBook(documents:)`.
    public func document(_ entity: Entity) -> TemplateValue {
        .map(document(entity, path: Self.path(of: entity.id)))
    }

    /// The print page of one body, from its `document(_:)`.
    public func renderPage(of entity: Entity, document: TemplateValue) -> RenderedFile {
        let path = Self.path(of: entity.id)
        var context = frame(path: path, title: entity.terms?.title ?? entity.title)
        context["document"] = document
        return RenderedFile(path: path, data: templates.renderData(context, with: "print"))
    }

    /// The collection, from the `document(_:)` of every body in `bodies`, in that order; nil when there are none.
    public func renderBook(documents: [TemplateValue]) -> RenderedFile? {
        guard !documents.isEmpty else { return nil }
        let path = Self.path(of: Self.bookName)
        var context = frame(path: path, title: "Kommissoriesamling")
        context["documents"] = documents
        return RenderedFile(path: path, data: templates.renderData(context, with: "print-book"))
    }

    func frame(path: String, title: String) -> [String: Any] {
        var site: [String: Any] = ["title": self.site.config.title, "language": self.site.config.language]
        if let organisation = self.site.config.organisation { site["organisation"] = organisation }
        if !self.site.config.baseURL.isEmpty { site["url"] = self.site.config.baseURL }
        return [
            "site": site,
            "title": title,
            "root": routes.root(from: path),
            "stylesheet": routes.root(from: path) + "assets/print.css",
            "printDate": printDate.danish,
            "printDateISO": printDate.description,
        ]
    }

    func document(_ entity: Entity, path: String) -> TemplateMap {
        let base = site.config.baseURL.hasPrefix("http") ? (site.config.baseURL.hasSuffix("/") ? site.config.baseURL : site.config.baseURL + "/") : nil
        let linker = PageLinker(site: site, routes: routes, from: path, absoluteBase: base)
        var context = EntityPage(entity: entity, linker: linker).context()
        context["anchor"] = .string("dok-" + entity.id)
        context["webHref"] = .string(linker.href(to: entity.id))
        context["pdfHref"] = .string(entity.id + ".pdf")
        if case .map(let terms)? = context["terms"] {
            context["isDraft"] = terms["isDraft"] ?? .bool(false)
        }
        return context
    }
}
