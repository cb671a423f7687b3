import Foundation
import Testing
@testable import CharterCore

struct SiteWriterTests {
    @Test func failedBuildLeavesThePreviousSiteExactlyAsItWas() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        #expect(Fixtures.build(Fixtures.content("good"), output: output).wrote)
        let before = try snapshot(output)

        let broken = Fixtures.build(Fixtures.content("broken/unknown-reference"), output: output)
        #expect(broken.diagnostics.hasErrors)
        #expect(!broken.wrote)
        #expect(try snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["site"], "no staging folder is left behind")
    }

    @Test func successfulBuildReplacesTheWholeSite() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("stale.html"))
        try SiteWriter.write([RenderedFile(path: "index.html", text: "new"), RenderedFile(path: "a/b/index.html", text: "deep")],
                             to: output.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == ["a", "index.html"])
        #expect(try String(contentsOf: output.appendingPathComponent("a/b/index.html"), encoding: .utf8) == "deep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site"])
    }

    @Test func outputThatIsAFileIsReportedNotOverwritten() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        try Data("keep".utf8).write(to: output)
        #expect(throws: SiteWriter.WriteError.self) { try SiteWriter.write([RenderedFile(path: "index.html", text: "x")], to: output.path) }
        #expect(try String(contentsOf: output, encoding: .utf8) == "keep")
    }

    func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)! {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return files
    }
}
