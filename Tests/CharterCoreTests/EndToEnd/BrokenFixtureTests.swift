import Foundation
import Testing
@testable import CharterCore

/// One broken fixture per kind of content error: each is reported with its exact file, line, column and message.
struct BrokenFixtureTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var expected: String
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(fixture: "malformed-yaml", expected: "a.md:3:14: error: malformed YAML: while scanning a quoted scalar, found unexpected end of stream"),
        Case(fixture: "unknown-field", expected: "a.md:4:1: error: unknown field 'report_to' on a body (did you mean 'reports_to'?)"),
        Case(fixture: "wrong-type", expected: "a.md:4:10: error: 'members' must be a list (lines starting with '- '), not a text"),
        Case(fixture: "missing-title", expected: "a.md:1:1: error: missing 'title': every page needs a title"),
        Case(fixture: "duplicate-id", expected: "sider/forum.md:1:1: error: duplicate id 'forum'; first defined in "),
        Case(fixture: "unknown-reference",
             expected: "a.md:6:5: error: unknown reference 'drftsmoede' in 'members' (did you mean 'driftsmoede'?): no body, unit, role or person has that id"),
        Case(fixture: "wrong-kind-reference", expected: "a.md:4:14: error: 'secretariat' must refer to a unit, but 'b' is a person"),
        Case(fixture: "cycle-reports-to", expected: "c.md:4:13: error: cycle in 'reports_to': a → b → c → a"),
        Case(fixture: "cycle-parent", expected: "b.md:4:9: error: cycle in 'parent': a → b → a"),
        Case(fixture: "broken-link", expected: "a.md:7:17: error: broken link 'sider/c.md': no content file or id 'sider/c.md'"),
        Case(fixture: "broken-anchor", expected: "a.md:5:4: error: broken link 'b.md#opgaver': 'b' has no heading '#opgaver'"),
        Case(fixture: "unsafe-link", expected: "a.md:5:6: error: unsafe link 'javascript:alert(1)': 'javascript:' links are not allowed"),
        Case(fixture: "not-utf8", expected: "a.md:5:3: error: file is not valid UTF-8 (byte 0xF8); save it as UTF-8"),
    ]

    @Test(arguments: cases)
    func brokenFixtureIsReportedAtItsLocation(_ testCase: Case) throws {
        let content = Fixtures.content("broken/\(testCase.fixture)")
        let output = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = Fixtures.build(content, output: output.appendingPathComponent("site").path)
        let lines = result.diagnostics.sorted.map(\.description)
        #expect(lines.count == 1, "expected exactly one diagnostic, got \(lines)")
        let line = try #require(lines.first)
        #expect(line.hasPrefix(content + "/"), "\(line)")
        #expect(String(line.dropFirst(content.count + 1)).hasPrefix(testCase.expected), "\(line)")
        #expect(!result.wrote)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("site").path))
    }

    @Test func missingTemplatesSyntaxErrorsAndUnknownPartialsAreAllReported() {
        let fixture = Fixtures.root.appendingPathComponent("broken/missing-template").path
        let result = Build(options: .init(content: fixture + "/content", templates: fixture + "/templates", output: "/nonexistent/x",
                                          dryRun: true)).run()
        let lines = result.diagnostics.sorted.map { $0.description.replacingOccurrences(of: fixture + "/templates/", with: "") }
        #expect(lines.contains("body.mustache: error: missing template 'body.mustache': every site needs it"))
        #expect(lines.contains("home.mustache:1:1: error: template syntax error: a section is not closed ('{{/name}}' missing)"))
        #expect(lines.contains("layout.mustache:1:31: error: template refers to 'partials/nav', but there is no 'partials/nav.mustache'"))
        #expect(lines.contains { $0.contains("site.yml:1:1: error: no translation for language 'da': add i18n/da.yaml") })
        // A page template only some sites need is found in the same run as the rest.
        #expect(lines.contains("search.mustache: error: missing template 'search.mustache': the search page needs it"))
        // Ten templates every site needs, the search page's, one syntax error, one unknown partial, no translation.
        #expect(result.diagnostics.errorCount == 14)
    }

    @Test func allProblemsOfARunAreReportedTogether() {
        let lines = Fixtures.diagnose([
            "a.md": "---\ntype: body\ntitle: A\nreports_to: nobody\nkind: komite\n---\n[x](y.md)\n",
            "b.md": "---\ntype: unit\n---\n",
            "c.md": "no front matter\n",
        ])
        #expect(lines == [
            "a.md:4:13: error: unknown reference 'nobody' in 'reports_to': no body or unit has that id",
            "a.md:5:7: error: unknown kind 'komite' for a body; use one of forum, udvalg, styregruppe, råd, møde, kreds, ledelse, or declare it under 'kinds: body:' (site.yml:2:3)",
            "a.md:7:1: error: broken link 'y.md': no content file or id 'y.md'",
            "b.md:1:1: error: missing 'title': every page needs a title",
            "c.md:1:1: error: missing front matter: a content file starts with a line '---', YAML, and a closing '---'",
        ])
    }
}
