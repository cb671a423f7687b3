import CharterCore

/// What a rebuild renders again, found by comparing the new model and templates with those of the last good build.
///
/// Pages are rendered again when their inputs changed:
/// - a change to the Markdown body of a file renders its own page again, the pages its links now reach or no longer
///   reach (their "what refers to this" changes), the pages that link to its headings when the headings changed, and the
///   print pages of the bodies with terms among them, with the collection of all terms;
/// - a change to a page template (`body.mustache`, or a partial only page templates use) renders the pages of that type;
/// - a change to an asset copies that asset only.
///
/// Everything else — front matter (titles, references, terms), `site.yml`, added, removed or moved files, the layout and the
/// templates of the home, list, organisation, print and 404 pages, the date — can change what many pages show (navigation,
/// lists, backlinks, charts), so it renders everything again, as `charter build` does.
enum RebuildPlan: Equatable, Sendable {
    /// Render everything, because of `reason`.
    case full(reason: String)
    /// Render the pages of these entities (by id) and the print pages of the bodies in `print` (with the collection of
    /// all terms, when there are any).
    case partial(pages: Set<String>, print: Set<String>)

    static func make(from last: LastBuild, to site: Site, templates: TemplateFiles, buildDate: Day) -> RebuildPlan {
        if last.buildDate != buildDate { return .full(reason: "the date changed") }
        if last.site.config != site.config { return .full(reason: "site.yml changed") }
        if Set(last.site.index.keys) != Set(site.index.keys) { return .full(reason: "a page was added or removed") }

        var pages = Set<String>()
        for entity in site.entities {
            guard let before = last.site[entity.id] else { return .full(reason: "a page was added") }
            if before.file.path != entity.file.path { return .full(reason: "\(entity.file.path) was moved") }
            if before.file.text == entity.file.text { continue }
            let (oldFront, oldBody) = before.frontMatterAndBody
            let (newFront, newBody) = entity.frontMatterAndBody
            if oldFront != newFront { return .full(reason: "the front matter of \(entity.file.path) changed") }
            guard oldBody != newBody else { continue }
            pages.insert(entity.id)
            pages.formUnion(linkTargets(of: entity.id, in: last.site).symmetricDifference(linkTargets(of: entity.id, in: site)))
            if last.site.headings[entity.id] != site.headings[entity.id] {
                pages.formUnion(linkSources(into: entity.id, in: last.site))
                pages.formUnion(linkSources(into: entity.id, in: site))
            }
        }

        switch templatePages(from: last.templates, to: templates, site: site) {
        case .failure(let reason): return .full(reason: reason.text)
        case .success(let retyped): pages.formUnion(retyped)
        }
        let print = pages.filter { site[$0]?.type == .body && site[$0]?.terms != nil }
        return .partial(pages: pages.filter { site[$0] != nil }, print: print)
    }

    /// The entities whose pages use a template that changed, or a reason to render everything.
    static func templatePages(from old: TemplateFiles, to new: TemplateFiles, site: Site) -> Swift.Result<Set<String>, FullReason> {
        let before = old.templates, after = new.templates
        guard Set(before.keys) == Set(after.keys) else { return .failure(FullReason("a template was added or removed")) }
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        guard !changed.isEmpty else { return .success([]) }
        let graphs = [TemplateGraph(templates: before), TemplateGraph(templates: after)]
        let affected = graphs.reduce(into: Set<String>()) { $0.formUnion($1.affected(by: changed)) }
        let used = graphs.reduce(into: Set<String>()) { result, graph in graph.uses.values.forEach { result.formUnion($0) } }
        let pageTemplates = Set(EntityType.allCases.map(\.rawValue))
        // A template that no other one uses and that is not a page template is rendered on its own (home, list, 404, …).
        if let other = affected.first(where: { !pageTemplates.contains($0) && !used.contains($0) }) {
            return .failure(FullReason("\(other).mustache changed"))
        }
        let types = Set(EntityType.allCases.filter { affected.contains($0.rawValue) })
        return .success(Set(site.entities.filter { types.contains($0.type) && $0.id != "index" }.map(\.id)))
    }

    /// The entities the Markdown body of `id` links to.
    static func linkTargets(of id: String, in site: Site) -> Set<String> {
        Set(site.links[id, default: [:]].values.compactMap { target in
            if case .entity(let target, _) = target { return target }
            return nil
        })
    }

    /// The entities whose Markdown links to `id`.
    static func linkSources(into id: String, in site: Site) -> Set<String> {
        Set(site.backlinks[id, default: []].filter { $0.via == "text" }.map(\.from))
    }

    struct FullReason: Error, Equatable {
        var text: String
        init(_ text: String) { self.text = text }
    }
}
