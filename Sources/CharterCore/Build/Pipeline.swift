import CharterTemplates

/// The stages of a build, each a function from the result of the stage before to its own typed result, every problem
/// reported into one `Diagnostics` stamped with the stage that found it:
///
///     content ─ContentTree→ model ─Site→ templates ─TemplateSet→ plan ─SitePlan→ render ─[RenderedFile]→ write
///
/// `Build.run()` runs them all; `charter check` stops after the plan (nothing renders); `charter print` plans the print
/// pages only (`Printing`), `charter graph` one chart (`ChartExport`), `charter export` the data files (`DataExport`),
/// and the preview the pages its rebuild plan selects. None of them orders the stages on its own.
///
/// ```swift
/// let stages = Pipeline(content: "content", templates: "templates")
/// var diagnostics = Diagnostics()
/// let site = stages.model(stages.load(into: &diagnostics), into: &diagnostics)
/// if let templates = stages.templates(for: site, into: &diagnostics), !diagnostics.hasErrors {
///     let plan = stages.plan(site, templates: templates, buildDate: .today, selecting: .all, into: &diagnostics)
///     let files = plan.run(into: &diagnostics)
/// }
/// ```
public struct Pipeline: Sendable {
    /// The content folder.
    package var content: String
    /// The templates folder.
    package var templates: String
    /// Overrides `base_url` from `site.yml`.
    package var baseURL: String?
    /// Remembers what each content file read as, so that a later build parses only the files that changed.
    package var entities: EntityCache?
    /// Draws the charts, and remembers them from one build to the next.
    package var charts: ChartRenderer
    /// Whether body pages link to the PDF of their terms (true when the build makes PDFs).
    package var linksPDF = false
    /// Whether the search page uses a full-text index (true when the build writes one).
    package var hasSearchIndex = false
    /// Whether the strict warnings (advice a site may leave open, `charter check --strict`) are kept.
    package var strict = false

    public init(content: String = "content", templates: String = "templates", baseURL: String? = nil, entities: EntityCache? = nil,
                charts: ChartRenderer = ChartRenderer()) {
        self.content = content
        self.templates = templates
        self.baseURL = baseURL
        self.entities = entities
        self.charts = charts
    }

    /// Stage 1, content: reads the content folder's files.
    package func load(into diagnostics: inout Diagnostics) -> ContentTree {
        diagnostics.stage = .content
        return ContentTree.load(from: content, cache: entities, into: &diagnostics)
    }

    /// Stage 2, model: the checked model — entities from their front matter and Markdown, ids, references, cycles, links,
    /// the inputs of the charts — with the words of the site's language, and its dates through time checked in them.
    package func model(_ tree: ContentTree, into diagnostics: inout Diagnostics) -> Site {
        diagnostics.stage = .model
        var site = SiteBuilder.build(tree, cache: entities, into: &diagnostics)
        ChartChecks.check(site, into: &diagnostics)
        if let baseURL { site.config.baseURL = baseURL }
        site.translation = TranslationLoader.load(config: site.config, templates: templates, content: content, into: &diagnostics)
        TranslationLoader.checkPaths(of: site, content: content, into: &diagnostics)
        // Dates written in words are read with the language's month names.
        ChronologyChecker.check(site, into: &diagnostics)
        if !strict { diagnostics = diagnostics.withoutStrict }
        return site
    }

    /// Stage 3, templates: compiles the templates folder (or takes `compiled`, an earlier build's of the same files) and
    /// checks it against the site: every template the site's pages need, every word the templates use. Nil when the
    /// folder cannot be read.
    package func templates(for site: Site, reusing compiled: TemplateSet? = nil, into diagnostics: inout Diagnostics) -> TemplateSet? {
        diagnostics.stage = .templates
        guard let templates = compiled ?? TemplateSet.load(from: templates, into: &diagnostics) else { return nil }
        TranslationLoader.check(templates, against: site.translation, content: content, into: &diagnostics)
        templates.checkPageTemplates(for: site, into: &diagnostics)
        return templates
    }

    /// Stage 4, plan: the jobs that make the files `selection` asks for, from the site as it stands on `buildDate` —
    /// entity and site-wide pages (`SiteRenderer`), print pages (`PrintRenderer`), data files (`OpenData`), assets. Nothing
    /// renders yet.
    ///
    /// - Parameters:
    ///   - previous: the last plan's renderer, when only Markdown text changed since (the preview), whose organisation
    ///     through time is then reused.
    ///   - printDocuments: print documents of an earlier build to reuse, by body id (the preview's, for bodies whose
    ///     terms did not change).
    package func plan(_ site: Site, templates: TemplateSet, buildDate: Day, selecting selection: PageSelection,
                      reusingHistoryOf previous: SiteRenderer? = nil, printDocuments: [String: TemplateValue] = [:],
                      into diagnostics: inout Diagnostics) -> SitePlan {
        diagnostics.stage = .plan
        var renderer = SiteRenderer(site: site, templates: templates, buildDate: buildDate, charts: charts, reusingHistoryOf: previous)
        renderer.linksPDF = linksPDF
        renderer.hasSearchIndex = hasSearchIndex
        // The renderer's site is already as of `buildDate`, which the print renderer then takes as it is (one snapshot
        // of the organisation, not two).
        let printer = PrintRenderer(site: renderer.site, templates: templates, printDate: buildDate, charts: charts)
        for id in (selection.print ?? []).sorted() where printer.site[id]?.terms == nil {
            let reason = printer.site[id] == nil ? "no entity has the id '\(id)'" : "'\(id)' has no terms of reference"
            diagnostics.error("cannot print: \(reason)", at: SourceLocation(path: content))
        }
        // A body selected for printing is printed again; the others' documents may be reused.
        let reusable = printDocuments.filter { id, _ in selection.print.map { !$0.contains(id) } ?? false }
        let documents = PrintDocuments(bodies: printer.bodies, reusing: reusable)
        var plan = SitePlan(jobs: renderer.jobs(selecting: selection), printDocuments: documents)
        plan.renderer = renderer
        plan.jobs += printer.jobs(selecting: selection, documents: documents)
        if selection.data {
            let dated = renderer.site
            plan.jobs += OpenData.Format.allCases.map { format in PageJob(page: nil) { _ in OpenData.files(site: dated, format: format) } }
        }
        let assets = templates.assets.filter { selection.assets?.contains($0.path) ?? true }
        if !assets.isEmpty { plan.jobs.append(PageJob(page: nil) { _ in assets.map { RenderedFile(path: $0.path, data: $0.data) } }) }
        if selection.isAll { plan.forgetsUnusedChartsOf = charts }
        return plan
    }

    /// Every file of `site` on `buildDate`, rendered: the plan of the whole site, run (what the fuzzer and the tests call
    /// on a model they made themselves).
    public func render(_ site: Site, templates: TemplateSet, buildDate: Day, into diagnostics: inout Diagnostics) -> [RenderedFile] {
        let plan = plan(site, templates: templates, buildDate: buildDate, selecting: .all, into: &diagnostics)
        diagnostics.stage = .render
        return plan.run(into: &diagnostics)
    }
}
