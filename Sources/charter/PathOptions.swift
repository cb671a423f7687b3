import ArgumentParser
import Foundation

/// The folders every command reads and writes, relative to the working directory.
struct PathOptions: ParsableArguments {
    @Option(help: "The folder of Markdown content files and site.yml.")
    var content = "content"

    @Option(help: "The folder of Mustache templates and assets/.")
    var templates = "templates"

    @Option(help: "The folder the site is written to (replaced whole, only when the build succeeds).")
    var output = "site"

    @Flag(name: .shortAndLong, help: "Print nothing but errors and warnings.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print the time each stage took.")
    var verbose = false

    /// Exits with code 2 (environment) when the content or templates folder is missing.
    func requireFolders() throws {
        for (name, path) in [("content", content), ("templates", templates)] {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) || !isDirectory.boolValue {
                FileHandleOutput.standardError("charter: error: \(name) folder '\(path)' not found (use --\(name) to give another)")
                throw ExitCode(2)
            }
        }
    }
}
