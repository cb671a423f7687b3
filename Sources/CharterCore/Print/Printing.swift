import Foundation

/// `charter print` as a library call: checks the content, renders the print pages, writes them into `<output>/print/`
/// (each file replaced atomically) and, with an engine, makes their PDFs.
///
/// ```swift
/// let result = Printing(content: "content", templates: "templates", output: "site", engine: PDFEngine.find(.weasyprint)).run()
/// ```
package struct Printing: Sendable {
    package var content: String
    package var templates: String
    package var output: String
    package var ids: [String]
    package var engine: PDFEngine?
    package var today: Day

    package init(content: String, templates: String, output: String, ids: [String] = [], engine: PDFEngine? = nil, today: Day = .today) {
        self.content = content
        self.templates = templates
        self.output = output
        self.ids = ids
        self.engine = engine
        self.today = today
    }

    /// What was printed.
    package struct Result: Sendable {
        package var diagnostics: Diagnostics
        /// Paths written, relative to the output folder.
        package var written: [String]
        package var seconds: Double
    }

    package func run() -> Result {
        let start = Date()
        let checked = Build(options: .init(content: content, templates: templates, output: output, dryRun: true, today: today)).run()
        var diagnostics = checked.diagnostics
        diagnostics.stage = .templates
        guard !diagnostics.hasErrors, let site = checked.site, let templateSet = TemplateSet.load(from: templates, into: &diagnostics) else {
            return Result(diagnostics: diagnostics, written: [], seconds: 0)
        }
        diagnostics.stage = .render
        let printer = PrintRenderer(site: site, templates: templateSet, printDate: today, charts: ChartRenderer())
        for id in ids where site[id]?.terms == nil {
            let reason = site[id] == nil ? "no entity has the id '\(id)'" : "'\(id)' has no terms of reference"
            diagnostics.error("cannot print: \(reason)", at: SourceLocation(path: content))
        }
        guard !diagnostics.hasErrors else { return Result(diagnostics: diagnostics, written: [], seconds: 0) }
        var files = printer.render(ids: ids)
        files += templateSet.assets.filter { $0.path == "assets/print.css" }.map { RenderedFile(path: $0.path, data: $0.data) }
        var written: [String] = []
        diagnostics.stage = .write
        do {
            for file in files {
                try writeAtomically(file)
                if file.path.hasSuffix(".html") { written.append(file.path) }
            }
        } catch {
            diagnostics.error("cannot write: \(error.localizedDescription)", at: SourceLocation(path: output))
            return Result(diagnostics: diagnostics, written: written, seconds: Date().timeIntervalSince(start))
        }
        if let engine {
            let failures = engine.convertAll(written, in: output)
            for failure in failures { diagnostics.error("PDF engine failed: \(failure.message)", at: SourceLocation(path: failure.file)) }
            let pdfs = written.map { String($0.dropLast(5)) + ".pdf" }.filter { FileManager.default.fileExists(atPath: output + "/" + $0) }
            written += pdfs
        }
        return Result(diagnostics: diagnostics, written: written, seconds: Date().timeIntervalSince(start))
    }

    func writeAtomically(_ file: RenderedFile) throws {
        let url = URL(fileURLWithPath: output).appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.data.write(to: url, options: .atomic)
    }
}
