import Foundation
import Testing
@testable import CharterCore

/// The build as stages: each can run on its own, a check stops after the plan, and a plan says before rendering which
/// pages it will make.
struct PipelineTests {
    static let date = Day(year: 2026, month: 3, day: 1)

    /// The good fixture's model and templates, through the first three stages.
    static func prepared(_ fixture: String = "good") throws -> (Pipeline, Site, TemplateSet) {
        let stages = Pipeline(content: Fixtures.content(fixture), templates: Fixtures.templates)
        var diagnostics = Diagnostics()
        let site = stages.model(stages.load(into: &diagnostics), into: &diagnostics)
        let templates = try #require(stages.templates(for: site, into: &diagnostics))
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        return (stages, site, templates)
    }

    @Test(arguments: ["good", "english", "time", "merger"])
    func aPlanNamesEveryPageItsRunMakesInOrder(fixture: String) throws {
        let (stages, site, templates) = try Self.prepared(fixture)
        var diagnostics = Diagnostics()
        let plan = stages.plan(site, templates: templates, buildDate: Self.date, selecting: .all, into: &diagnostics)
        let files = plan.run(into: &diagnostics)
        #expect(plan.pages == files.map(\.path).filter { $0.hasSuffix(".html") })
        #expect(plan.pages.count > site.entities.count)
    }

    @Test func aCheckStopsAfterThePlanRenderingNothingButCountingThePagesABuildMakes() {
        let output = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        var options = Build.Options(content: Fixtures.content("good"), templates: Fixtures.templates,
                                    output: output.appendingPathComponent("site").path, today: Self.date)
        options.stopsAfter = .plan
        let check = Build(options: options).run()
        options.stopsAfter = .render
        let dryRun = Build(options: options).run()
        #expect(check.files.isEmpty)
        #expect(!check.wrote && !dryRun.wrote)
        #expect(check.timings.map(\.stage) == ["read", "model", "templates", "plan"])
        #expect(check.pages == dryRun.pages)
        #expect(dryRun.pages == dryRun.files.map(\.path).filter { $0.hasSuffix(".html") })
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("site").path))
    }

    @Test func printingPlansOnlyThePrintPagesAndTheirStylesheet() throws {
        let (stages, site, templates) = try Self.prepared()
        var diagnostics = Diagnostics()
        let all = stages.plan(site, templates: templates, buildDate: Self.date, selecting: .printing(ids: []), into: &diagnostics)
        let files = all.run(into: &diagnostics).map(\.path)
        let bodies = site.entities(of: .body).filter { $0.terms != nil }.map { "print/\($0.id).html" }
        #expect(!bodies.isEmpty)
        #expect(files == bodies + [site.routes.bookPath, "assets/print.css"])

        let one = try #require(bodies.first.map { String($0.dropFirst("print/".count).dropLast(".html".count)) })
        let chosen = stages.plan(site, templates: templates, buildDate: Self.date, selecting: .printing(ids: [one]), into: &diagnostics)
        #expect(chosen.run(into: &diagnostics).map(\.path) == ["print/\(one).html", "assets/print.css"])
        #expect(!diagnostics.hasErrors)
    }

    @Test func printingAnIdWithoutTermsIsAPlanError() throws {
        let (stages, site, templates) = try Self.prepared()
        var diagnostics = Diagnostics()
        _ = stages.plan(site, templates: templates, buildDate: Self.date, selecting: .printing(ids: ["nobody"]), into: &diagnostics)
        let error = try #require(diagnostics.sorted.first)
        #expect(error.message == "cannot print: no entity has the id 'nobody'")
        #expect(error.stage == .plan)
    }

    @Test func aSelectionOfEntitiesPlansTheirPagesAlone() throws {
        let (stages, site, templates) = try Self.prepared()
        let chosen = try #require(site.entities.first { $0.type == .unit })
        var diagnostics = Diagnostics()
        let selection = PageSelection(entities: [chosen.id], siteWide: false, data: false, print: [], printBook: false, assets: [])
        let plan = stages.plan(site, templates: templates, buildDate: Self.date, selecting: selection, into: &diagnostics)
        let files = plan.run(into: &diagnostics)
        #expect(files.map(\.path) == [site.routes.path(of: chosen.id)])
        // The same page as the whole site's plan makes.
        let whole = stages.plan(site, templates: templates, buildDate: Self.date, selecting: .all, into: &diagnostics).run(into: &diagnostics)
        #expect(whole.first { $0.path == files[0].path }?.data == files[0].data)
    }

    @Test func eachBodysPrintDocumentIsMadeOnceAndKeptForTheNextPlan() throws {
        let (stages, site, templates) = try Self.prepared()
        var diagnostics = Diagnostics()
        let plan = stages.plan(site, templates: templates, buildDate: Self.date, selecting: .all, into: &diagnostics)
        #expect(plan.printDocuments?.made.isEmpty == true)  // nothing is made while planning
        let files = plan.run(into: &diagnostics)
        let made = try #require(plan.printDocuments?.made)
        #expect(Set(made.keys) == Set(site.entities(of: .body).filter { $0.terms != nil }.map(\.id)))
        // A later plan that reuses them makes the same collection.
        let again = stages.plan(site, templates: templates, buildDate: Self.date, selecting: .printing(ids: []),
                                printDocuments: made, into: &diagnostics)
        let book = site.routes.bookPath
        #expect(again.run(into: &diagnostics).first { $0.path == book }?.data == files.first { $0.path == book }?.data)
    }

    @Test func stagesCompareInTheOrderABuildRunsThem() {
        #expect(Diagnostic.Stage.allCases.sorted() == [.content, .model, .templates, .plan, .render, .write])
        #expect(Diagnostic.Stage.plan < .render)
    }
}
