import Foundation
import Testing
@testable import CharterCore

/// `charter init`: the example site builds cleanly in both languages, and a folder in use is left alone.
struct InitTests {
    /// Inits a site into a fresh temporary folder and checks it with `Build`, writing nothing.
    func initAndCheck(_ language: SiteSkeleton.Language) throws -> (result: Build.Result, written: [String]) {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site").path
        let written = try SiteInit.run(folder: site, language: language, templates: Fixtures.templates).written
        let result = Build(options: .init(content: site + "/content", templates: site + "/templates",
                                          output: folder.appendingPathComponent("out").path, dryRun: true)).run()
        return (result, written)
    }

    @Test func initInEnglishBuildsWithNoDiagnostics() throws {
        let (result, written) = try initAndCheck(.en)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.sorted.map(\.description))")
        #expect(written.contains("README.md") && written.contains("content/site.yml") && written.contains("templates"))
        #expect(result.site?.config.language == "en")
    }

    @Test func initInDanishBuildsWithNoDiagnostics() throws {
        let (result, _) = try initAndCheck(.da)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.sorted.map(\.description))")
        #expect(result.site?.config.language == "da")
    }

    @Test(arguments: SiteSkeleton.Language.allCases)
    func exampleSiteHasOneEntityOfEveryTypeAndDeclaresItsKinds(_ language: SiteSkeleton.Language) throws {
        let (result, _) = try initAndCheck(language)
        let site = try #require(result.site)
        for type in EntityType.allCases {
            #expect(site.entities.contains { $0.type == type }, "no \(type) in the \(language) example")
        }
        #expect(site.entities.contains { $0.type == .body && $0.terms != nil })
        #expect(site.config.vocabulary.kindsDeclaredAt[.body] != nil && site.config.vocabulary.kindsDeclaredAt[.unit] != nil)
        let siteYML = try #require(SiteSkeleton.files(language: language).first { $0.path == "content/site.yml" }?.text)
        for key in SiteConfig.keys {
            #expect(siteYML.contains("\n\(key):") || siteYML.contains("\n# \(key):"), "site.yml does not show '\(key)'")
        }
    }

    @Test func initIntoAFolderThatIsNotEmptyFailsAndWritesNothing() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("keep me".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: SiteInit.Failure.notEmpty(folder: folder.path)) {
            try SiteInit.run(folder: folder.path, language: .en, templates: Fixtures.templates)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
    }

    @Test func initWithoutTheThemeFailsAndWritesNothing() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site").path
        #expect(throws: SiteInit.Failure.templatesNotFound(path: "/nonexistent/templates")) {
            try SiteInit.run(folder: site, language: .da, templates: "/nonexistent/templates")
        }
        #expect(!FileManager.default.fileExists(atPath: site))
    }
}
