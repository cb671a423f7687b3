import ArgumentParser
import Foundation
import CharterCore

/// Prints a build's diagnostics and summary, and turns the outcome into the exit code.
struct Report {
    var quiet: Bool
    var verbose: Bool

    func finish(_ result: Build.Result, verb: String, output: String?) throws {
        for diagnostic in result.diagnostics {
            // With --verbose, the stage that found it: `a.md:3:9: error: unknown reference 'x' [model]`.
            let stage = verbose ? diagnostic.stage.map { " [\($0.rawValue)]" } ?? "" : ""
            FileHandleOutput.standardError(diagnostic.description + stage)
        }
        if verbose {
            for (stage, seconds) in result.timings {
                FileHandleOutput.standardError(String(format: "%-10@ %7.1f ms", stage as NSString, seconds * 1000))
            }
        }
        let diagnostics = result.diagnostics
        if diagnostics.hasErrors {
            let warnings = diagnostics.warningCount > 0 ? " and \(diagnostics.warningCount) warning(s)" : ""
            FileHandleOutput.standardError("\(diagnostics.errorCount) error(s)\(warnings); nothing written")
            throw ExitCode(1)
        }
        if !quiet {
            let pages = result.pages.count
            let total = result.timings.map(\.seconds).reduce(0, +)
            let destination = output.map { " into \($0)/" } ?? ""
            let warnings = diagnostics.warningCount > 0 ? ", \(diagnostics.warningCount) warning(s)" : ""
            print(String(format: "%@ %d pages%@ in %.0f ms%@", verb.capitalized as NSString, pages, destination as NSString, total * 1000,
                         warnings as NSString))
        }
    }

    /// Ends the process with exit code 0 at once. The system takes the build's memory back whole; releasing a
    /// 10,000-page site object by object on the way out would take a second or two.
    static func exitWithoutTeardown() -> Never {
        fflush(nil)  // every C stream, standard output among them
        exit(0)
    }
}

enum FileHandleOutput {
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
