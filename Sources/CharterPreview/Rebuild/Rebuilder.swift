import CharterCore
import CharterTemplates
import Foundation

/// The preview's builds: the first renders everything; each later one reads the content and templates again, renders again
/// only what `RebuildPlan` finds changed, and writes only the files whose bytes differ.
///
/// A failed build writes nothing and keeps the last good build to compare the next one with, so the site stays served as it
/// was until the error is fixed.
struct Rebuilder: Sendable {
    var content: String
    var templates: String
    var output: String
    /// Kept across builds so that charts whose graph did not change are not laid out again.
    let charts: ChartRenderer
    /// Kept across builds so that only content files whose text changed are parsed again.
    let entities = EntityCache()
    private(set) var last: LastBuild?

    init(content: String, templates: String, output: String, charts: ChartRenderer = ChartRenderer()) {
        self.charts = charts
        self.content = content
        self.templates = templates
        self.output = output
    }

    /// Builds the site for `today`, as `charter build` would, writing what changed into the output folder.
    mutating func rebuild(today: Day) -> RebuildOutcome {
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed(since: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - since) / 1e9 }
        // Read before the build reads them: a template saved in between is then seen as changed by the next build.
        let templateFiles = TemplateFiles.read(from: templates)
        var build = Build(options: Build.Options(content: content, templates: templates, output: output, dryRun: true, today: today),
                          charts: charts, entities: entities)
        if let last, last.templates == templateFiles { build.templates = last.compiled }
        let prepared = build.prepare()
        var outcome = RebuildOutcome(diagnostics: prepared.diagnostics, scope: .none, rendered: 0, written: [], removed: [],
                                     seconds: 0, timings: prepared.timings)
        guard let templateSet = prepared.templates, !prepared.diagnostics.hasErrors else {
            outcome.seconds = elapsed(since: start)
            return outcome
        }

        var stageStart = DispatchTime.now().uptimeNanoseconds
        /// Ends a stage of the render, timed for `charter serve --verbose`.
        func stage(_ name: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            outcome.timings.append((name, Double(now - stageStart) / 1e9))
            stageStart = now
        }
        let plan = last.map { RebuildPlan.make(from: $0, to: prepared.site, templates: templateFiles, buildDate: today) }
            ?? .full(reason: "first build")
        let partial: (pages: Set<String>, print: Set<String>)? = if case .partial(let pages, let print) = plan { (pages, print) } else { nil }
        // Only Markdown text changed in a partial rebuild, so the organisation through time is the last build's.
        let renderer = SiteRenderer(site: prepared.site, templates: templateSet, buildDate: today, charts: charts,
                                    reusingHistoryOf: partial == nil ? nil : last?.renderer)
        let printing = PrintRenderer(site: renderer.site, templates: templateSet, printDate: today, charts: charts)
        stage("plan")
        var files: [String: Data]
        var warnings: [Diagnostic]
        var printDocuments: [String: TemplateValue]
        if let last, let (pages, print) = partial {
            files = last.files
            warnings = last.renderWarnings
            printDocuments = last.printDocuments
            let entities = renderer.site.entities.filter { pages.contains($0.id) }
            var rendered = entities.concurrentMap { renderer.renderEntity($0) }
            stage("pages")
            if !print.isEmpty {
                let bodies = printing.bodies.filter { print.contains($0.id) }
                let documents = bodies.concurrentMap(printing.document)
                for (body, document) in zip(bodies, documents) { printDocuments[body.id] = document }
                rendered += zip(bodies, documents).map { printing.renderPage(of: $0, document: $1) }
                if let book = printing.renderBook(documents: printing.bodies.compactMap { printDocuments[$0.id] }) {
                    rendered.append(book)
                }
                stage("print")
            }
            // The open data holds the backlinks, which a change to a text's links changes (and nothing else a partial
            // rebuild changes): written again only then, as it is as large as the model.
            if last.site.backlinks != prepared.site.backlinks {
                rendered += OpenData.Format.allCases.concurrentMap { OpenData.files(site: renderer.site, format: $0) }.flatMap { $0 }
                stage("data")
            }
            for file in rendered { files[file.path] = file.data }
            for path in last.assets { files[path] = nil }
            for asset in templateSet.assets { files[asset.path] = asset.data }
            outcome.rendered = rendered.count
            outcome.scope = .partial
        } else {
            var renderDiagnostics = Diagnostics()
            renderDiagnostics.stage = .render
            let rendered = renderer.render(into: &renderDiagnostics)
            warnings = Array(renderDiagnostics)
            let bodies = printing.bodies
            printDocuments = Dictionary(zip(bodies.map(\.id), bodies.concurrentMap(printing.document)), uniquingKeysWith: { $1 })
            files = Dictionary(rendered.map { ($0.path, $0.data) }, uniquingKeysWith: { $1 })
            outcome.rendered = rendered.count
            if case .full(let reason) = plan { outcome.scope = .full(reason: reason) }
            stage("render")
        }
        outcome.diagnostics.stage = .render
        for warning in warnings { outcome.diagnostics.append(warning) }
        outcome.diagnostics.stage = .write

        let writeStart = DispatchTime.now().uptimeNanoseconds
        do {
            (outcome.written, outcome.removed) = try write(files)
        } catch let error as SiteWriter.WriteError {
            outcome.diagnostics.error("cannot write output: \(error.reason)", at: SourceLocation(path: error.path))
        } catch let error as OutputUpdater.WriteFailure {
            outcome.diagnostics.error("cannot write output: \(error.reason)", at: SourceLocation(path: error.path))
        } catch {
            outcome.diagnostics.error("cannot write output: \(error.localizedDescription)", at: SourceLocation(path: output))
        }
        outcome.timings.append(("write", elapsed(since: writeStart)))
        outcome.seconds = elapsed(since: start)
        guard outcome.succeeded else { return outcome }
        last = LastBuild(site: prepared.site, templates: templateFiles, compiled: templateSet, buildDate: today, files: files,
                         assets: Set(templateSet.assets.map(\.path)), printDocuments: printDocuments, renderWarnings: warnings,
                         renderer: renderer)
        return outcome
    }

    /// Writes the whole site atomically the first time (or when the output folder is gone), then only what changed.
    private func write(_ files: [String: Data]) throws -> (written: [String], removed: [String]) {
        var isDirectory: ObjCBool = false
        if let last, FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            return try OutputUpdater.update(output, from: last.files, to: files)
        }
        try SiteWriter.write(files.map { RenderedFile(path: $0.key, data: $0.value) }, to: output)
        return (files.keys.sorted(), [])
    }
}
