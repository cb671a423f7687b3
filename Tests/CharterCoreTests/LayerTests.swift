import Foundation
import Testing

/// The folders of Sources/CharterCore are layers: a folder uses only the folders below it. `Tests/tools/layers.py`
/// computes which folder uses which (by the names each declares) and checks that against its list of layers.
@Suite struct LayerTests {
    static let script = Fixtures.repository.appendingPathComponent("Tests/tools/layers.py").path

    @Test func everyFolderOfTheLibraryUsesOnlyTheLayersBelowIt() throws {
        let (status, output) = try Self.runChecker([])
        #expect(status == 0, "\(output)")
    }

    @Test func theCheckerReportsAFolderThatUsesAHigherLayerAndIgnoresCommentsAndStrings() throws {
        let root = Fixtures.write([
            "Model/Site.swift": "struct Site {}\n",
            "Render/Page.swift": "struct Page { var site: Site }\n",
            "Diagnostics/Problem.swift": """
                // A Page of the site.
                struct Problem {
                    var site: Site?
                    let note = "Page \\(1) and \\("Page")"
                }

                """,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let (status, output) = try Self.runChecker(["--root", root.path, "--without-known"])
        #expect(status == 1)
        #expect(output.contains("error: Diagnostics may not use Model (upwards): Site"), "\(output)")
        #expect(output.contains("Render → Model: Site\n"), "\(output)")
        #expect(!output.contains("Diagnostics → Render"), "\(output)")
    }

    /// Runs the checker with `--check` and `arguments`; its exit status and what it printed.
    static func runChecker(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--check"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
