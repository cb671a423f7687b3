import ArgumentParser
import CharterCore
import Foundation

/// `charter export`: the checked model as open data, without building the site.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the checked model as JSON, JSON-LD (W3C Organization Ontology), Popolo or CSV.",
        discussion: """
        The same files a build writes to site/data/, for the organisation as it stands today. Without --output, the
        document goes to standard output (json: model.json; jsonld: organisation.jsonld; popolo: popolo.json). With
        --output, a format of one file is written to that file; json (model.json and model.schema.json) and csv (six
        tables) are written into that folder. csv needs --output.
        """
    )

    @Option(help: "json, jsonld, popolo or csv.")
    var format: OpenData.Format

    @Option(help: "The file (json in a folder, csv always: the folder) to write; standard output when left out.")
    var output: String?

    @Option(help: "The folder of Markdown content files and site.yml.")
    var content = "content"

    @Option(help: "The folder of templates, whose i18n/ holds the words of the site's language.")
    var templates = "templates"

    @Option(name: .customLong("base-url"), help: "Give links and identifiers under this URL (overrides base_url in site.yml).")
    var baseURL: String?

    func run() throws {
        for (name, path) in [("content", content), ("templates", templates)] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                FileHandleOutput.standardError("charter: error: \(name) folder '\(path)' not found (use --\(name) to give another)")
                throw ExitCode(2)
            }
        }
        if format == .csv, output == nil {
            FileHandleOutput.standardError("charter: error: csv is six tables: give --output FOLDER")
            throw ExitCode(2)
        }
        let result = DataExport.run(content: content, templates: templates, format: format, baseURL: baseURL)
        for diagnostic in result.diagnostics { FileHandleOutput.standardError(diagnostic.description) }
        guard !result.diagnostics.hasErrors, let first = result.files.first else { throw ExitCode(1) }
        guard let output else {
            FileHandle.standardOutput.write(first.data)
            return
        }
        do {
            if result.files.count == 1 {
                try first.data.write(to: URL(fileURLWithPath: output))
            } else {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                for file in result.files { try file.data.write(to: URL(fileURLWithPath: output).appendingPathComponent(file.path)) }
            }
        } catch {
            FileHandleOutput.standardError("charter: error: cannot write '\(output)': \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}

extension OpenData.Format: ExpressibleByArgument {}
