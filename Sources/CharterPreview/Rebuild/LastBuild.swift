import CharterCore
import CharterTemplates
import Foundation

/// What the preview keeps of its last good build: the inputs it compares the next build with, and every file it wrote.
struct LastBuild: Sendable {
    var site: Site
    var templates: TemplateFiles
    /// The templates compiled from those files, reused while they stay the same.
    var compiled: TemplateSet
    var buildDate: Day
    /// Every file of the site, by path, as written to the output folder.
    var files: [String: Data]
    /// The paths of the assets among `files`.
    var assets: Set<String>
    /// Each body's terms as the print pages show them (`PrintRenderer.document`), by id, so that the collection of all
    /// terms can be made again when one body changed without making every other body's part again.
    var printDocuments: [String: TemplateValue]
    /// Warnings from rendering (charts that could not be drawn), repeated while the pages they concern are kept.
    var renderWarnings: [Diagnostic]
    /// The renderer of that build, whose organisation through time a rebuild after a change to text only reuses.
    var renderer: SiteRenderer
}
