import Foundation

/// The checked model as open data without building the site (`charter export`): reads and checks the content, takes
/// the organisation as it stands on `today`, and makes the files of one format.
///
/// ```swift
/// let export = DataExport.run(content: "content", format: .jsonld)
/// if let file = export.files.first { print(String(decoding: file.data, as: UTF8.self)) }
/// ```
package enum DataExport {
    /// The files made, or the problems that kept them from being made.
    package struct Result: Sendable {
        package var diagnostics: Diagnostics
        /// Paths relative to the data folder (`model.json`, `bodies.csv`, …).
        package var files: [RenderedFile]
    }

    package static func run(content: String, templates: String = "templates", format: OpenData.Format, baseURL: String? = nil,
                           today: Day = .today) -> Result {
        var diagnostics = Diagnostics()
        let stages = Pipeline(content: content, templates: templates, baseURL: baseURL)
        let model = stages.model(stages.load(into: &diagnostics), into: &diagnostics)
        // The templates are checked as for a build, so that an export succeeds only where a build would.
        _ = stages.templates(for: model, into: &diagnostics)
        guard !diagnostics.hasErrors else { return Result(diagnostics: diagnostics, files: []) }
        let files = OpenData.files(site: model.asOf(today), format: format).map {
            RenderedFile(path: String($0.path.dropFirst(OpenData.folder.count + 1)), data: $0.data)
        }
        return Result(diagnostics: diagnostics, files: files)
    }
}
