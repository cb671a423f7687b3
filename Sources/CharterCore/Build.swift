import Foundation

/// The whole build, as named stages: load content → build the model → load templates → render → write.
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
        /// Check only: build the model and render, write nothing.
        public var dryRun = false
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
            self.dryRun = dryRun
            self.today = today
        }
    }

    /// What a build found and made.
    public struct Result: Sendable {
        public var diagnostics: Diagnostics
        /// The model, when content could be read.
        public var site: Site?
        /// Files rendered (also for a dry run); empty when the build stopped on errors. Without `Options.keepsFiles`,
        /// only their paths.
        public var files: [RenderedFile]
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

    /// Templates compiled by an earlier build from the same files; when set, the templates folder is not read again.
    public var templates: TemplateSet?

    public init(options: Options, charts: ChartRenderer = ChartRenderer(), entities: EntityCache? = nil) {
        self.options = options
        self.charts = charts
        self.entities = entities
    }

    /// What the stages before rendering made: the checked model and the compiled templates, with their problems.
    package struct Prepared: Sendable {
        package var diagnostics: Diagnostics
        package var site: Site
        /// Nil when the templates folder could not be read.
        package var templates: TemplateSet?
        package var timings: [(stage: String, seconds: Double)]
    }

    /// Runs the stages before rendering — read, model, checks, templates — for callers that render on their own, such as
    /// the preview server, which renders again only the pages whose inputs changed.
    package func prepare() -> Prepared {
        var diagnostics = Diagnostics()
        var timings: [(stage: String, seconds: Double)] = []
        func timed<T>(_ stage: String, _ work: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let value = try work()
            timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            return value
        }
        diagnostics.stage = .content
        let tree = timed("read") { ContentTree.load(from: options.content, cache: entities, into: &diagnostics) }
        diagnostics.stage = .model
        var site = timed("model") { SiteBuilder.build(tree, cache: entities, into: &diagnostics) }
        ChartChecks.check(site, into: &diagnostics)
        if let baseURL = options.baseURL { site.config.baseURL = baseURL }
        diagnostics.stage = .templates
        let templates = self.templates ?? timed("templates") { TemplateSet.load(from: options.templates, into: &diagnostics) }
        site.translation = TranslationLoader.load(config: site.config, templates: options.templates, content: options.content,
                                                  into: &diagnostics)
        if let templates { TranslationLoader.check(templates, against: site.translation, content: options.content, into: &diagnostics) }
        TranslationLoader.checkPaths(of: site, content: options.content, into: &diagnostics)
        // A model check, run after the translation is loaded.
        diagnostics.stage = .model
        ChronologyChecker.check(site, into: &diagnostics)
        return Prepared(diagnostics: options.strict ? diagnostics : diagnostics.withoutStrict, site: site, templates: templates,
                        timings: timings)
    }

    /// Runs every stage; stops before writing when any error was found, leaving the previous output untouched.
    public func run() -> Result {
        // The last build's chart drawings are read while the model is built.
        let cacheLoaded = DispatchGroup()
        if let path = options.chartCache {
            DispatchQueue.global().async(group: cacheLoaded) { [charts] in charts.load(from: path) }
        }
        let prepared = prepare()
        cacheLoaded.wait()
        var diagnostics = prepared.diagnostics
        var timings: [(String, Double)] = prepared.timings.map { ($0.stage, $0.seconds) }
        func timed<T>(_ stage: String, _ work: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let value = try work()
            timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            return value
        }
        let site = prepared.site
        guard let templates = prepared.templates, !diagnostics.hasErrors else {
            return Result(diagnostics: diagnostics, site: site, files: [], timings: timings, wrote: false)
        }
        // Pages are written into a staging folder as they render; the site is swapped in only when all went well.
        diagnostics.stage = .write
        let staging: SiteWriter.Staging?
        do {
            staging = options.dryRun ? nil : try SiteWriter.Staging(output: options.output, removal: options.previousSiteRemoval)
        } catch let error as SiteWriter.WriteError {
            diagnostics.error("cannot write output: \(error.reason)", at: SourceLocation(path: error.path))
            return Result(diagnostics: diagnostics, site: site, files: [], timings: timings, wrote: false)
        } catch {
            diagnostics.error("cannot write output: \(error.localizedDescription)", at: SourceLocation(path: options.output))
            return Result(diagnostics: diagnostics, site: site, files: [], timings: timings, wrote: false)
        }
        var emit: (@Sendable (RenderedFile) -> Void)?
        if let staging { emit = { file in staging.write(file) } }
        diagnostics.stage = .render
        let files = timed(staging == nil ? "render" : "render and write") { () -> [RenderedFile] in
            var renderer = SiteRenderer(site: site, templates: templates, buildDate: options.today, charts: charts)
            renderer.linksPDF = options.pdfEngine != nil
            renderer.hasSearchIndex = options.searchIndexer != nil
            return renderer.render(into: &diagnostics, emit: emit, keep: emit == nil || options.keepsFiles)
        }
        guard let staging, !diagnostics.hasErrors else {
            staging?.discard()
            return Result(diagnostics: diagnostics, site: site, files: files, timings: timings, wrote: false)
        }
        diagnostics.stage = .write
        do {
            try timed("swap") {
                try staging.commit(removal: options.previousSiteRemoval) { folder in
                    if let engine = options.pdfEngine {
                        let prints = files.map { $0.path }.filter { $0.hasPrefix("print/") && $0.hasSuffix(".html") }
                        let failures = engine.convertAll(prints, in: folder)
                        if !failures.isEmpty { throw PDFFailures(failures: failures) }
                    }
                    try options.searchIndexer?.index(site: folder, keepIndexURL: !site.config.cleanURLs)
                }
            }
        } catch let error as PDFFailures {
            for failure in error.failures {
                let relative = failure.file.split(separator: "/").suffix(2).joined(separator: "/")
                diagnostics.error("PDF engine failed: \(failure.message)", at: SourceLocation(path: options.output + "/" + relative))
            }
            return Result(diagnostics: diagnostics, site: site, files: files, timings: timings, wrote: false)
        } catch let error as SearchIndexer.Failure {
            diagnostics.error("search index failed: \(error.message)", at: SourceLocation(path: options.output))
            return Result(diagnostics: diagnostics, site: site, files: files, timings: timings, wrote: false)
        } catch let error as SiteWriter.WriteError {
            diagnostics.error("cannot write output: \(error.reason)", at: SourceLocation(path: error.path))
            return Result(diagnostics: diagnostics, site: site, files: files, timings: timings, wrote: false)
        } catch {
            diagnostics.error("cannot write output: \(error.localizedDescription)", at: SourceLocation(path: options.output))
            return Result(diagnostics: diagnostics, site: site, files: files, timings: timings, wrote: false)
        }
        if let path = options.chartCache { _ = timed("cache") { charts.save(to: path) } }
        return Result(diagnostics: diagnostics, site: site, files: files, timings: timings, wrote: true)
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
