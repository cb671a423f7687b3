import CharterCore
import Foundation
import Testing
@testable import CharterPreview

/// After every kind of edit, the preview's rebuild — which renders only what changed — leaves exactly the site a fresh
/// `charter build` makes, in memory and on disk.
struct IncrementalRebuildTests {
    /// An edit to a workspace and what the rebuild after it should write.
    struct Edit: CustomTestStringConvertible, Sendable {
        enum Expected: Sendable {
            /// Only what was rendered again, and exactly these pages changed.
            case pages(Set<String>)
            /// Only what was rendered again: the pages of a type, more than a handful.
            case pagesOfTypes
            /// Everything rendered again.
            case everything
        }
        var name: String
        var expected: Expected
        var apply: @Sendable (Workspace) throws -> Void
        var testDescription: String { name }

        init(name: String, pages: Set<String>, apply: @escaping @Sendable (Workspace) throws -> Void) {
            self.init(name: name, expected: .pages(pages), apply: apply)
        }

        init(name: String, expected: Expected, apply: @escaping @Sendable (Workspace) throws -> Void) {
            self.name = name
            self.expected = expected
            self.apply = apply
        }
    }

    static let edits: [Edit] = [
        Edit(name: "text of a body with terms", pages: ["forum/index.html", "print/forum.html", "print/kommissoriesamling.html"]) {
            try $0.edit("content/organer/forum.md", replacing: "Æblet og øen på åen.", with: "Æblet, øen og åen.")
        },
        Edit(name: "text of the home page", pages: ["index.html"]) {
            try $0.edit("content/index.md", replacing: "Velkommen.", with: "Goddag.")
        },
        Edit(name: "a link added to a text", pages: ["baggrund/index.html", "plejecenter/index.html"]) {
            try $0.edit("content/sider/baggrund.md", replacing: "Se [tidsplanen]", with: "Se [plejecentret](../enheder/plejecenter.md) og [tidsplanen]")
        },
        Edit(name: "a link removed from a text", pages: ["index.html", "styregruppe/index.html"]) {
            try $0.edit("content/index.md", replacing: "Læs om [Styregruppen](organer/styregruppe.md) og", with: "Læs om")
        },
        Edit(name: "a heading renamed", pages: ["forum/index.html", "print/forum.html", "print/kommissoriesamling.html"]) {
            try $0.edit("content/organer/forum.md", replacing: "## Baggrund", with: "## Historie")
        },
        Edit(name: "a page template", pages: ["gammelt-udvalg/index.html", "styregruppe/index.html", "forum/index.html"]) {
            try $0.edit("templates/body.mustache", replacing: "{{/content}}", with: "<p>Organ</p>\n{{/content}}")
        },
        Edit(name: "an asset", pages: []) {
            try $0.write("templates/assets/style.css", try $0.read("templates/assets/style.css") + "\n.new { color: red; }\n")
        },
        Edit(name: "a new asset", pages: []) {
            try $0.write("templates/assets/extra.css", "p { margin: 0; }\n")
        },
        Edit(name: "a title in front matter", expected: .everything) {
            try $0.edit("content/personer/anne-jensen.md", replacing: "Anne Jensen", with: "Anne Hansen")
        },
        Edit(name: "site.yml", expected: .everything) {
            try $0.edit("content/site.yml", replacing: "Testkommunens styring", with: "Testkommunens ledelse")
        },
        Edit(name: "a new file", expected: .everything) {
            try $0.write("content/sider/ny.md", "---\ntype: page\ntitle: Ny side\n---\nNy tekst om [forummet](../organer/forum.md).\n")
        },
        Edit(name: "a removed file", expected: .everything) {
            try FileManager.default.removeItem(atPath: $0.path("content/projekter/tryg-hjem.md"))
            try $0.edit("content/organer/forum.md", replacing: "    - \"Følge [Projekt Tryg hjem](../projekter/tryg-hjem.md).\"\n", with: "")
        },
        Edit(name: "a partial the list pages use", expected: .everything) {
            try $0.write("templates/partials/items.mustache", try $0.read("templates/partials/items.mustache") + "\n")
        },
        Edit(name: "the layout", expected: .everything) {
            try $0.edit("templates/layout.mustache", replacing: "</footer>", with: "<p>Ny fod</p>\n</footer>")
        },
        Edit(name: "a partial only page templates use", expected: .pagesOfTypes) {
            try $0.write("templates/partials/backlinks.mustache", try $0.read("templates/partials/backlinks.mustache") + "\n")
        },
    ]

    @Test(arguments: edits)
    func aRebuildAfterAnEditLeavesTheSiteAFullBuildMakes(_ edit: Edit) throws {
        let workspace = try Fixtures.workspace(templates: true)
        defer { workspace.remove() }
        var rebuilder = Rebuilder(content: workspace.content, templates: workspace.templates, output: workspace.output)
        let first = rebuilder.rebuild(today: Fixtures.today)
        #expect(first.succeeded, "\(Array(first.diagnostics))")

        try edit.apply(workspace)
        let outcome = rebuilder.rebuild(today: Fixtures.today)
        #expect(outcome.succeeded, "\(Array(outcome.diagnostics))")
        let expected = workspace.fullBuild()
        #expect(rebuilder.last?.files == expected)
        #expect(workspace.filesOnDisk() == expected)
        let htmlWritten = Set(outcome.written.filter { $0.hasSuffix(".html") })
        switch edit.expected {
        case .pages(let pages):
            #expect(outcome.scope == .partial)
            #expect(htmlWritten == pages, "only the pages whose inputs changed are written")
        case .pagesOfTypes:
            #expect(outcome.scope == .partial)
            #expect(htmlWritten.count > 5 && !htmlWritten.contains("index.html") && !htmlWritten.contains { $0.hasPrefix("print/") })
        case .everything:
            if case .full = outcome.scope {} else { Issue.record("expected everything to be rendered, got \(outcome.scope)") }
        }
    }

    @Test func aFailedBuildWritesNothingAndTheNextGoodOneCatchesUp() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        var rebuilder = Rebuilder(content: workspace.content, templates: workspace.templates, output: workspace.output)
        _ = rebuilder.rebuild(today: Fixtures.today)
        let good = workspace.filesOnDisk()

        try workspace.edit("content/organer/forum.md", replacing: "Æblet og øen på åen.", with: "Se [x](mangler.md).")
        let failed = rebuilder.rebuild(today: Fixtures.today)
        #expect(!failed.succeeded && failed.scope == .none && failed.written.isEmpty)
        #expect(workspace.filesOnDisk() == good)

        try workspace.edit("content/organer/forum.md", replacing: "Se [x](mangler.md).", with: "Æblet og øen ved åen.")
        let fixed = rebuilder.rebuild(today: Fixtures.today)
        #expect(fixed.succeeded && fixed.scope == .partial)
        #expect(workspace.filesOnDisk() == workspace.fullBuild())
    }

    @Test func aRebuildWithoutChangesRendersAndWritesNothing() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        var rebuilder = Rebuilder(content: workspace.content, templates: workspace.templates, output: workspace.output)
        _ = rebuilder.rebuild(today: Fixtures.today)
        let outcome = rebuilder.rebuild(today: Fixtures.today)
        #expect(outcome.scope == .partial && outcome.rendered == 0 && !outcome.changedSite)
    }

    @Test func aNewDayRendersEverything() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        var rebuilder = Rebuilder(content: workspace.content, templates: workspace.templates, output: workspace.output)
        _ = rebuilder.rebuild(today: Fixtures.today)
        let outcome = rebuilder.rebuild(today: Day(year: 2026, month: 3, day: 2))
        #expect(outcome.scope == .full(reason: "the date changed"))
    }
}
