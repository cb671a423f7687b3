import CharterTemplates
import Foundation

/// What the plan stage decided to make: a list of page jobs in output order. Running it is the render stage.
///
/// ```swift
/// let plan = Pipeline(content: "content").plan(site, templates: templates, selecting: .all, into: &diagnostics)
/// let files = plan.run(into: &diagnostics)
/// ```
package struct SitePlan: Sendable {
    package var jobs: [PageJob]
    /// Each body's terms as the print pages show them, by id, once the jobs that need them have run (the preview keeps
    /// them, so that the collection can be made again without making every other body's part again).
    package var printDocuments: PrintDocuments?
    /// The renderer of the site's own pages, whose organisation through time a later plan may reuse (the preview's, after
    /// a change to Markdown text only).
    package var renderer: SiteRenderer?
    /// The chart renderer to tell, after a run that drew every chart of the site, to forget the drawings no chart used.
    package var forgetsUnusedChartsOf: ChartRenderer?

    package init(jobs: [PageJob] = [], printDocuments: PrintDocuments? = nil) {
        self.jobs = jobs
        self.printDocuments = printDocuments
    }

    /// The HTML pages the plan makes, in order.
    package var pages: [String] { jobs.compactMap(\.page) }

    /// Runs every job on all cores, the early ones first, and returns their files in the plan's order.
    ///
    /// `emit` is called with each file as soon as it is made, from the thread that made it, so that it can be written
    /// while the rest renders. With `keep` false, the result holds only the files' paths (their bytes went to `emit`).
    package func run(into diagnostics: inout Diagnostics, emit: (@Sendable (RenderedFile) -> Void)? = nil,
                     keep: Bool = true) -> [RenderedFile] {
        let jobs = self.jobs
        let order = jobs.indices.filter { jobs[$0].early } + jobs.indices.filter { !jobs[$0].early }
        let done = order.concurrentMap { index -> (files: [RenderedFile], problems: [Diagnostic]) in
            var problems: [Diagnostic] = []
            var files = jobs[index].make(&problems)
            if let emit { files.forEach(emit) }
            if !keep { files = files.map { RenderedFile(path: $0.path, data: Data()) } }
            return (files, problems)
        }
        var slots = [(files: [RenderedFile], problems: [Diagnostic])](repeating: ([], []), count: jobs.count)
        for (index, result) in zip(order, done) { slots[index] = result }
        forgetsUnusedChartsOf?.forgetUnused()
        for slot in slots { slot.problems.forEach { diagnostics.append($0) } }
        return slots.flatMap(\.files)
    }
}
