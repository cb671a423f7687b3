import ArgumentParser
import CharterCore
import Foundation

/// `charter import popolo FILE`: content files made from open data about an organisation.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make content files from a Popolo JSON file: people, bodies, units, roles and their memberships.",
        usage: "charter import popolo FILE [--into DIR]",
        discussion: """
        Writes personer/, organer/, enheder/ and roller/ files into the content folder, and a site.yml when it has none. \
        It never overwrites a file: when any file it would write exists already, or the Popolo file has errors, it \
        writes nothing. What Charter has no place for (contact details, identifiers, areas, events, …) is reported as \
        warnings.
        """
    )

    @Argument(help: "The format of FILE: popolo (https://www.popoloproject.com/specs/).")
    var format: Format

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case popolo
    }

    @Argument(help: "The file to import.")
    var file: String

    @Option(help: "The content folder to write into (created if missing).")
    var into = "content"

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            FileHandleOutput.standardError("charter: error: file '\(file)' not found")
            throw ExitCode(2)
        }
        if FileManager.default.fileExists(atPath: into, isDirectory: &isDirectory), !isDirectory.boolValue {
            FileHandleOutput.standardError("charter: error: '\(into)' is not a folder (use --into to give the content folder)")
            throw ExitCode(2)
        }
        let result = PopoloImport.run(file: file, into: into)
        for diagnostic in result.diagnostics {
            FileHandleOutput.standardError(diagnostic.description)
        }
        let diagnostics = result.diagnostics
        if diagnostics.hasErrors {
            let warnings = diagnostics.warningCount > 0 ? " and \(diagnostics.warningCount) warning(s)" : ""
            FileHandleOutput.standardError("\(diagnostics.errorCount) error(s)\(warnings); nothing written")
            throw ExitCode(1)
        }
        func count(_ type: EntityType) -> Int { result.written.filter { $0.hasPrefix(type.listSlug + "/") }.count }
        let site = result.written.contains("site.yml") ? " and site.yml" : ""
        print("Imported \(count(.person)) people, \(count(.body)) bodies, \(count(.unit)) units and \(count(.role)) roles "
              + "into \(into)/\(site).")
        if !result.unmapped.isEmpty {
            print("Not imported (see the warnings): \(result.unmapped.joined(separator: ", ")).")
        }
    }
}
