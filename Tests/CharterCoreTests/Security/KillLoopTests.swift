import Foundation
import Testing
@testable import CharterCore

/// A build killed with SIGKILL at any moment leaves either the previous complete site or the new complete site.
struct KillLoopTests {
    func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return files
    }

    func build(_ content: String, _ output: String) throws -> Process {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["build", "--quiet", "--no-search", "--content", content, "--templates", Fixtures.templates, "--output", output]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killedBuildsLeaveTheOldOrTheNewSiteNeverAMixture() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two versions of the content: the good fixture, and the same with one title changed.
        let contentA = Fixtures.content("good")
        let contentB = folder.appendingPathComponent("content-b").path
        try FileManager.default.copyItem(atPath: contentA, toPath: contentB)
        let page = contentB + "/organer/forum.md"
        try String(contentsOfFile: page, encoding: .utf8)
            .replacingOccurrences(of: "title: \"Forum for ældre og sundhed\"", with: "title: \"Forum for ældre, sundhed og omsorg\"")
            .write(toFile: page, atomically: true, encoding: .utf8)

        let output = folder.appendingPathComponent("site").path
        func completeSite(of content: String) throws -> [String: Data] {
            let process = try build(content, output)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return snapshot(output)
        }
        // Each version's complete site, minus the build date which is the same within one run.
        let siteB = try completeSite(of: contentB)
        let siteA = try completeSite(of: contentA)
        #expect(siteA != siteB)

        var generator = SeededGenerator(seed: 2026)
        var outcomes: [String: Int] = [:]
        for round in 0..<24 {
            let content = round.isMultiple(of: 2) ? contentB : contentA
            let process = try build(content, output)
            usleep(UInt32.random(in: 0...120_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = snapshot(output)
            let state = now == siteA ? "A" : now == siteB ? "B" : "mixture"
            outcomes[state, default: 0] += 1
            #expect(state != "mixture", "round \(round): site/ is neither the old nor the new site")
            // Restore a known state half of the time so both directions of the swap are exercised.
            if round.isMultiple(of: 3) { _ = try completeSite(of: contentA) }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".site.") }
        _ = try completeSite(of: contentA)
        let afterCleanBuild = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".site.") }
        #expect(afterCleanBuild.isEmpty, "staging folders of killed builds are removed by the next build (had \(leftovers))")
    }
}

/// A small deterministic random number generator (SplitMix64) so test runs repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
