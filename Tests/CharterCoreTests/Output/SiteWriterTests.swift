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

    @Test func aDetachedRemovalSwapsTheNewSiteInAtOnceAndDeletesTheOldOneAfterwards() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("deep/er"), withIntermediateDirectories: true)
        for index in 0..<200 { try Data("old".utf8).write(to: output.appendingPathComponent("deep/er/\(index).html")) }
        try SiteWriter.write([RenderedFile(path: "index.html", text: "new")], to: output.path, removal: .detached)
        // The new site is complete the moment the call returns, whatever the old one's removal is doing.
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["index.html"])
        let deadline = Date().addingTimeInterval(10)
        var left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        while left != ["site"], Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        }
        #expect(left == ["site"], "the previous site, renamed to .site.old-<pid>, is deleted by its own process")
    }

    @Test func aPreviousSiteThatAnEndedBuildLeftIsRemovedByTheNextOne() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // No process has this id (above the kernel's pid_max), as for a build that ended before its removal finished.
        let leftover = folder.appendingPathComponent(".site.old-2147483646/deep")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: leftover.appendingPathComponent("page.html"))
        try SiteWriter.write([RenderedFile(path: "index.html", text: "new")], to: folder.appendingPathComponent("site").path)
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

    @Test func filesWrittenFromManyThreadsWhileRenderingAllArrive() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        let files = (0..<400).map { RenderedFile(path: "group-\($0 % 7)/page-\($0)/index.html", text: "page \($0)") }
        let staging = try SiteWriter.Staging(output: output)
        DispatchQueue.concurrentPerform(iterations: files.count) { staging.write(files[$0]) }
        try staging.commit()
        for file in files {
            #expect(FileManager.default.contents(atPath: output + "/" + file.path) == file.data)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site"])
    }

    @Test func aWriteThatFailsWhileRenderingSwapsNothingIn() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        try SiteWriter.write([RenderedFile(path: "index.html", text: "previous")], to: output)
        let staging = try SiteWriter.Staging(output: output)
        staging.write(RenderedFile(path: "a", text: "a file where a folder is needed next"))
        staging.write(RenderedFile(path: "a/index.html", text: "cannot be written"))
        #expect(throws: SiteWriter.WriteError.self) { try staging.commit() }
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site"])
    }

    @Test func anErrorFoundWhileRenderingLeavesThePreviousSiteAsItWas() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        #expect(Fixtures.build(Fixtures.content("good"), output: output).wrote)
        let before = try snapshot(output)
        // Without organisation.mustache, the error is found only when the organisation page renders, after the other
        // pages were already written to the staging folder.
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: templates.path)
        try FileManager.default.removeItem(at: templates.appendingPathComponent("organisation.mustache"))
        let options = Build.Options(content: Fixtures.content("good"), templates: templates.path, output: output)
        let result = Build(options: options).run()
        #expect(result.diagnostics.sorted.map(\.description).contains(
            "\(templates.path)/organisation.mustache: error: missing template 'organisation.mustache': the organisation page needs it"))
        #expect(!result.wrote)
        #expect(try snapshot(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["site", "templates"])
    }

    func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)! {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return files
    }
}
