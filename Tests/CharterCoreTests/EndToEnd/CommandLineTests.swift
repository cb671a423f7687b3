import Foundation
import Testing
@testable import CharterCore

/// Runs the real `charter` executable as a child process and checks its output and exit codes.
struct CommandLineTests {
    static var executable: URL {
        // The test bundle lives beside the executable in SwiftPM's build folder.
        let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL
            ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return bundle.deletingLastPathComponent().appendingPathComponent("charter")
    }

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func buildSucceedsWithExitZeroAndSaysWhatItDid() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["build", "--content", Fixtures.content("good"), "--templates", Fixtures.templates,
                              "--output", folder.appendingPathComponent("site").path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.range(of: #"^Built \d+ pages into .*/site/ in \d+ ms\n$"#, options: .regularExpression) != nil, "\(result.out)")
    }

    @Test func contentErrorsExitOneWithGccStyleLines() throws {
        let content = Fixtures.content("broken/cycle-parent")
        let result = try run(["check", "--content", content, "--templates", Fixtures.templates])
        #expect(result.status == 1)
        #expect(result.err == "\(content)/b.md:4:9: error: cycle in 'parent': a → b → a\n1 error(s); nothing written\n")
    }

    @Test func missingFolderExitsTwo() throws {
        let result = try run(["build", "--content", "/nonexistent/content", "--templates", Fixtures.templates])
        #expect(result.status == 2)
        #expect(result.err.contains("content folder '/nonexistent/content' not found"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try run(["build", "--colour"])
        #expect(result.status != 0 && result.status != 1)
    }

    @Test func baseURLOptionEnablesTheSitemap() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        let result = try run(["build", "--quiet", "--content", Fixtures.content("good"), "--templates", Fixtures.templates,
                              "--output", site.path, "--base-url", "https://example.dk/x/"])
        #expect(result.status == 0 && result.out.isEmpty)
        let sitemap = try String(contentsOf: site.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://example.dk/x/forum/</loc>"))
    }
}
