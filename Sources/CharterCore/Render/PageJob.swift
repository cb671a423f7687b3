/// One piece of the render stage: makes one page (or a few files, such as the data files of one format), with the
/// problems found making it. A `SitePlan` is a list of them, contributed by the producers of pages (entity pages, charts,
/// print, calendars, data, sitemap, assets).
///
/// ```swift
/// let job = PageJob(page: "404.html") { _ in [renderer.render404()] }
/// ```
package struct PageJob: Sendable {
    /// The HTML page the job makes, from the site's root, known before it runs (so that a check can count the pages
    /// without rendering them); nil for a job that makes other files (data, calendars, sitemap, assets).
    package var page: String?
    /// Whether the job is one of the few long site-wide ones, started before the many short entity pages so that it does
    /// not finish last on one core.
    package var early: Bool
    /// Makes the files, adding what went wrong (a chart that could not be drawn) to the problems.
    package var make: @Sendable (inout [Diagnostic]) -> [RenderedFile]

    package init(page: String?, early: Bool = true, make: @escaping @Sendable (inout [Diagnostic]) -> [RenderedFile]) {
        self.page = page
        self.early = early
        self.make = make
    }
}
