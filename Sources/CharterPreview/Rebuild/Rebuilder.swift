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
        let stages = Pipeline(content: content, templates: templates, entities: entities, charts: charts)
        var diagnostics = Diagnostics()
        var clock = StageClock()
        let tree = clock.time("read") { stages.load(into: &diagnostics) }
        let site = clock.time("model") { stages.model(tree, into: &diagnostics) }
        let compiled = last.flatMap { $0.templates == templateFiles ? $0.compiled : nil }
        let templateSet = clock.time("templates") { stages.templates(for: site, reusing: compiled, into: &diagnostics) }
        var outcome = RebuildOutcome(diagnostics: diagnostics, scope: .none, rendered: 0, written: [], removed: [],
                                     seconds: 0, timings: clock.timings)
        guard let templateSet, !outcome.diagnostics.hasErrors else {
            outcome.seconds = elapsed(since: start)
            return outcome
        }

        // Only Markdown text changed in a partial rebuild, so the organisation through time is the last build's.
        let rebuildPlan = last.map { RebuildPlan.make(from: $0, to: site, templates: templateFiles, buildDate: today) }
            ?? .full(reason: "first build")
        var kept: LastBuild?
        let selection: PageSelection
        switch rebuildPlan {
        case .partial(let pages, let print):
            kept = last
            // The open data holds the backlinks, which a change to a text's links changes (and nothing else a partial
            // rebuild changes): made again only then, as it is as large as the model.
            let changedAssets = templateFiles.assets.filter { last?.templates.assets[$0.key] != $0.value }.keys
            selection = PageSelection(entities: pages, siteWide: false, data: last?.site.backlinks != site.backlinks,
                                      print: print, printBook: !print.isEmpty, assets: Set(changedAssets))
            outcome.scope = .partial
        case .full(let reason):
            selection = .all
            outcome.scope = .full(reason: reason)
        }
        var renderDiagnostics = Diagnostics()
        let plan = clock.time("plan") {
            stages.plan(site, templates: templateSet, buildDate: today, selecting: selection, reusingHistoryOf: kept?.renderer,
                        printDocuments: kept?.printDocuments ?? [:], into: &renderDiagnostics)
        }
        renderDiagnostics.stage = .render
        let rendered = clock.time("render") { plan.run(into: &renderDiagnostics) }
        outcome.timings = clock.timings
        outcome.rendered = rendered.count
        // Warnings of the pages kept from the last build still hold.
        let warnings = (kept?.renderWarnings ?? []) + Array(renderDiagnostics)
        var files = kept?.files ?? [:]
        let assets = Set(templateSet.assets.map(\.path))
        for path in kept?.assets ?? [] where !assets.contains(path) { files[path] = nil }
        for file in rendered { files[file.path] = file.data }
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
        last = LastBuild(site: site, templates: templateFiles, compiled: templateSet, buildDate: today, files: files,
                         assets: assets, printDocuments: plan.printDocuments?.made ?? [:],
                         renderWarnings: warnings, renderer: plan.renderer ?? kept!.renderer)
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
