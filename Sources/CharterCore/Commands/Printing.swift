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

    /// Runs the stages up to the plan, plans the print pages asked for, renders them and writes each in place.
    package func run() -> Result {
        let start = Date()
        let stages = Pipeline(content: content, templates: templates)
        var diagnostics = Diagnostics()
        let site = stages.model(stages.load(into: &diagnostics), into: &diagnostics)
        let templateSet = stages.templates(for: site, into: &diagnostics)
        guard let templateSet, !diagnostics.hasErrors else { return Result(diagnostics: diagnostics, written: [], seconds: 0) }
        let plan = stages.plan(site, templates: templateSet, buildDate: today, selecting: .printing(ids: ids), into: &diagnostics)
        guard !diagnostics.hasErrors else { return Result(diagnostics: diagnostics, written: [], seconds: 0) }
        diagnostics.stage = .render
        let files = plan.run(into: &diagnostics)
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
