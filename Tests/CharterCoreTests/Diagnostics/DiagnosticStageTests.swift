import Foundation
import Testing
@testable import CharterCore

/// Every diagnostic of a build carries the stage that found it, and the stage changes nothing else about it.
struct DiagnosticStageTests {
    @Test func aDiagnosticAddedTakesTheCurrentStageUnlessItHasOne() {
        var diagnostics = Diagnostics()
        diagnostics.error("outside", at: SourceLocation(path: "a.md"))
        diagnostics.stage = .model
        diagnostics.error("in the model", at: SourceLocation(path: "b.md"))
        var found = Diagnostic.error("found by the renderer", at: SourceLocation(path: "c.md"))
        found.stage = .render
        diagnostics.append(found)
        #expect(diagnostics.sorted.map(\.stage) == [nil, .model, .render])
    }

    @Test func theStageIsNotPartOfADiagnosticsIdentityOrText() {
        var inModel = Diagnostic.error("x", at: SourceLocation(path: "a.md", line: 1, column: 1))
        inModel.stage = .model
        var inRender = inModel
        inRender.stage = .render
        #expect(inModel == inRender)
        #expect(inModel.description == "a.md:1:1: error: x")
        #expect(Diagnostics([inModel, inRender]).sorted.count == 1)
    }

    /// Broken content, each found by its own stage: the content stage reads the files, the model stage their front
    /// matter and Markdown, and checks the model.
    @Test(arguments: [
        ("broken/not-utf8", Diagnostic.Stage.content),
        ("broken/malformed-yaml", .model),
        ("broken/unknown-reference", .model),
        ("broken/broken-link", .model),
        ("broken/cycle-parent", .model),
    ])
    func aContentProblemCarriesTheStageThatFoundIt(fixture: String, stage: Diagnostic.Stage) throws {
        let output = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = Fixtures.build(Fixtures.content(fixture), output: output.appendingPathComponent("site").path)
        let diagnostic = try #require(result.diagnostics.sorted.first)
        #expect(diagnostic.stage == stage, "\(diagnostic)")
    }

    @Test func aMissingRequiredTemplateIsATemplatesProblem() throws {
        let templates = Fixtures.temporaryFolder()
        let output = Fixtures.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: templates)
            try? FileManager.default.removeItem(at: output)
        }
        let result = Build(options: .init(content: Fixtures.content("good"), templates: templates.path,
                                          output: output.appendingPathComponent("site").path, dryRun: true)).run()
        let missing = result.diagnostics.sorted.filter { $0.message.hasPrefix("missing template") }
        #expect(!missing.isEmpty)
        #expect(missing.allSatisfy { $0.stage == .templates }, "\(missing.map(\.stage))")
    }

    /// A template that only some sites need (the timeline's, for a site with dated events) is checked against the site in
    /// the templates stage, so that `charter check` finds it and nothing renders without it.
    @Test func aMissingPageTemplateIsFoundBeforeRendering() throws {
        let templates = Fixtures.temporaryFolder()
        let output = Fixtures.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: templates)
            try? FileManager.default.removeItem(at: output)
        }
        let theme = templates.appendingPathComponent("theme")
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: theme.path)
        try FileManager.default.removeItem(at: theme.appendingPathComponent("timeline.mustache"))
        let result = Build(options: .init(content: Fixtures.content("good"), templates: theme.path,
                                          output: output.appendingPathComponent("site").path, dryRun: true)).run()
        let diagnostic = try #require(result.diagnostics.sorted.first { $0.message.hasPrefix("missing template 'timeline") })
        #expect(diagnostic.stage == .templates)
        #expect(result.files.isEmpty)
    }

    @Test func anOutputThatCannotBeWrittenIsAWriteProblem() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        let result = Fixtures.build(Fixtures.content("good"), output: file.appendingPathComponent("site").path)
        let diagnostic = try #require(result.diagnostics.sorted.first { $0.severity == .error })
        #expect(diagnostic.message.hasPrefix("cannot write output"), "\(diagnostic)")
        #expect(diagnostic.stage == .write)
    }
}
