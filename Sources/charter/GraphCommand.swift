import ArgumentParser
import CharterCore
import Foundation

/// `charter graph`: one organisation chart on standard output, for use outside the site.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print an organisation chart as DOT or SVG.",
        discussion: """
        Without an ID, the chart of the whole organisation; with the ID of a body or unit, the chart on its page.
        Links point from the site's root, or are absolute when site.yml (or --base-url) gives a base URL.
        """
    )

    @Argument(help: "The id of a body or unit; leave out for the whole organisation.")
    var id: String?

    @Option(help: "dot (Graphviz's input, to lay out elsewhere) or svg (a file with its styles embedded).")
    var format: Format = .svg

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, svg
    }

    @Option(help: "The folder of Markdown content files and site.yml.")
    var content = "content"

    @Option(help: "The folder of templates, whose i18n/ holds the words of the chart in the site's language.")
    var templates = "templates"

    @Option(name: .customLong("base-url"), help: "Make links absolute under this URL (overrides base_url in site.yml).")
    var baseURL: String?

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            FileHandleOutput.standardError("charter: error: content folder '\(content)' not found (use --content to give another)")
            throw ExitCode(2)
        }
        let result = ChartExport.run(content: content, templates: templates, id: id, format: format == .dot ? .dot : .svg, baseURL: baseURL)
        for diagnostic in result.diagnostics {
            FileHandleOutput.standardError(diagnostic.description)
        }
        guard let text = result.text else { throw ExitCode(1) }
        print(text, terminator: "")
    }
}
