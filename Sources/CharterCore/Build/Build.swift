import Foundation

/// The whole build, as named stages (`Pipeline`): content → model → templates → plan → render → write.
///
/// ```swift
/// let result = Build(options: .init(content: "content", templates: "templates", output: "site")).run()
/// for diagnostic in result.diagnostics { print(diagnostic) }
/// ```
public struct Build: Sendable {
    /// Where to read and write, and what to do.
    public struct Options: Sendable {
        public var content: String
        public var templates: String
        public var output: String
        /// Overrides `base_url` from `site.yml`.
        public var baseURL: String?
        /// The last stage to run: `.write` for a build, `.render` for a dry run (everything rendered, nothing written),
        /// `.plan` for a check (everything checked and the pages counted, nothing rendered).
        public var stopsAfter: Diagnostic.Stage = .write
        /// Check only: render every page, write nothing (`stopsAfter` `.render`).
        public var dryRun: Bool {
            get { stopsAfter < .write }
            set { stopsAfter = newValue ? .render : .write }
        }
        /// The date shown as the build date.
        public var today: Day
        /// When set, the print pages are also made into PDFs with this engine before the site is swapped in.
        public var pdfEngine: PDFEngine?
        /// When set, the search index is written with it before the site is swapped in, and the search page uses it.
        public var searchIndexer: SearchIndexer?
        /// When set, chart drawings are read from this file before rendering and saved to it after a build that wrote
        /// the site, so that the next build lays out only the charts that changed.
        public var chartCache: String?
        /// When false, the bytes of each file are let go once the file is written (`Result.files` keeps the paths, with
        /// empty data), so that a large build holds a few pages at a time instead of the whole site.
        public var keepsFiles = true
        /// How the previous site is removed after the new one is swapped in: at once, or by a detached process that goes
        /// on after the build (what `charter build` asks for, so that deleting a large old site costs it nothing).
        package var previousSiteRemoval: SiteWriter.Removal = .now
        /// Whether the strict warnings (`charter check --strict`) are kept in the result; left out by default.
        public var strict = false

        public init(content: String = "content", templates: String = "templates", output: String = "site",
                    baseURL: String? = nil, dryRun: Bool = false, today: Day = .today, pdfEngine: PDFEngine? = nil) {
            self.pdfEngine = pdfEngine
            self.content = content
            self.templates = templates
            self.output = output
            self.baseURL = baseURL
            self.today = today
            self.dryRun = dryRun
        }
    }

    /// What a build found and made.
    public struct Result: Sendable {
        public var diagnostics: Diagnostics
        /// The model, when content could be read.
        public var site: Site?
        /// Files rendered (also for a dry run); empty when the build stopped on errors or before rendering. Without
        /// `Options.keepsFiles`, only their paths.
        public var files: [RenderedFile]
        /// The HTML pages planned (and, when the build rendered, made), from the site's root.
        public var pages: [String]
        /// Time spent per stage, in seconds, in order.
        public var timings: [(stage: String, seconds: Double)]
        /// True when the output was written.
        public var wrote: Bool
    }

    public var options: Options
    /// Draws the charts; pass the same one to the next build to reuse the charts that did not change.
    public var charts: ChartRenderer

    /// Remembers what each content file read as; pass the same one to the next build to skip unchanged files.
    public var entities: EntityCache?

    public init(options: Options, charts: ChartRenderer = ChartRenderer(), entities: EntityCache? = nil) {
        self.options = options
        self.charts = charts
        self.entities = entities
    }

    /// The stages, set up with this build's options.
    package var pipeline: Pipeline {
        var pipeline = Pipeline(content: options.content, templates: options.templates, baseURL: options.baseURL,
                                entities: entities, charts: charts)
        pipeline.linksPDF = options.pdfEngine != nil
        pipeline.hasSearchIndex = options.searchIndexer != nil
        pipeline.strict = options.strict
        return pipeline
    }

    /// Runs the stages up to `Options.stopsAfter`; stops before writing when any error was found, leaving the previous
    /// output untouched.
    public func run() -> Result {
        // The last build's chart drawings are read while the model is built.
        let cacheLoaded = DispatchGroup()
        if let path = options.chartCache, options.stopsAfter >= .render {
            DispatchQueue.global().async(group: cacheLoaded) { [charts] in charts.load(from: path) }
        }
        let stages = pipeline
        var diagnostics = Diagnostics()
        var clock = StageClock()
        var site: Site?
        var pages: [String] = []
        var files: [RenderedFile] = []
        func result(wrote: Bool = false) -> Result {
            Result(diagnostics: diagnostics, site: site, files: files, pages: pages,
                   timings: clock.timings, wrote: wrote)
        }
        let tree = clock.time("read") { stages.load(into: &diagnostics) }
        let model = clock.time("model") { stages.model(tree, into: &diagnostics) }
        site = model
        let templates = clock.time("templates") { stages.templates(for: model, into: &diagnostics) }
        guard let templates, !diagnostics.hasErrors, options.stopsAfter >= .plan else { return result() }
        let plan = clock.time("plan") { stages.plan(model, templates: templates, buildDate: options.today, selecting: .all, into: &diagnostics) }
        pages = plan.pages
        guard !diagnostics.hasErrors, options.stopsAfter >= .render else { return result() }
        cacheLoaded.wait()

        // Pages are written into a staging folder as they render; the site is swapped in only when all went well.
        diagnostics.stage = .write
        var staging: SiteWriter.Staging?
        if options.stopsAfter >= .write {
            do {
                staging = try SiteWriter.Staging(output: options.output, removal: options.previousSiteRemoval)
            } catch {
                report(error, into: &diagnostics)
                return result()
            }
        }
        var emit: (@Sendable (RenderedFile) -> Void)?
        if let staging { emit = { file in staging.write(file) } }
        diagnostics.stage = .render
        files = clock.time(staging == nil ? "render" : "render and write") {
            plan.run(into: &diagnostics, emit: emit, keep: emit == nil || options.keepsFiles)
        }
        guard let staging, !diagnostics.hasErrors else {
            staging?.discard()
            return result()
        }
        diagnostics.stage = .write
        do {
            let prints = files.map(\.path).filter { $0.hasPrefix("print/") && $0.hasSuffix(".html") }
            try clock.time("swap") {
                try staging.commit(removal: options.previousSiteRemoval) { folder in
                    if let engine = options.pdfEngine {
                        let failures = engine.convertAll(prints, in: folder)
                        if !failures.isEmpty { throw PDFFailures(failures: failures) }
                    }
                    try options.searchIndexer?.index(site: folder, keepIndexURL: !model.config.cleanURLs)
                }
            }
        } catch {
            report(error, into: &diagnostics)
            return result()
        }
        if let path = options.chartCache { _ = clock.time("cache") { charts.save(to: path) } }
        return result(wrote: true)
    }

    /// Reports what went wrong writing the site.
    private func report(_ error: any Error, into diagnostics: inout Diagnostics) {
        switch error {
        case let error as PDFFailures:
            for failure in error.failures {
                let relative = failure.file.split(separator: "/").suffix(2).joined(separator: "/")
                diagnostics.error("PDF engine failed: \(failure.message)", at: SourceLocation(path: options.output + "/" + relative))
            }
        case let error as SearchIndexer.Failure:
            diagnostics.error("search index failed: \(error.message)", at: SourceLocation(path: options.output))
        case let error as SiteWriter.WriteError:
            diagnostics.error("cannot write output: \(error.reason)", at: SourceLocation(path: error.path))
        default:
            diagnostics.error("cannot write output: \(error.localizedDescription)", at: SourceLocation(path: options.output))
        }
    }
}

/// The PDF failures of one build, thrown to stop the swap.
struct PDFFailures: Error {
    var failures: [PDFEngine.Failure]
}

extension Day {
    /// Today's date in UTC.
    public static var today: Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
