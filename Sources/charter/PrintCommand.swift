import ArgumentParser
import CharterCore
import Foundation

/// `charter print`: printable terms of reference, as HTML for A4 and, with `--pdf`, as PDF.
struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Make the printable terms of reference (print/<id>.html, and PDFs with --pdf) and the Kommissoriesamling.",
        discussion: """
        Without IDs every body with terms of reference is printed, plus the collection (print/kommissoriesamling).
        PDFs are made by WeasyPrint (Debian package weasyprint) or, with --engine chromium, by headless Chromium.
        """
    )

    @Argument(help: "Ids of the bodies to print (default: all with terms of reference).")
    var ids: [String] = []

    @Flag(help: "Also make PDFs.")
    var pdf = false

    @Option(help: "The PDF engine: weasyprint or chromium.")
    var engine: String = "weasyprint"

    @OptionGroup var paths: PathOptions

    func run() throws {
        try paths.requireFolders()
        let pdfEngine = pdf ? try PDFEngineChoice.find(engine) : nil
        let result = Printing(content: paths.content, templates: paths.templates, output: paths.output, ids: ids, engine: pdfEngine).run()
        for diagnostic in result.diagnostics { FileHandleOutput.standardError(diagnostic.description) }
        if result.diagnostics.hasErrors {
            FileHandleOutput.standardError("\(result.diagnostics.errorCount) error(s); nothing printed")
            throw ExitCode(1)
        }
        if !paths.quiet {
            for file in result.written { print(paths.output + "/" + file) }
            print(String(format: "Printed %d document(s) in %.1f s", result.written.count, result.seconds))
        }
    }
}

/// Finds the PDF engine a command asked for, or exits 2 saying which package to install.
enum PDFEngineChoice {
    static func find(_ name: String) throws -> PDFEngine {
        guard let kind = PDFEngine.Kind(rawValue: name) else {
            FileHandleOutput.standardError("charter: error: unknown engine '\(name)'; use weasyprint or chromium")
            throw ExitCode(2)
        }
        guard let engine = PDFEngine.find(kind) else {
            FileHandleOutput.standardError("charter: error: no PDF engine: '\(kind.rawValue)' is not on PATH (install it: apt-get install -y \(kind.package))")
            throw ExitCode(2)
        }
        return engine
    }
}
